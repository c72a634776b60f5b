// The actor layer: every state, organisation and official the text names or refers to. Order of
// work: match gazetteer forms (one trie pass) → drop forms the context rules out (personal
// names, US states) → fold titles into official mentions (they decide the person's state) →
// mark hyphenated compounds → resolve officials by year → resolve references last, since they
// point back at the direct mentions.
import dateWords from '../../../data/dates/lexicon.json' with { type: 'json' };
import { closedClasses, MODALS } from '../text/closed-class.ts';
import type { ActorKind, ActorMention, Sentence } from '../types.ts';
import { splitSentences } from '../text/sentences.ts';
import { withAppositiveNames } from './appositives.ts';
import { withOfficePhrases } from './office-phrases.ts';
import { type Unqualified, withUnqualifiedOfficials } from './unqualified.ts';
import { fold, gazetteer, type Form } from './gazetteer.ts';
import { words, type FormMatch, type WordToken } from './matcher.ts';
import { officeHolders } from './office-holders.ts';
import { pickTerm, type YearContext } from './officials.ts';
import { resolveReferences } from './references.ts';
import { trie } from './trie.ts';
import { sentenceIndexAt } from '../text/sentences.ts';

/** Context findActors uses: the title names the main pair, the date dates officials. */
export interface FindActorsOptions {
  title?: string | null;
  documentDate?: string | null;
}

const titleKeys = new Set(
  gazetteer.forms.filter((f) => f.role === 'title').map((f) => fold(f.text)),
);
// Honorifics are enough to license a bare surname ("Mr Johnson"), though not to make a title.
for (const h of [
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'sheikh',
  'ayatollah',
  'emperor',
  'marshal',
  'general',
  'gen',
  'colonel',
  'col',
  'lt',
])
  titleKeys.add(h);

// Which form of a match to keep when one key has several (a country and an official, say).
const ROLE_RANK: Record<string, number> = {
  stop: 0,
  organisation: 1,
  name: 2,
  capital: 3,
  demonym: 4,
  official: 5,
  combining: 6,
  title: 7,
};

// Words that may follow a title but are not a name ("President Monday" does not happen, but
// "Prime Minister On Tuesday" in a headline does).
const NOT_NAMES = new Set([
  ...[...Object.keys(dateWords.weekdays), ...Object.keys(dateWords.months)].map((w) =>
    w.toLowerCase(),
  ),
  ...closedClasses(
    ['preposition', 'coordinator', 'determiner', 'be', 'have', ...MODALS],
    ['said', 'says'],
  ),
]);

// The head of a treaty's or process's name after a place: "Algiers Agreement", "Oslo Accords".
const TREATY_NAME =
  /^\s+(?:Agreements?|Accords?|Treaty|Treaties|Protocols?|Declaration|Pact|Conventions?|Charter|Communiqu[eé]|Memorandum|Process|Format|Peace Agreement|Peace Accords?)\b/;

interface Item {
  start: number;
  end: number;
  first: number;
  last: number;
  form: Form;
}

