// References to actors named elsewhere: "the two countries", "bilateral", "the former", and
// subject pronouns at a clause start. Precision over recall: a reference whose antecedent is
// not clear is not emitted.
import type { ActorMention, Sentence } from '../types.ts';
import { gazetteer } from './gazetteer.ts';
import { words } from './matcher.ts';
import { trie } from './trie.ts';
import { sentenceIndexAt } from '../text/sentences.ts';
import { closedClass, closedClasses, MODALS } from '../text/closed-class.ts';
import { NUMBER_WORDS } from '../text/numbers.ts';

const ACTOR_ROLES = new Set(['name', 'demonym', 'capital', 'organisation']);

const PAIR =
  /\b(?:(?:the|these|those) two|both(?: of)?(?: the)?|the two)\s+(?:countries|nations|states|sides|governments|neighbou?rs|allies|rivals|adversaries|foes|partners|peoples|republics|leaders|presidents|(?:foreign |prime |defen[cs]e )?ministers|delegations|armies|militaries|navies|parliaments)\b|\bbilateral(?:ly)?\b/gi;
// "India and China are neighbours. Their ministers met …": a possessive with a plural of
// officials or forces stands for the two states named just before (never for the document's pair).
const THEIR =
  /\btheir\s+(?:leaders|presidents|(?:foreign |prime |defen[cs]e )?ministers|heads of (?:state|government)|governments|armies|militaries|navies|delegations|diplomats|troops|forces|officials|envoys|negotiators)\b/gi;
// "The three military-led nations", "all four Nordic states", "the trio": a group of states
// named just before, its size in words. Two words at most between the number and the noun
// ("the two nuclear-armed neighbours", "the three Baltic states"); "the other three" is a group
// minus someone.
const GROUP_NOUNS =
  'countries|nations|states|sides|governments|neighbou?rs|allies|rivals|adversaries|foes|' +
  'partners|peoples|republics|leaders|presidents|(?:foreign |prime |defen[cs]e )?ministers|' +
  'delegations|armies|militaries|navies|parliaments|powers|signatories|economies|monarchies';
const SIZES: Readonly<Record<string, number>> = {
  ...NUMBER_WORDS,
  duo: 2,
  trio: 3,
  quartet: 4,
  quintet: 5,
};
const GROUP = new RegExp(
  '\\b(?:([Tt]he|[Tt]hese|[Tt]hose|[Aa]ll(?: the)?|[Bb]oth(?: the)?)\\s+(other\\s+)?' +
    '(?:(two|three|four|five|six|seven|eight|nine|ten)\\s+)?' +
    `((?:[A-Za-z]+(?:-[a-z]+)*\\s+){0,2})(?:${GROUP_NOUNS})\\b|` +
    '[Tt]he\\s+(?:[A-Za-z]+(?:-[a-z]+)*\\s+){0,2}?(duo|trio|quartet|quintet)\\b)',
  'g',
);
// Words that make a group other than the one named: "the remaining two", "many of the states".
const NOT_GROUP_WORDS =
  /\b(?:other|remaining|rest|of|and|or|two|three|four|five|many|several|few)\b/;