/** Every actor mention of the document, in text order, references resolved. */
export function findActors(
  text: string,
  sentences: Sentence[],
  options: FindActorsOptions = {},
): ActorMention[] {
  const sents = sentences.length > 0 ? sentences : splitSentences(text);
  const tokens = words(text);
  const sentenceStarts = sentenceStartTokens(tokens, sents);
  const years = yearIndex(text, sents, options.documentDate ?? null);

  const accept = (form: Form, first: number, last: number): boolean => {
    if (form.role === 'official' && form.needsTitle) return titleBefore(text, tokens, first);
    if (form.dated && form.role === 'official')
      return wholeName(text, tokens, first, last, sentenceStarts);
    // A listed official's one-word name inside a longer name is someone else's ("Nasser
    // Bourita" is not Nasser).
    if (
      form.role === 'official' &&
      first === last &&
      personNameAround(text, tokens, first, last, sentenceStarts)
    )
      return false;
    // A city naming a treaty or process ("the Algiers Agreement", "the Minsk Protocol") is where it
    // was signed, not a party to it.
    if (
      form.role === 'capital' &&
      TREATY_NAME.test(text.slice(tokens[last]!.end, tokens[last]!.end + 40))
    )
      return false;
    if (form.role === 'name' || form.role === 'demonym') {
      const key = fold(form.text);
      if (
        gazetteer.personLike.has(key) &&
        personNameAround(text, tokens, first, last, sentenceStarts)
      )
        return false;
      if (
        gazetteer.usState.has(key) &&
        usStateContext(text, tokens[first]!.start, tokens[last]!.end)
      )
        return false;
    }
    return true;
  };
  const scanned = trie.scan(text, tokens, accept, officeHolders()).map(toItem);
  const items = scanned.filter(
    (it) =>
      !(it.form.role === 'name' && placeOfPlace(text, it.start, it.end)) &&
      !NAMED_BEFORE.test(text.slice(Math.max(0, it.start - 24), it.start)),
  );
  const combining = new Set<ActorMention>();
  const unqualified: Unqualified[] = [];
  const names = {
    isTitle: (key: string) => titleKeys.has(key),
    notName: (key: string) => NOT_NAMES.has(key),
  };
  // Whether a state or organisation is named in the sentence at `at`.
  const named = (code: string, at: number): boolean => {
    const s = sents[sentenceIndexAt(sents, at)];
    return !!s && items.some((x) => x.form.code === code && x.start >= s.start && x.end <= s.end);
  };
  const mentions = combine(text, tokens, items, years, combining, unqualified, named);
  markCompounds(text, mentions, combining);
  const direct = mentions.filter(
    (m, i) => !combining.has(m) && !restatedAcronym(text, mentions, i),
  );
  // People the office-holders do not list, named beside an office or after one; then the
  // surnames of all officials named so far.
  let found = withUnqualifiedOfficials(text, sents, direct, unqualified, names.isTitle);
  found = withAppositiveNames(text, tokens, found, names);
  found = withOfficePhrases(text, tokens, found, names);
  found = withLaterSurnames(text, tokens, found);
  return resolveReferences(text, sents, withActingEurope(text, found), options.title ?? null);
}

// "Europe retaliated", "Europe holds talks", "Europe can't afford": Europe as the subject of a
// finite verb acts through the EU. After a preposition ("in Europe") it is a place.
const EUROPE_PLACE = 'in|to|from|across|of|throughout|into|for|with|and|or|around|outside';
const EUROPE_VERB =
  "[a-z]+ed|[a-z]+s|can|can[’']t|cannot|will|won[’']t|must|should|would|could|may|might|" +
  'has|had|have|is|was';
const ACTING_EUROPE = new RegExp(
  `(?<!\\b(?:${EUROPE_PLACE})\\s+)\\bEurope` +
    `(?=\\s+(?:(?:quickly|therefore|also|now|then|too)\\s+)?(?:${EUROPE_VERB})\\b)`,
  'g',
);

function withActingEurope(text: string, mentions: ActorMention[]): ActorMention[] {
  const added: ActorMention[] = [];
  for (const m of text.matchAll(ACTING_EUROPE)) {
    const start = m.index;
    const end = start + 'Europe'.length;
    if (mentions.some((x) => x.start < end && start < x.end)) continue;
    added.push(mention(text, start, end, 'EU', 'organisation'));
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

// States whose people's names are written family name first in English news ("Wang Yi" is then
// "Wang"); elsewhere the last word of a name is the surname ("Antony Blinken" is then "Blinken").
const FAMILY_FIRST = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'KOR', 'PRK', 'VNM']);

/**
 * News names an official in full once, with a title that says whose official they are ("Chinese
 * Foreign Ministry spokesman Lin Jian"), then by surname alone ("Lin said"). The surname, after
 * that first mention, is that official's state too; a surname two officials of different states
 * share in the document stays unresolved.
 */