// "The kingdom cut ties with Tehran": a state called by a word of its official name (countries.json:
// "Kingdom of Saudi Arabia", "Sultanate of Oman", "Islamic Republic of Iran").
const DESCRIPTOR =
  /\bthe (kingdom|sultanate|emirates?|principality|grand duchy|islamic republic|people's republic|federal republic)\b/gi;
const FORMER = /\bthe (former|latter)\b/gi;
// "The military said", "the government's decision", "the bloc's borders": a state's organ or an
// organisation called by its kind. The noun must head its phrase: a verb, an auxiliary, a
// possessive or punctuation follows ("the military base" is no actor).
const ORGAN_NOUNS = [
  'military',
  'army',
  'armed forces',
  'government',
  'administration',
  'foreign ministry',
  'defen[cs]e ministry',
  'regime',
  'court',
  'tribunal',
  'bloc',
  'regional (?:bloc|body|grouping)',
  'alliance',
  'world body',
  'union',
  'council',
  'commission',
  'agency',
  'organi[sz]ation',
];
const ORGAN_NEXT = [
  '[a-z]+ed|is|was|has|had|have|will|would|could|can|may|might|must|should|did|does|also|then',
  'later|said|says|told|claims|continues|insists|maintains|denies|rejects|accuses|warns|wants',
  'regrets|urges|calls|notes|stresses|welcomes|condemns|remains|believes|plans|hopes|expects',
  'agrees|considers|argues|demands|seeks|supports|opposes|ruled|rules|took|made|gave|sent|met',
  'sought|held|stood|kept|added|and|but|which|who|that|of|to|in|on|over|for|with|at|after',
  'before',
].join('|');
const ORGAN = new RegExp(
  `\\b[Tt]he (${ORGAN_NOUNS.join('|')})(?=(['’]s\\b|[,.;:!?)”"]|\\s+(?:${ORGAN_NEXT})\\b))`,
  'g',
);
// The words of an antecedent that a state's organ refers back to ("the military" → "Pakistan's
// army", "Chinese military"; "the administration" → "the Trump administration").
const ORGAN_WORDS: Record<string, RegExp> = {
  military: /\b(?:military|army|armed forces)\b/i,
  army: /\b(?:army|military)\b/i,
  'armed forces': /\b(?:armed forces|military|army)\b/i,
  government: /\b(?:government|administration|cabinet)\b/i,
  administration: /\b(?:administration|government)\b/i,
  regime: /\b(?:regime|government)\b/i,
  'foreign ministry': /\bforeign ministry\b/i,
  'defense ministry': /\bdefen[cs]e ministry\b/i,
  'defence ministry': /\bdefen[cs]e ministry\b/i,
};
// Organisations an organisation's kind noun may stand for, as codes or as a word of the name it
// was called by.
const BLOCS = new Set([
  'EU',
  'ASEAN',
  'AU',
  'ECOWAS',
  'GCC',
  'SCO',
  'SAARC',
  'EAEU',
  'CIS',
  'OAS',
  'APEC',
  'BRICS',
  'G7',
  'G20',
  'ARL',
  'OIC',
  'AES',
  'OTS',
  'QUAD',
]);
// "The agency" for the IAEA, "the court" for the ICJ: a kind noun in the organisation's full name
// (organisations.tsv) stands for it as well as the words it was called by. Not "the
// organisation", which any group may be called.
const calledOrNamed =
  (noun: RegExp) =>
  (m: ActorMention): boolean =>
    noun.test(m.text) ||
    (m.kind === 'organisation' && noun.test(gazetteer.names.get(m.code) ?? ''));
const aCourt = calledOrNamed(/\bcourt\b/i);
const ORG_KINDS: Record<string, (m: ActorMention) => boolean> = {
  court: (m) => ['ICJ', 'ICC', 'PCA'].includes(m.code) || aCourt(m),
  tribunal: (m) => ['ICJ', 'ICC', 'PCA'].includes(m.code),
  bloc: (m) => BLOCS.has(m.code),
  'regional bloc': (m) => BLOCS.has(m.code),
  'regional body': (m) => BLOCS.has(m.code),
  'regional grouping': (m) => BLOCS.has(m.code),
  alliance: (m) => ['NATO', 'CSTO', 'AES', 'AUKUS'].includes(m.code),
  'world body': (m) => m.code === 'UN',
  union: (m) => ['EU', 'AU', 'EAEU'].includes(m.code),
  council: calledOrNamed(/\bcouncil\b/i),
  commission: calledOrNamed(/\bcommission\b/i),
  agency: calledOrNamed(/\bagency\b/i),
  organization: (m) => /\borgani[sz]ation\b/i.test(m.text),
  organisation: (m) => /\borgani[sz]ation\b/i.test(m.text),
};
// "The Southeast Asian nation", "the tiny Gulf state": a state called by its region.
const REGIONAL = new RegExp(
  `\\b[Tt]he (?:[a-z-]+ ){0,2}(${[...gazetteer.regionWords.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\b\w/g, (c) => c.toUpperCase()).replace(/ /g, '\\s+'))
    .join(
      '|',
    )})(?: island)? (?:nation|country|state|republic|kingdom|monarchy|emirate|neighbou?r)\\b`,
  'g',
);
// "The spokesperson said", "the prime minister sees", "the official added": an office named
// without its state is the latest official of that office named before (a title or a
// state's agent noun: "a State Department official", "Pakistani army spokesperson"). The noun
// heads its phrase, as for organs; "the president of Peru" is a name the gazetteer reads.
const TITLE_WORDS: Record<string, RegExp> = {
  spokesperson: /\bspokes(?:person|man|woman)\b/i,
  'prime minister': /\bprime minister\b/i,
  premier: /\bpremier\b/i,
  president: /\bpresident\b/i,
  chancellor: /\bchancellor\b/i,
  minister: /\bminister\b/i,
  'foreign minister': /\bforeign minister\b/i,
  'defense minister': /\bdefen[cs]e minister\b/i,
  ambassador: /\bambassador\b/i,
  envoy: /\benvoy\b/i,
  official: /\bofficial\b/i,
  diplomat: /\bdiplomat\b/i,
};
const TITLE_REF = new RegExp(
  `\\b[Tt]he (spokes(?:person|man|woman)|prime minister|premier|president|chancellor|` +
    `(?:foreign |defen[cs]e )?minister|ambassador|envoy|official|diplomat)` +
    `(?=(['’]s\\b|[,.;:!?)”"]|\\s+(?:${ORGAN_NEXT})\\b))`,
  'g',
);
// Offices held by many in one story: their antecedent must be near (this sentence or the two
// before), where a spokesperson or an official is named once and quoted for paragraphs.
const NEAR_TITLES = new Set(['president', 'prime minister', 'premier', 'chancellor', 'minister']);
// "The diplomats said", "the ministers agreed": the people of a bloc named with them before
// ("top diplomats from the Group of Seven", "G7 foreign ministers", "ASEAN leaders").
const BLOC_PEOPLE =
  /\b[Tt]he ((?:top |senior )?(?:diplomats|(?:foreign |defen[cs]e |finance |trade )?ministers|leaders|delegates|envoys|heads of state))(?=[,.;:!?)”"]|\s+(?:said|say|says|agreed|added|also|urged|called|pledged|vowed|warned|noted|stressed|welcomed|condemned|met|discussed|will|would|have|had|were|are)\b)/g;
// Between the members of a list of states: "A, B and C", "A, the UAE, and B", "A & B".
const LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?$/;
// How far back (in sentences) an organ or organisation may have been named.
const ORGAN_REACH = 12;
const PRONOUN = /\b(it|he|she|they)\b/gi;
// "his U.N. mission", "her EU delegation": an official's mission to an organisation is the
// official's state (the organisation's name in it is no party).
const ENVOY_OF = new RegExp(
  '\\b(?:[Hh]is|[Hh]er)\\s+(?:(?:\\p{Lu}\\.){2,}|\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+){0,3})\\s+' +
    '(?:(?:deputy|permanent|acting)\\s+)?(?:mission|ambassador|envoy|delegation|representative)s?\\b',
  'gu',
);

// After "the former" / "the latter" as a pronoun comes a verb, an adverb or punctuation; a noun
// ("the former president", "the former Soviet Union") makes it an adjective.
const AFTER_FORMER = closedClasses(
  ['be', 'have', 'do', ...MODALS, 'negator', 'coordinator', 'relative', 'preposition'],
  ['also', 'then', 'remains', 'said', 'says', 'still', 'already', 'too', 'however'],
);
// "It is", "it will": mostly the weather "it" or a thing, not a state.
const IT_NOT_SUBJECT = closedClasses(
  ['be', ...MODALS],
  ['s', 'seems', 'appears', 'remains', 'becomes', 'takes', 'took', 'means'],
);
// Words that may open a clause before its subject. Not "until": "X have sworn to fight until
// they gain control of … near Macedonia" would make "they" X's mention, and the roles then stop
// at it and lose the target named after it.
const CLAUSE_OPENERS = new Set(
  [
    ...closedClasses(
      ['coordinator', 'subordinator-contrast', 'subordinator-time', 'subordinator-cause'],
      ['where', 'so', 'then', 'which'],
    ),
  ].filter((w) => w !== 'until'),
);
const PREPOSITIONS = closedClass('preposition');
const RECIPROCAL = /\b(?:each other|one another|both|bilateral|mutual|jointly|together)\b/i;

function direct(m: ActorMention): boolean {
  return m.how !== 'reference';
}

function isState(m: ActorMention): boolean {
  return m.kind === 'state';
}

/**
 * What "it" may stand for as a subject: a state named as one ("Iran", "Tehran", not "Iranian
 * officials") or an organisation ("The IAEA issued a report. It accused Iran …").
 */
function actsAsIt(m: ActorMention): boolean {
  return (isState(m) && m.how !== 'demonym') || m.kind === 'organisation';
}

/** The document's main pair: from a title "X–Y relations" / "X and Y: …", else the two most mentioned states. */
export function mainPair(mentions: ActorMention[], title?: string | null): [string, string] | null {
  if (title) {
    const codes: string[] = [];
    for (const m of trie.scan(title, words(title))) {
      const f = m.forms.find((x) => ACTOR_ROLES.has(x.role));
      if (f && !codes.includes(f.code!)) codes.push(f.code!);
    }
    if (codes.length >= 2) return [codes[0]!, codes[1]!];
  }
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of mentions) {
    if (!direct(m) || !isState(m)) continue;
    const c = counts.get(m.code) ?? { n: 0, first: m.start };
    c.n++;
    counts.set(m.code, c);
  }
  const ranked = [...counts].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first);
  if (ranked.length < 2) return null;
  return [ranked[0]![0], ranked[1]![0]];
}

/** A title-like first line: short, no final stop, a paragraph of its own. */
function leadTitle(text: string, sents: Sentence[]): string | null {
  const first = sents[0];
  if (!first || first.end - first.start > 150) return null;
  const line = text.slice(first.start, first.end);
  if (/[.!?]$/.test(line) || line.includes('\n')) return null;
  if (!/^\s*\n/.test(text.slice(first.end, first.end + 3))) return null;
  return line;
}

function ref(text: string, start: number, end: number, codes: string[]): ActorMention {
  const code = codes[0]!;
  return {
    start,
    end,
    text: text.slice(start, end),
    code,
    kind: gazetteer.kinds.get(code) ?? 'state',
    how: 'reference',
    codes,
  };
}

/** The subject of a sentence: its first state mention not governed by a preposition. */
function subjectOf(text: string, s: Sentence, mentions: ActorMention[]): ActorMention | null {
  for (const m of mentions) {
    if (!direct(m)) continue;
    const before = text
      .slice(s.start, m.start)
      .toLowerCase()
      .match(/([a-z]+)\W*$/);
    if (before && PREPOSITIONS.has(before[1]!)) continue;
    return m;
  }
  return null;
}

/** Direct mentions plus the references they resolve, sorted by position. */
export function resolveReferences(
  text: string,
  sents: Sentence[],
  mentions: ActorMention[],
  title: string | null,
): ActorMention[] {
  const pair = mainPair(mentions, title ?? leadTitle(text, sents));
  const out = [...mentions];
  // Mentions by sentence and a sorted start list, so each look-up is local (10 MB inputs).
  const bySentence = new Map<number, ActorMention[]>();
  for (const m of mentions) {
    const si = sentenceIndexAt(sents, m.start);
    const list = bySentence.get(si) ?? [];
    list.push(m);
    bySentence.set(si, list);
  }
  const inSentence = (i: number): ActorMention[] => bySentence.get(i) ?? [];
  const occupied = (start: number, end: number): boolean => {
    const si = sentenceIndexAt(sents, start);
    return inSentence(si).some((m) => m.start < end && start < m.end);
  };
  const pairRefs = new Map<number, ActorMention[]>();

  // The states named just before a group reference: earlier in its sentence, else in the
  // sentence before ("Saudi Arabia and Iran agreed … . The two countries had cut ties …").
  const namedBefore = (at: number, n: number): string[] | null => {
    const si = sentenceIndexAt(sents, at);
    const states = (i: number, before = Infinity) => [
      ...new Set(
        inSentence(i)
          .filter((m) => m.start < before && isState(m) && direct(m))
          .map((m) => m.code),
      ),
    ];
    const here = states(si, at);
    if (here.length === n) return here;
    if (here.length === 0 && si > 0) {
      const prev = states(si - 1);
      if (prev.length === n) return prev;
      return listOf(si - 1, Infinity, n);
    }
    return here.length > n ? listOf(si, at, n) : null;
  };
  // The last list of exactly `n` states coordinated in sentence `i` before `before` ("Saudi
  // Arabia and Iran agreed, with China's help, …": the two countries are the list's).
  const listOf = (i: number, before: number, n: number): string[] | null => {
    let found: string[] | null = null;
    let run: ActorMention[] = [];
    const close = () => {
      const codes = [...new Set(run.map((x) => x.code))];
      if (codes.length === n && run.length === n) found = codes;
      run = [];
    };
    for (const x of inSentence(i)) {
      if (x.start >= before) break;
      if (!isState(x) || !direct(x)) continue;
      const prev = run.at(-1);
      if (prev && !LIST_GAP.test(text.slice(prev.end, x.start))) close();
      run.push(x);
    }
    close();
    return found;
  };
  const pairAt = (at: number): string[] | null => namedBefore(at, 2) ?? pair;

  // A group of three or more: the group a reference of that size stood for ("The three nations
  // accused … . ECOWAS kept ties with the trio"), else the states of the nearest earlier
  // sentence (of the last four) that names that many, passing sentences that name fewer; one
  // naming more is an antecedent only through a list of that many. Further back (as far as an
  // organ reaches) only a list or a group reference of that size will do: "Saudi Arabia, the
  // UAE, Bahrain and Egypt cut ties … . [paragraphs on Turkey and Kuwait] … the four countries".
  const groupRefs = new Map<number, ActorMention[]>();
  const groupBefore = (at: number, n: number, earlier = false): string[] | null => {
    const si = sentenceIndexAt(sents, at);
    let near = true;
    for (let i = earlier ? si - 1 : si; i >= 0 && i >= si - ORGAN_REACH; i--) {
      const before = i === si ? at : Infinity;
      const group = (groupRefs.get(i) ?? []).find((r) => r.start < before && r.codes.length === n);
      if (group) return group.codes;
      const codes = new Set<string>();
      for (const x of inSentence(i))
        if (x.start < before && isState(x) && direct(x)) codes.add(x.code);
      if (near && codes.size === n) return [...codes];
      const list = codes.size > n ? listOf(i, before, n) : null;
      if (list) return list;
      // Its own sentence may name the group's other side before it ("Nigeria kept ties with
      // the trio"); an earlier sentence naming more states, or four sentences, end the near
      // search.
      if ((codes.size > n && i < si) || i <= si - 3) near = false;
    }
    return null;
  };
  for (const m of text.matchAll(GROUP)) {
    const start = m.index;
    const end = start + m[0].length;
    const other = m[2] !== undefined;
    const size = SIZES[(m[3] ?? m[5] ?? '').toLowerCase()];
    const adjectives = m[4] ?? '';
    // Only the number and the noun must be free: "the Saudi-led quartet" names Saudi Arabia too.
    const nounAt = end - (m[5] ?? m[0].split(/\s+/).at(-1)!).length;
    if (size === undefined || NOT_GROUP_WORDS.test(adjectives) || occupied(nounAt, end)) continue;
    // Two without a describing word is the pair rule's ("the two countries", "both sides").
    if (size === 2 && !adjectives && !other) continue;
    let codes: string[] | null;
    if (other) {
      // "Japan held drills with the other three countries": the group of one more, named
      // before, less the states named before it in this sentence.
      const si = sentenceIndexAt(sents, start);
      const named = new Set(
        inSentence(si)
          .filter((x) => x.start < start && isState(x) && direct(x))
          .map((x) => x.code),
      );
      const all = groupBefore(start, size + 1, true);
      const rest = all?.filter((c) => !named.has(c)) ?? [];
      codes = all && named.size > 0 && rest.length === size ? rest : null;
    } else codes = size === 2 ? pairAt(start) : groupBefore(start, size);
    if (!codes) continue;
    const r = ref(text, start, end, codes);
    out.push(r);
    if (other) continue;
    const si = sentenceIndexAt(sents, start);
    const by = size === 2 ? pairRefs : groupRefs;
    by.set(si, [...(by.get(si) ?? []), r]);
  }

  // A pair reference, remembered by sentence for "they" later; `resolve` names its two states.
  const pairReferences = (pattern: RegExp, resolve: (at: number) => string[] | null) => {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (occupied(start, end)) continue;
      const codes = resolve(start);
      if (!codes) continue;
      const r = ref(text, start, end, codes);
      out.push(r);
      const si = sentenceIndexAt(sents, start);
      pairRefs.set(si, [...(pairRefs.get(si) ?? []), r]);
    }
  };
  pairReferences(PAIR, pairAt);
  // "Their ministers": only two states named just before, never the document's pair.
  pairReferences(THEIR, (at) => namedBefore(at, 2));

  for (const m of text.matchAll(DESCRIPTOR)) {
    const start = m.index;
    const end = start + m[0].length;
    // "the Kingdom of Spain" is a name the gazetteer already reads.
    if (occupied(start, end) || /^\s+of\b/.test(text.slice(end, end + 5))) continue;
    const word = m[1]!.toLowerCase().replace(/s$/, '');
    const si = sentenceIndexAt(sents, start);
    if (si < 0) continue;
    // The latest state named in this sentence or the two before whose official name has the word.
    const named = [...inSentence(si - 2), ...inSentence(si - 1), ...inSentence(si)].filter(
      (x) =>
        x.start < start &&
        isState(x) &&
        direct(x) &&
        (gazetteer.officialNames.get(x.code) ?? '').toLowerCase().includes(word),
    );
    const last = named.at(-1);
    if (last) out.push(ref(text, start, end, [last.code]));
  }

  for (const m of text.matchAll(ORGAN)) {
    const start = m.index + 4;
    const end = start + m[1]!.length;
    if (occupied(m.index, end)) continue;
    // "the government of Pakistan", "the Council of Europe": a name the gazetteer reads follows.
    if (/^\s+of\s+(?:the\s+)?\p{Lu}/u.test(text.slice(end, end + 20))) continue;
    const si = sentenceIndexAt(sents, start);
    if (si < 0) continue;
    const noun = m[1]!.toLowerCase();
    const earlier: ActorMention[] = [];
    for (let i = Math.max(0, si - ORGAN_REACH); i <= si; i++)
      for (const x of inSentence(i)) if (x.start < m.index && direct(x)) earlier.push(x);
    let found: ActorMention | undefined;
    const organ = ORGAN_WORDS[noun];
    const kind = ORG_KINDS[noun];
    for (let i = earlier.length - 1; i >= 0 && !found; i--) {
      const x = earlier[i]!;
      if (organ) {
        // The state's own organ: in the mention ("Pakistani army spokesperson"), right after it
        // ("Pakistan's military", "Trump administration") or before it ("the government of Iran").
        if (x.kind !== 'state') continue;
        const after = text.slice(x.end, x.end + 30);
        const before = text.slice(Math.max(0, x.start - 30), x.start);
        if (
          organ.test(x.text) ||
          new RegExp(`^(?:['’]s)?\\s+(?:[a-z]+\\s+)?${organ.source}`, 'i').test(after) ||
          new RegExp(`${organ.source}\\s+of\\s+(?:the\\s+)?$`, 'i').test(before)
        )
          found = x;
      } else if (kind && x.kind === 'organisation' && kind(x)) found = x;
    }
    if (found) out.push(ref(text, start - 4, end, [found.code]));
  }

  for (const m of text.matchAll(TITLE_REF)) {
    const start = m.index;
    const end = start + m[0].length;
    if (
      occupied(start, end) ||
      /^\s+(?:of|for|to)\s+(?:the\s+)?\p{Lu}/u.test(text.slice(end, end + 20))
    )
      continue;
    const si = sentenceIndexAt(sents, start);
    if (si < 0) continue;
    const title = m[1]!
      .toLowerCase()
      .replace(/^defence/, 'defense')
      .replace(/spokes\w+/, 'spokesperson');
    const word = TITLE_WORDS[title]!;
    const reach = NEAR_TITLES.has(title) ? 2 : ORGAN_REACH;
    let found: ActorMention | undefined;
    for (let i = si; i >= Math.max(0, si - reach) && !found; i--) {
      const here = inSentence(i).filter((x) => x.start < start && direct(x) && x.kind === 'state');
      for (let k = here.length - 1; k >= 0 && !found; k--) {
        const x = here[k]!;
        const after = text.slice(x.end, x.end + 40);
        if (
          (x.how === 'official' && word.test(x.text)) ||
          new RegExp(`^(?:['’]s)?\\s+(?:[\\w.-]+\\s+){0,2}${word.source}`, 'i').test(after)
        )
          found = x;
      }
    }
    if (found) out.push(ref(text, start, end, [found.code]));
  }

  for (const m of text.matchAll(BLOC_PEOPLE)) {
    const start = m.index;
    const end = start + m[0].length;
    const si = sentenceIndexAt(sents, start);
    if (si < 0 || occupied(start, end)) continue;
    const noun = m[1]!
      .replace(/^(?:top|senior) /, '')
      .split(' ')
      .at(-1)!;
    const around = new RegExp(`\\b${noun}\\b`, 'i');
    let found: ActorMention | undefined;
    for (let i = si; i >= Math.max(0, si - ORGAN_REACH) && !found; i--) {
      const here = inSentence(i).filter(
        (x) => x.start < start && direct(x) && x.kind === 'organisation' && BLOCS.has(x.code),
      );
      for (let k = here.length - 1; k >= 0 && !found; k--) {
        const x = here[k]!;
        const after = text.slice(x.end, x.end + 30);
        const before = text.slice(Math.max(0, x.start - 30), x.start);
        if (
          around.test(x.text) ||
          new RegExp(`^\\s+(?:[a-z-]+\\s+){0,2}${noun}\\b`, 'i').test(after) ||
          new RegExp(`\\b${noun}\\s+(?:from|of)\\s+(?:the\\s+)?$`, 'i').test(before)
        )
          found = x;
      }
    }
    if (found) out.push(ref(text, start, end, [found.code]));
  }

  for (const m of text.matchAll(REGIONAL)) {
    const start = m.index;
    const end = start + m[0].length;
    if (occupied(start, end)) continue;
    const area = gazetteer.regionWords.get(m[1]!.toLowerCase().replace(/\s+/g, ' '));
    const si = sentenceIndexAt(sents, start);
    if (!area || si < 0) continue;
    // The latest state named before it that lies in the region.
    let found: ActorMention | undefined;
    for (let i = si; i >= Math.max(0, si - ORGAN_REACH) && !found; i--) {
      const here = inSentence(i).filter((x) => x.start < start && direct(x) && isState(x));
      for (let k = here.length - 1; k >= 0 && !found; k--) {
        const own = gazetteer.areas.get(here[k]!.code);
        if (own && [...own].some((a) => area.has(a))) found = here[k];
      }
    }
    if (found) out.push(ref(text, start, end, [found.code]));
  }

  for (const m of text.matchAll(FORMER)) {
    const start = m.index;
    const end = start + m[0].length;
    const next = /^\s*([A-Za-z]+|[^\sA-Za-z]|$)/.exec(text.slice(end, end + 30));
    const word = next?.[1] ?? '';
    if (/^[A-Za-z]/.test(word) && !AFTER_FORMER.has(word)) continue;
    const si = sentenceIndexAt(sents, start);
    if (si < 0) continue;
    const window = [...inSentence(si - 1), ...inSentence(si)].filter(
      (x) => x.start < start && isState(x) && direct(x),
    );
    // The two most recent distinct states, in the order of their latest mentions.
    const lastAt = new Map<string, number>();
    for (const x of window) lastAt.set(x.code, x.start);
    const recent = [...lastAt].sort((a, b) => a[1] - b[1]).slice(-2);
    if (recent.length < 2) continue;
    const chosen = m[1]!.toLowerCase() === 'former' ? recent[0]![0] : recent[1]![0];
    out.push(ref(text, start, end, [chosen]));
  }

  for (const m of text.matchAll(ENVOY_OF)) {
    const start = m.index;
    const end = start + m[0].length;
    const si = sentenceIndexAt(sents, start);
    if (si < 0 || occupied(start, end)) continue;
    const official = [...inSentence(si - 1), ...inSentence(si)]
      .filter((x) => x.start < start && x.how === 'official')
      .at(-1);
    if (official) out.push(ref(text, start, end, [official.code]));
  }

  for (const m of text.matchAll(PRONOUN)) {
    const start = m.index;
    const end = start + m[0].length;
    const si = sentenceIndexAt(sents, start);
    if (si < 0) continue;
    const s = sents[si]!;
    const pronoun = m[1]!.toLowerCase();
    const next = /^\s+([a-z]+)/.exec(text.slice(end, end + 30))?.[1];
    if (!next) continue;
    const lead = text.slice(s.start, start);
    // A fronted adverbial, with or without its comma, still leaves the pronoun at the start:
    // "In 1993, they …", "In 1993 they …", "Later he …".
    const fronted =
      /^(?:in|on|during|after|before|by|later|then|since|from|at|next|last|that|this|the following)\b[^,;:]{0,30}$/i.test(
        lead.trim(),
      );
    const atStart =
      lead.trim() === '' ||
      ((/^[^,;:]{0,40},\s*$/.test(lead) || fronted) &&
        !inSentence(si).some((x) => x.start < start));
    const opener = lastWord(lead)?.toLowerCase();
    const afterComma = /[,;]\s*$/.test(lead);
    const clauseStart =
      atStart || (opener !== undefined && CLAUSE_OPENERS.has(opener)) || afterComma;
    if (!clauseStart) continue;

    if (pronoun === 'it') {
      if (IT_NOT_SUBJECT.has(next)) continue;
      // "South Korea removed Japan from its list, and it threatened …": the subject of the clause before.
      if (!atStart && /,\s*(?:and|but)\s*$/.test(lead)) {
        const before = inSentence(si).filter((x) => x.start < start);
        const subject = subjectOf(text, s, before);
        if (subject && actsAsIt(subject) && direct(subject))
          out.push(ref(text, start, end, [subject.code]));
        continue;
      }
      if (!atStart) continue;
      const prev = sents[si - 1];
      const subject = prev ? subjectOf(text, prev, inSentence(si - 1)) : null;
      if (subject && actsAsIt(subject)) out.push(ref(text, start, end, [subject.code]));
      continue;
    }
    if (pronoun === 'he' || pronoun === 'she') {
      const candidates = [...inSentence(si - 1), ...inSentence(si)].filter(
        (x) => x.start < start && x.how === 'official',
      );
      const last = candidates[candidates.length - 1];
      if (last) out.push(ref(text, start, end, [last.code]));
      continue;
    }
    // they
    const prev = sents[si - 1];
    const sameSentencePair = atStart ? null : pairAt(start);
    if (RECIPROCAL.test(text.slice(end, s.end)) && (sameSentencePair ?? pair)) {
      out.push(ref(text, start, end, (sameSentencePair ?? pair)!));
      continue;
    }
    const subjSentence = atStart ? prev : s;
    if (!subjSentence) continue;
    const subjectRef = (pairRefs.get(atStart ? si - 1 : si) ?? []).find(
      (x) => x.start < subjSentence.start + 40,
    );
    if (subjectRef && pair) {
      out.push(ref(text, start, end, subjectRef.codes));
      continue;
    }
    const subject = subjectOf(text, subjSentence, inSentence(atStart ? si - 1 : si));
    // "India and China are neighbours. … they", "Chile, Peru and Bolivia met; they …": a
    // coordinated list of states as the subject.
    const states = inSentence(atStart ? si - 1 : si).filter(
      (x) => direct(x) && isState(x) && x.start < start,
    );
    const list = states.length && states[0]!.start - subjSentence.start < 40 ? [states[0]!] : [];
    for (let k = 1; k < states.length && list.length; k++) {
      if (!LIST_GAP.test(text.slice(list.at(-1)!.end, states[k]!.start))) break;
      list.push(states[k]!);
    }
    const listed = [...new Set(list.map((x) => x.code))];
    if (list.length >= 2 && listed.length === list.length) {
      out.push(ref(text, start, end, listed));
      continue;
    }
    // "The three nations accused … . They …": the group the subject reference stood for.
    const groupSubject = (groupRefs.get(atStart ? si - 1 : si) ?? []).find(
      (x) => x.start < subjSentence.start + 40 && x.start < start,
    );
    if (groupSubject) {
      out.push(ref(text, start, end, groupSubject.codes));
      continue;
    }
    // "The G7 statement said … . They called on China": a bloc of states as the subject.
    if (
      subject &&
      subject.kind === 'organisation' &&
      BLOCS.has(subject.code) &&
      subject.start - subjSentence.start < 40
    ) {
      out.push(ref(text, start, end, [subject.code]));
      continue;
    }
    if (subject && subject.how === 'demonym' && subject.start - subjSentence.start < 40) {
      // "Armenian armed forces …, they": a demonym with a plural noun, or a plural demonym.
      const noun = /^\s+(?:[a-z]+\s+)?([a-z]+s)\b/.exec(text.slice(subject.end, subject.end + 40));
      if (noun || /s$/.test(subject.text)) out.push(ref(text, start, end, [subject.code]));
    }
  }

  return dedupe(out).sort((a, b) => a.start - b.start || a.end - b.end);
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * What /([a-z]+)\s*$/i captures in `s`: the letters right before its trailing whitespace.
 * Read backwards: the regex tries every offset of the lead, which is up to a sentence long.
 */
function lastWord(s: string): string | undefined {
  let end = s.length;
  while (end > 0 && /\s/.test(s[end - 1]!)) end--;
  let start = end;
  while (start > 0 && isAsciiLetter(s.charCodeAt(start - 1))) start--;
  return start < end ? s.slice(start, end) : undefined;
}

function dedupe(list: ActorMention[]): ActorMention[] {
  // Both offsets as one number (exact below 2^26 characters); a string key past that.
  const seen = new Set<number | string>();
  return list.filter((m) => {
    const k = m.end < 67108864 ? m.start * 67108864 + m.end : `${m.start}:${m.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