function withLaterSurnames(
  text: string,
  tokens: WordToken[],
  mentions: ActorMention[],
): ActorMention[] {
  const firsts = new Map<string, { code: string; person: string; after: number } | null>();
  for (const m of mentions) {
    if (m.how !== 'official' || !m.person) continue;
    const names = m.person.split(/\s+/);
    if (
      names.length < 2 ||
      !names.every((w) => /^\p{Lu}[\p{L}'’-]+$/u.test(w)) ||
      titleKeys.has(fold(names[0]!))
    )
      continue;
    const surname = FAMILY_FIRST.has(m.code) ? names[0]! : names[names.length - 1]!;
    if (surname.length < 3 || NOT_NAMES.has(fold(surname)) || !ownSurname(surname, m.code))
      continue;
    const known = firsts.get(surname);
    if (known === undefined) firsts.set(surname, { code: m.code, person: m.person, after: m.end });
    else if (known && known.code !== m.code) firsts.set(surname, null);
  }
  if (firsts.size === 0) return mentions;
  const covered = (start: number, end: number) =>
    mentions.some((m) => m.start < end && start < m.end);
  const added: ActorMention[] = [];
  for (const t of tokens) {
    const bareText = t.text.replace(/['’]s$/, '');
    const first = firsts.get(bareText);
    if (!first || t.start < first.after || covered(t.start, t.end)) continue;
    added.push(
      mention(text, t.start, t.start + bareText.length, first.code, 'official', first.person),
    );
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

/**
 * A surname the gazetteer knows nothing else by, or knows only as a bare surname of officials of
 * the same state ("Suga", listed to need a title): after the full name, it is that official.
 */
function ownSurname(surname: string, code: string): boolean {
  return trie
    .lookup(surname)
    .every((f) => f.role === 'official' && (f.terms ?? []).every((t) => t.code === code));
}

function toItem(m: FormMatch): Item {
  const form = [...m.forms].sort((a, b) => (ROLE_RANK[a.role] ?? 9) - (ROLE_RANK[b.role] ?? 9))[0]!;
  return { start: m.start, end: m.end, first: m.first, last: m.last, form };
}

function sentenceStartTokens(tokens: WordToken[], sents: Sentence[]): Set<number> {
  const out = new Set<number>();
  let t = 0;
  for (const s of sents) {
    while (t < tokens.length && tokens[t]!.start < s.start) t++;
    if (t < tokens.length) out.add(t);
  }
  // A line start also begins a sentence-like unit (headings, list items).
  return out;
}

function titleBefore(text: string, tokens: WordToken[], first: number): boolean {
  let key = '';
  for (let i = first - 1; i >= 0 && i >= first - 4; i--) {
    const t = tokens[i]!;
    const gap = text.slice(t.end, tokens[i + 1]!.start);
    if (!/^[\s.\-]{1,3}$/.test(gap)) return false;
    key = key ? `${t.key} ${key}` : t.key;
    if (titleKeys.has(key)) return true;
  }
  return false;
}

// Capitalised at a sentence start, not a first name: "Then Omar Zakhilwal said".
const SENTENCE_OPENERS = closedClasses(
  [
    'determiner',
    'coordinator',
    'subordinator-time',
    'subordinator-cause',
    'subordinator-contrast',
    'subordinator-condition',
    'preposition',
  ],
  [
    'then',
    'later',
    'earlier',
    'meanwhile',
    'last',
    'so',
    'yet',
    'also',
    'now',
    'there',
    'here',
    'today',
    'yesterday',
    'both',
  ],
);

/**
 * A dictionary name is the whole name in the text: "Abdul Rahim" is not the office-holder of that
 * name inside "Abdul Rahim Karimi" or "Sardar Abdul Rahim". A title, a state or an organisation
 * may stand before it ("Defense Minister …", "Turkey's …"), a sentence may start with it.
 */
function wholeName(
  text: string,
  tokens: WordToken[],
  first: number,
  last: number,
  sentenceStarts: Set<number>,
): boolean {
  const next = tokens[last + 1];
  if (
    next &&
    /^[ \u00a0-]$/.test(text.slice(tokens[last]!.end, next.start)) &&
    isCap(next.text) &&
    !titleKeys.has(next.key) &&
    trie.lookup(next.text).length === 0
  )
    return false;
  const prev = tokens[first - 1];
  if (
    prev &&
    !sentenceStarts.has(first) &&
    !(sentenceStarts.has(first - 1) && SENTENCE_OPENERS.has(prev.key)) &&
    /^[ \u00a0-]$/.test(text.slice(prev.end, tokens[first]!.start)) &&
    isCap(prev.text) &&
    !titleBefore(text, tokens, first) &&
    !trie.lookup(prev.text).some((f) => f.role !== 'official')
  )
    return false;
  return true;
}

function isCap(word: string): boolean {
  const ch = word[0]!;
  return ch !== ch.toLowerCase();
}

// Capitalised words that follow a state's name in the names of its institutions ("Israel
// Defense Forces", "Jordan Times"): not a surname.
const INSTITUTION_WORDS = new Set([
  'defense',
  'defence',
  'army',
  'police',
  'government',
  'ministry',
  'forces',
  'air',
  'navy',
  'radio',
  'times',
  'news',
  'post',
  'national',
  'central',
  'state',
  'river',
  'valley',
  'basin',
  'lake',
  'embassy',
  'airways',
  'railways',
  'television',
  'tv',
  'broadcasting',
  'authority',
  'bank',
  'international',
  'university',
  'cabinet',
  'parliament',
  'foreign',
  'security',
  'armed',
  'military',
  'intelligence',
  'electric',
  'football',
  'national',
]);

/** "Michael Jordan", "Chad Smith": a capitalised non-actor word right before or after. */
function personNameAround(
  text: string,
  tokens: WordToken[],
  first: number,
  last: number,
  sentenceStarts: Set<number>,
): boolean {
  const prev = tokens[first - 1];
  if (
    prev &&
    !sentenceStarts.has(first) &&
    !sentenceStarts.has(first - 1) &&
    text.slice(prev.end, tokens[first]!.start) === ' '
  ) {
    // A state name or title before it ("Syria Jordan border", "King Hussein") is not a first name.
    if (
      isCap(prev.text) &&
      !titleKeys.has(prev.key) &&
      !/^[A-Z]+$/.test(prev.text) &&
      !trie.lookup(prev.text).some((f) => f.role !== 'official')
    )
      return true;
  }
  const next = tokens[last + 1];
  if (
    next &&
    text.slice(tokens[last]!.end, next.start) === ' ' &&
    isCap(next.text) &&
    !/^[A-Z]+$/.test(next.text)
  ) {
    if (
      !INSTITUTION_WORDS.has(next.key) &&
      !titleKeys.has(next.key) &&
      trie.lookup(next.text).length === 0
    )
      return true;
  }
  return false;
}

// A name being introduced ("a confederation known as the Alliance of Sahel States") is what
// something is called, not a party to the act.
const NAMED_BEFORE = /\b(?:known as|dubbed|renamed|so-called)\s+(?:the\s+)?$/i;

// "in Jeddah, Saudi Arabia", "near the town of Gonaives, Haiti": a place, then its country.
const PLACE_KINDS = 'city|town|port|village|capital|province|region|island|district';
const PLACE_THEN_COUNTRY = new RegExp(
  `\\b(?:in|at|near|outside|from)\\s+(?:the\\s+(?:\\w+\\s+)?(?:${PLACE_KINDS})\\s+of\\s+)?` +
    `((?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,2}\\p{Lu}[\\p{L}'’.-]*),\\s+$`,
  'u',
);

/**
 * A country named after a place it holds says where something happened, not who acted: "talks
 * in Jeddah, Saudi Arabia". Not when the place is itself an actor ("in Kabul, Afghanistan and
 * Pakistan agreed").
 */
function placeOfPlace(text: string, start: number, end: number): boolean {
  if (!LOCATION_END.test(text.slice(end, end + 12))) return false;
  if (!commaThenSpaceBefore(text, start)) return false;
  const m = PLACE_THEN_COUNTRY.exec(text.slice(Math.max(0, start - 80), start));
  if (!m || m[1]!.split(/\s+/).some((w) => NOT_NAMES.has(fold(w)))) return false;
  return !trie.lookup(m[1]!).some((f) => f.role !== 'official' && f.role !== 'title');
}
/**
 * True when `text` before `start` ends in a comma and white space, as PLACE_THEN_COUNTRY needs:
 * checked first, since the pattern, anchored at the end, is tried from every place before it.
 */
function commaThenSpaceBefore(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && /\s/.test(text[k]!)) k--;
  return k < start - 1 && text[k] === ',';
}
// What follows a place's country: the end of the phrase, not a noun or a verb it heads.
const LOCATION_END = new RegExp(
  '^(?:\\s*[,.;:)!?”"]|\\s*$|\\s+(?:on|in|at|where|when|for|to|and|after|before|during|with|' +
    'last|this|next)\\b)',
);

/** "Atlanta, Georgia", "Georgia, USA", "the state of Georgia": the US state. */
function usStateContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 20);
  if (/(?:state of|governor of|Governor of|U\.S\. state of)\s+$/.test(before)) return true;
  if (/^,?\s*(?:U\.S\.|USA|US\b|United States)/.test(after)) return true;
  const city = /([A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+$/.exec(before);
  if (city) {
    const forms = trie.lookup(city[1]!);
    if (!forms.some((f) => f.role !== 'official' && f.role !== 'title')) return true;
  }
  return false;
}

// ---- years -------------------------------------------------------------------------------------

interface YearIndex {
  context(at: number): YearContext;
}

function yearIndex(text: string, sents: Sentence[], documentDate: string | null): YearIndex {
  const docYear =
    documentDate && /^\d{4}/.test(documentDate) ? Number(documentDate.slice(0, 4)) : null;
  const sentenceOf = (at: number): number => sentenceIndexAt(sents, at);
  // Years by sentence, and the latest year of the paragraph before each sentence: one pass.
  const bySentence = new Map<number, { at: number; year: number }[]>();
  for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d)(?:s\b|\b)/g)) {
    const si = sentenceOf(m.index);
    if (si < 0) continue;
    const list = bySentence.get(si) ?? [];
    list.push({ at: m.index, year: Number(m[1]) });
    bySentence.set(si, list);
  }
  const paragraphYear: (number | null)[] = [];
  let carried: number | null = null;
  for (let i = 0; i < sents.length; i++) {
    if (i > 0 && sents[i]!.paragraph !== sents[i - 1]!.paragraph) carried = null;
    paragraphYear.push(carried);
    const ys = bySentence.get(i);
    if (ys) carried = ys[ys.length - 1]!.year;
  }
  return {
    context(at: number): YearContext {
      const si = sentenceOf(at);
      let sentence: number | null = null;
      let best = Infinity;
      for (const y of bySentence.get(si) ?? []) {
        if (Math.abs(y.at - at) < best) {
          best = Math.abs(y.at - at);
          sentence = y.year;
        }
      }
      return {
        sentence,
        paragraph: si >= 0 ? (paragraphYear[si] ?? null) : null,
        document: docYear,
      };
    },
  };
}

// ---- titles and officials -----------------------------------------------------------------------

const STATE_ROLES = new Set(['name', 'demonym', 'capital']);
// Right before an office: its holder no longer holds it.
const FORMER_BEFORE = /\b(?:former|ex-|onetime|one-time|erstwhile)[ \u00a0]*$/i;

function mention(
  text: string,
  start: number,
  end: number,
  code: string,
  how: ActorMention['how'],
  person?: string,
): ActorMention {
  const kind: ActorKind = gazetteer.kinds.get(code) ?? 'state';
  const m: ActorMention = {
    start,
    end,
    text: text.slice(start, end),
    code,
    kind,
    how,
    codes: [code],
  };
  if (person !== undefined) m.person = person;
  return m;
}

/** Capitalised words right after token `from` (a name after a title), at most four. */
function nameAfter(
  text: string,
  tokens: WordToken[],
  from: number,
  taken: Set<number>,
): { last: number } | null {
  let last = -1;
  for (let i = from; i < tokens.length && i < from + 4; i++) {
    const t = tokens[i]!;
    const gap = text.slice(tokens[i - 1]!.end, t.start);
    if (!/^[ \u00a0]$|^-$/.test(gap) || taken.has(i)) break;
    if (!isCap(t.text) || NOT_NAMES.has(t.key) || titleKeys.has(t.key)) break;
    last = i;
  }
  return last >= from ? { last } : null;
}

function combine(
  text: string,
  tokens: WordToken[],
  items: Item[],
  years: YearIndex,
  combining: Set<ActorMention>,
  unqualified: Unqualified[],
  named: (code: string, at: number) => boolean,
): ActorMention[] {
  const out: ActorMention[] = [];
  const taken = new Set<number>();
  for (const it of items) for (let i = it.first; i <= it.last; i++) taken.add(i);

  const official = (
    it: Item,
    titleGroup: string | null,
  ): { code: string; person: string } | null => {
    const terms = it.form.terms ?? [];
    const context = years.context(it.start);
    let term = pickTerm(terms, context, titleGroup, it.form.dated);
    if (!term) return null;
    // A background year earlier in the paragraph ("Russia annexed Crimea in 2014. Rutte told the
    // NATO summit …") does not date a person whose own sentence names the body of the role
    // they hold in the document's year.
    if (!it.form.dated && context.sentence === null && context.paragraph !== null) {
      const now = pickTerm(terms, { ...context, paragraph: null }, titleGroup);
      if (now && now.code !== term.code && named(now.code, it.start)) term = now;
    }
    return { code: term.code, person: term.person };
  };

  // A state's or organisation's code; a de facto government's for the year, or null.
  const codeOf = (it: Item): string | null => {
    if (!it.form.dated) return it.form.code;
    return pickTerm(it.form.terms ?? [], years.context(it.start), null, true)?.code ?? null;
  };

  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const role = it.form.role;
    const next = items[k + 1];

    // "Azerbaijan's First Deputy Prime Minister Yaqub Eyyubov", "the Pakistani prime minister".
    // "Former NATO Secretary General …", "Malaysia's former prime minister", "former President
    // Bush": a former official acts for no one now (the guidelines code acts done in office,
    // which a text rarely tells apart): no mention, and the state is no participant either.
    if (
      (STATE_ROLES.has(role) || role === 'organisation') &&
      next?.form.role === 'title' &&
      (FORMER_BEFORE.test(text.slice(Math.max(0, it.start - 12), it.start)) ||
        /^['’]s[ \u00a0]+(?:former[ \u00a0]+|ex-)$/i.test(text.slice(it.end, next.start)))
    ) {
      const after = items[k + 2];
      k +=
        after?.form.role === 'official' && /^[ \u00a0]+$/.test(text.slice(next.end, after.start))
          ? 2
          : 1;
      continue;
    }
    if (
      (role === 'title' || role === 'official') &&
      FORMER_BEFORE.test(text.slice(Math.max(0, it.start - 12), it.start))
    ) {
      if (role === 'title' && next?.form.role === 'official') k += 1;
      continue;
    }

    // "Iran's U.N. ambassador", "the British Deputy U.N. Ambassador James Kariuki", "China's
    // U.N. mission": a state's envoy or mission to an organisation is the state's.
    if (STATE_ROLES.has(role) && next?.form.role === 'organisation') {
      const envoy = envoyTo(text, it, next);
      if (envoy !== null) {
        let j = k + 2;
        while (j < items.length && items[j]!.start < envoy) j++;
        let end = envoy;
        let person = text.slice(next.start, envoy);
        const after = items[j];
        if (
          after?.form.role === 'official' &&
          /^[ \u00a0]+$/.test(text.slice(envoy, after.start))
        ) {
          end = after.end;
          person = official(after, null)?.person ?? after.form.text;
          j++;
        } else {
          const at = tokens.findIndex((t) => t.start >= envoy);
          const name =
            at > 0 && /^[ \u00a0]$/.test(text.slice(envoy, tokens[at]!.start))
              ? nameAfter(text, tokens, at, taken)
              : null;
          if (name) {
            end = tokens[name.last]!.end;
            person = text.slice(tokens[at]!.start, end);
          }
        }
        const code = codeOf(it);
        if (code) out.push(mention(text, it.start, end, code, 'official', person));
        k = j - 1;
        continue;
      }
    }
    // "his U.N. mission": the organisation is whom the mission is to, not a party (a reference
    // names the official's state).
    if (
      role === 'organisation' &&
      /\b(?:his|her|its|their)[ \u00a0]+$/i.test(text.slice(Math.max(0, it.start - 8), it.start)) &&
      ENVOY_AFTER.test(text.slice(it.end, it.end + 40))
    )
      continue;

    if (
      (STATE_ROLES.has(role) || role === 'organisation') &&
      next?.form.role === 'title' &&
      /^(?:['’]s)?[ \u00a0]+$/.test(text.slice(it.end, next.start))
    ) {
      let end = next.end;
      let person = text.slice(next.start, next.end);
      let skip = 1;
      const after = items[k + 2];
      if (
        after?.form.role === 'official' &&
        /^[ \u00a0]+$/.test(text.slice(next.end, after.start))
      ) {
        end = after.end;
        person = official(after, next.form.group ?? null)?.person ?? after.form.text;
        skip = 2;
      } else {
        const name = nameAfter(text, tokens, next.last + 1, taken);
        if (name) {
          end = tokens[name.last]!.end;
          person = text.slice(tokens[next.last + 1]!.start, end);
        }
      }
      const code = codeOf(it);
      if (code) out.push(mention(text, it.start, end, code, 'official', person));
      k += skip;
      continue;
    }

    if (role === 'title') {
      // "Prime Minister of Pakistan", "Chairman of the Upper House of the Parliament of Pakistan".
      const target = titleOfState(text, tokens, items, k);
      if (target !== null) {
        const st = items[target]!;
        const code = codeOf(st);
        if (code)
          out.push(mention(text, it.start, st.end, code, 'official', text.slice(it.start, it.end)));
        k = target;
        continue;
      }
      // "President Abdelaziz Bouteflika", "President Bush".
      if (next?.form.role === 'official' && /^[ \u00a0]+$/.test(text.slice(it.end, next.start))) {
        const o = official(next, it.form.group ?? null);
        if (o) out.push(mention(text, it.start, next.end, o.code, 'official', o.person));
        k += 1;
        continue;
      }
      // "Foreign Minister Tomás Vidal of Uruguay": a name the office-holders do not list, then
      // the state whose office it is.
      const name = nameAfter(text, tokens, it.last + 1, taken);
      if (
        name &&
        next &&
        (STATE_ROLES.has(next.form.role) || next.form.role === 'organisation') &&
        /^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$/.test(
          text.slice(tokens[name.last]!.end, next.start),
        )
      ) {
        const code = codeOf(next);
        const person = text.slice(tokens[it.last + 1]!.start, tokens[name.last]!.end);
        if (code) out.push(mention(text, it.start, next.end, code, 'official', person));
        k += 1;
      } else if (name)
        unqualified.push({
          start: it.start,
          end: tokens[name.last]!.end,
          person: text.slice(tokens[it.last + 1]!.start, tokens[name.last]!.end),
        });
      continue;
    }

    if (role === 'official') {
      const o = official(it, null);
      if (o) out.push(mention(text, it.start, it.end, o.code, 'official', o.person));
      continue;
    }
    if (role === 'stop') continue;
    if (role === 'combining') {
      // Kept only as part of a compound; markCompounds drops the rest.
      const m = mention(text, it.start, it.end, it.form.code!, 'compound');
      combining.add(m);
      out.push(m);
      continue;
    }
    const how: ActorMention['how'] =
      role === 'organisation' ? 'organisation' : (role as 'name' | 'demonym' | 'capital');
    const code = codeOf(it);
    if (code) out.push(mention(text, it.start, it.end, code, how));
  }
  return out;
}

// What a state sends to an organisation: its envoy or its mission, after the organisation's name.
const ENVOY_AFTER =
  /^[ \u00a0]+(?:(?:deputy|permanent|acting|chief)[ \u00a0]+)?(?:ambassadors?|envoys?|missions?|delegations?|(?:permanent[ \u00a0]+)?representatives?)\b/i;

/**
 * The end of "Iran's U.N. ambassador", "British Deputy U.N. Ambassador" after the state `st` and
 * the organisation `org`, or null when the organisation is no envoy's destination there.
 */
function envoyTo(text: string, st: Item, org: Item): number | null {
  const gap = text.slice(st.end, org.start);
  if (!/^(?:['’]s)?[ \u00a0]+(?:(?:deputy|permanent|acting|chief)[ \u00a0]+)?$/i.test(gap))
    return null;
  const m = ENVOY_AFTER.exec(text.slice(org.end, org.end + 40));
  return m ? org.end + m[0].length : null;
}

/** Index of the state item a title at `k` is "of", or null. */
function titleOfState(text: string, tokens: WordToken[], items: Item[], k: number): number | null {
  const title = items[k]!;
  for (let j = k + 1; j < items.length && j <= k + 3; j++) {
    const cand = items[j]!;
    const between = tokens.slice(title.last + 1, cand.first);
    if (between.length === 0 || between.length > 8) return null;
    if (between[0]!.key !== 'of') return null;
    const lastWord = between[between.length - 1]!.key;
    const beforeLast = between[between.length - 2]?.key;
    if (lastWord !== 'of' && !(lastWord === 'the' && beforeLast === 'of')) {
      if (cand.form.role === 'title') continue;
      return null;
    }
    if (
      !between.every((t) => t.key === 'of' || t.key === 'the' || t.key === 'and' || isCap(t.text))
    )
      return null;
    if (/[.;:!?\n]/.test(text.slice(title.end, cand.start))) return null;
    if (STATE_ROLES.has(cand.form.role) || cand.form.role === 'organisation') return j;
    if (cand.form.role !== 'title') return null;
  }
  return null;
}

// "Azerbaijan-Pakistan", "Franco-German": two mentions joined by a hyphen or dash, no spaces.
// "United Nations Security Council (UNSC)": the bracketed acronym restates the name, one mention.
function restatedAcronym(text: string, mentions: ActorMention[], i: number): boolean {
  const m = mentions[i]!;
  const prev = mentions[i - 1];
  return (
    prev !== undefined &&
    prev.code === m.code &&
    /^\s*\($/.test(text.slice(prev.end, m.start)) &&
    text[m.end] === ')'
  );
}

// A combining form ("Franco") that is not part of one is dropped by the caller.
function markCompounds(text: string, mentions: ActorMention[], combining: Set<ActorMention>): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (!/^[-‐‑–]$/.test(text.slice(a.end, b.start))) continue;
    if (a.how === 'official' || b.how === 'official' || combining.has(b)) continue;
    a.how = 'compound';
    b.how = 'compound';
    combining.delete(a);
  }
}

/** Resolves a user's query ("Azerbaijan", "aze", "AZ", "Azeri", "Pakistani", "USSR", "UN") to an actor code. */
export function resolveActor(
  query: string,
): { code: string; name: string; kind: ActorKind } | null {
  const q = query.trim();
  if (!q) return null;
  const upper = q.toUpperCase();
  const found = (code: string) => ({
    code,
    name: actorName(code),
    kind: gazetteer.kinds.get(code) ?? ('state' as ActorKind),
  });
  if (gazetteer.kinds.has(upper)) return found(upper);
  if (/^[A-Za-z]{2}$/.test(q) && gazetteer.alpha2.has(upper))
    return found(gazetteer.alpha2.get(upper)!);
  const forms = trie.lookup(q).filter((f) => f.code !== null);
  const form = [...forms].sort((a, b) => (ROLE_RANK[a.role] ?? 9) - (ROLE_RANK[b.role] ?? 9))[0];
  if (!form) return null;
  if (form.role === 'official') {
    const term = pickTerm(form.terms ?? [], { sentence: null, paragraph: null, document: null });
    return term ? found(term.code) : null;
  }
  return found(form.code!);
}

/** The display name of a code ("AZE" → "Azerbaijan", "UN" → "United Nations"); the code itself when unknown. */
export function actorName(code: string): string {
  return gazetteer.names.get(code) ?? code;
}

export { mainPair } from './references.ts';
