// Trigger finding: the words of a sentence that signal an event, with the lexicon entry that
// matched and what realises it. One pass over the tokens with hash look-ups: no regex per entry.
import type { Token } from '../syntax/tokenizer.ts';
import { closedClass, closedClasses, MODALS } from '../text/closed-class.ts';
import { isLightVerb } from './cues.ts';
import { nounForms } from './inflect.ts';
import { triggerLexicon, type TriggerEntry, type WordCue } from './lexicon.ts';

/** A trigger found in a sentence's tokens. */
export interface TriggerHit {
  entry: TriggerEntry;
  /** Token indices of the trigger phrase, inclusive. */
  first: number;
  last: number;
  /** The token that satisfied the entry's object cue. */
  objAt: number | null;
  /** For a noun: the light verb that realises it ("signed" an agreement, exercise "held"). */
  lightAt: number | null;
  /** The verb is passive ("was signed", "were killed"). */
  passive: boolean;
  /** Read as a noun (an N or E entry). */
  nominal: boolean;
}

// Words after which a form that is both a verb and a noun ("visit", "attack") is a noun. Not
// "that", a complementizer as often ("said that attacks …", "fears that talks fail").
const NOUN_CONTEXT_WORDS = closedClasses(
  ['determiner', 'possessive'],
  [
    'official',
    'state',
    'mutual',
    'recent',
    'joint',
    'bilateral',
    'first',
    'second',
    'third',
    'last',
    'previous',
    'annual',
    'further',
    'any',
    'some',
    'several',
    'many',
    'no',
    'each',
    'every',
    'major',
    'military',
    'naval',
    'air',
    'massive',
    'deadly',
    'suicide',
    'terrorist',
    'armed',
    'working',
    'high-level',
    'historic',
    'formal',
    'new',
    'planned',
    'proposed',
    'multinational',
    'trilateral',
    'large-scale',
    'brutal',
    'bloody',
    'surprise',
    'mass',
    'direct',
    'economic',
    'humanitarian',
    'led',
    'backed',
    'sponsored',
    'hosted',
    'organized',
    'organised',
  ],
);
const NOUN_CONTEXT = new Set([...NOUN_CONTEXT_WORDS].filter((w) => w !== 'that'));
// Not "to", also the infinitive's marker ("to visit" is a verb). Not "through" either, for now:
// it drops one undated event on dev (v26's "progress made through another summit" read as a
// REJECT), a change no score measures. Not "under" or "into": a light verb reaches its noun
// across them ("put under investigation", "brought into force").
const PREPOSITIONS = new Set(
  [...closedClass('preposition')].filter((w) => !['to', 'through', 'under', 'into'].includes(w)),
);
const LIGHT_NOUN =
  /^(imposition|signing|conclusion|ratification|holding|staging|launch|launching|adoption|announcement|implementation|extension|renewal)$/;
// Not "can": a noun before it says what the noun is able to do in general ("cooperation can be
// seen as"), not a coming act.
const MODAL_AFTER = closedClasses(['modal-future', 'modal-possibility', 'modal-obligation']);
const AUXILIARY = closedClasses([...MODALS, 'have', 'be', 'do']);
// The forms of "be", and of "get" in a passive ("got signed").
const BE = closedClasses(['be'], ['get', 'got']);
// Within one sentence a full stop is an abbreviation's or an initial's ("U.S."), not an end.
const BREAK = new Set([';', ':', '?', '!']);

const OBJ_WINDOW = 8;
/** How far before a passive verb its subject's noun may stand ("relations between A and B were"). */
const PASSIVE_REACH = 9;
const NOUN_CUE_WINDOW = 10;
const LIGHT_BEFORE = 4;
const LIGHT_AFTER = 6;

// Adjectives of degree and manner before a light verb's noun ("its full and unwavering support").
const ADJECTIVE_BEFORE_NOUN =
  /^(full|strong|firm|deep|grave|serious|great|sincere|profound|continued|unwavering|steadfast|renewed|total|complete|strongest|deepest|and|[a-z]{3,}(?:al|ful|ive|ous))$/;

/** The last token of the phrase `e` starting at `i`, or null; quotation marks inside it do not
 * count ("remains “concerned”"). */
function restEnd(tokens: readonly Token[], i: number, e: TriggerEntry): number | null {
  let j = i;
  for (let k = 0; k < e.rest.length; k++) {
    j++;
    while (/^["“”‘’]$/.test(tokens[j]?.key ?? '')) j++;
    // "expressed its full support", "voiced Japan's deep concern": a light verb's noun may
    // follow its determiner or possessor and its adjectives.
    if (k === 0 && e.kind === 'V' && tokens[j]?.key !== e.rest[0] && isLightVerb(tokens[i]!.key)) {
      let a = j;
      if (DETERMINER.has(tokens[a]?.key ?? '')) a++;
      while (a < j + 3 && ADJECTIVE_BEFORE_NOUN.test(tokens[a]?.key ?? '')) a++;
      if (a > j && tokens[a]?.key === e.rest[0]) j = a;
    }
    const t = tokens[j]?.key;
    if (!t) return null;
    const w = e.rest[k]!;
    const isLast = k === e.rest.length - 1;
    if (t !== w && !(isLast && nounForms(w).includes(t))) return null;
  }
  return j;
}

/** Index of the first token in `(from, from+window]` that `re` matches, stopping at a clause end. */
function findAfter(
  tokens: readonly Token[],
  from: number,
  window: number,
  re: WordCue,
): number | null {
  for (let j = from + 1; j <= from + window && j < tokens.length; j++) {
    const t = tokens[j]!.key;
    if (BREAK.has(t)) return null;
    if (re.test(t)) return j;
  }
  return null;
}

function looksPassive(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!.key;
  if (!/(ed|en|wn|ld|lt|nt|ht|un|ne|ck|ot)$/.test(t)) return false;
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const w = tokens[j]!.key;
    if (BE.has(w)) return true;
    if (
      !/^(also|not|never|reportedly|allegedly|jointly|then|later|already|recently|first|being|officially|formally|successfully)$/.test(
        w,
      )
    )
      break;
  }
  return false;
}

/** True when the noun phrase of the noun at `first` opens its sentence or follows an entry's colon or dash. */
function opensEntry(tokens: readonly Token[], first: number): boolean {
  for (let j = first - 1; j >= Math.max(-1, first - 4); j--) {
    if (j < 0) return true;
    const t = tokens[j]!.key;
    if (t === ':' || t === '-' || t === '–' || t === '—' || t === '--') return true;
    if (!/^(a|an|the|new|joint|peace|trade|border|bilateral|[a-z]+al)$/.test(t)) return false;
  }
  return false;
}

/** The light verb realising the noun at `[first, last]`, before it (active) or after it (passive). */
function lightVerbFor(tokens: readonly Token[], first: number, last: number): number | null {
  // "the imposition of sanctions", "Ankara's purchase of the S-400": a light verb's own noun
  // realises the noun it governs by "of".
  let k = first - 1;
  while (
    k > first - 4 &&
    k >= 0 &&
    /^(the|a|an|new|further|more|fresh|its|their)$/.test(tokens[k]!.key)
  )
    k--;
  if (tokens[k]?.key === 'of' && LIGHT_NOUN.test(tokens[k - 1]?.key ?? '')) return k - 1;
  // Hyphens of a compound ("de-facto-recognition") and the capitalised words of a name ("held
  // the Malabar Joint Maritime Exercise") do not count as words between.
  for (let j = first - 1, words = 0; j >= 0 && words < LIGHT_BEFORE; j--) {
    const t = tokens[j]!.key;
    if (BREAK.has(t) || t === ',' || PREPOSITIONS.has(t)) break;
    // "continue to see growing threats": a light verb taking an infinitive governs that verb,
    // not the noun after it.
    if (isLightVerb(t)) return tokens[j + 1]?.key === 'to' ? null : j;
    if (t !== '-' && !/^\p{Lu}/u.test(tokens[j]!.text)) words++;
  }
  // "sanctions could follow if …", "sanctions will be imposed": a modal after the noun makes it
  // the subject of a verb, whose modality (modality.ts) says whether the act is done.
  if (MODAL_AFTER.has(tokens[last + 1]?.key ?? '')) return last + 1;
  for (let j = last + 1; j <= last + LIGHT_AFTER && j < tokens.length; j++) {
    const t = tokens[j]!.key;
    if (BREAK.has(t)) break;
    // "the agreement that was signed", "exercise, AMAN-2013, held in March 2013": a participle
    // after the noun, in a relative or reduced relative clause (not the main clause's verb).
    const before = tokens[j - 1]!.key;
    const relative =
      BE.has(before) ||
      before === 'that' ||
      before === 'which' ||
      before === ',' ||
      /ly$/.test(before);
    // "18 June 2000: Agreement on Cessation of Hostilities signed (in Algiers).": in a headline
    // or a chronology entry, whose noun phrase opens it, a participle realises the noun too.
    const next = tokens[j + 1]?.key;
    const closing =
      next === undefined || next === '.' || next === ';' || PREPOSITIONS.has(next) || next === 'at';
    if (
      (relative || (closing && opensEntry(tokens, first))) &&
      isLightVerb(t) &&
      /(ed|en|ld|nt|ht|un|ne|ck|ot|wn)$/.test(t)
    )
      return j;
  }
  return null;
}

/**
 * Index of a cue word in the `reach` tokens before `at`, up to a comma: a passive verb's subject
 * ("the document was updated", "relations between Chile and Peru were established").
 */
function findBefore(tokens: readonly Token[], at: number, re: WordCue, reach = 5): number | null {
  for (let j = at - 1; j >= Math.max(0, at - reach); j--) {
    const t = tokens[j]!.key;
    if (BREAK.has(t) || t === ',') return null;
    if (re.test(t)) return j;
  }
  return null;
}

/** A capitalised word inside a sentence is part of a name ("Khojaly Massacre", "in March"). */
function capitalisedInside(tokens: readonly Token[], i: number, text: string): boolean {
  if (i <= 0) return false;
  const c = text[tokens[i]!.start]!;
  return c !== c.toLowerCase();
}

const FUNCTION_WORDS = closedClasses(
  [
    'preposition',
    'coordinator',
    'relative',
    'be',
    'have',
    ...MODALS,
    'negator',
    'determiner',
    'possessive',
    'pronoun',
  ],
  // Adverbs of place, time and degree.
  [
    'as',
    'so',
    'also',
    'where',
    'when',
    'off',
    'out',
    'up',
    'down',
    'here',
    'there',
    'yesterday',
    'today',
    'tomorrow',
    'now',
    'then',
    'again',
    'last',
    'next',
    'such',
  ],
);
// Head nouns that leave the event with their modifier ("mediation effort", "peace process").
const LIGHT_HEADS =
  /^(efforts?|process|programm?e?s?|campaigns?|operations?|missions?|initiatives?|bids?|attempts?|plans?|drives?)$/;

/** True when the word after a noun is a lowercase noun it modifies ("aid deliveries"). */
function modifiesNext(tokens: readonly Token[], last: number, text: string): boolean {
  const next = tokens[last + 1];
  if (!next || !/^\p{Ll}/u.test(text.slice(next.start, next.end))) return false;
  const w = next.key;
  if (
    FUNCTION_WORDS.has(w) ||
    LIGHT_HEADS.test(w) ||
    /(ed|ly|ing)$/.test(w) ||
    isLightVerb(w) ||
    triggerLexicon().has(w)
  )
    return false;
  return /^[a-z]{3,}$/.test(w);
}

const MODIFIER =
  /^([a-z]+ous|[a-z]+al|[a-z]+ive|cruel|brutal|and|,|continued|ongoing|repeated|new)$/;

/** The index of the name that a possessive "'s" before the noun at `first` belongs to, past
 * adjectives ("Israel's heinous and cruel attacks"), or null. */
function possessorBefore(tokens: readonly Token[], first: number): number | null {
  let j = first - 1;
  for (let k = 0; k < 5 && MODIFIER.test(tokens[j]?.key ?? ''); k++) j--;
  const t = tokens[j]?.key ?? '';
  if (t === "'s" || t === '’s') return j - 1;
  if (/['’]s$/.test(t)) return j;
  return null;
}

const ENDING =
  /^(?:end|ends|ended|ending|halt|halts|halted|halting|stop|stops|stopped|stopping|conclude|concludes|concluded|concluding|terminate|terminates|terminated|terminating|cease|ceases|ceased|ceasing)$/;
const DETERMINER = closedClasses(['determiner', 'possessive']);

/** True when the noun at `[first, last]` is what a verb or noun of ending ends ("ending the war", "the war ended"). */
function reportsItsEnd(tokens: readonly Token[], first: number, last: number): boolean {
  let j = first - 1;
  // "stop Israel's heinous and cruel attacks": past the adjectives and a possessor.
  const owner = possessorBefore(tokens, first);
  if (owner !== null) j = owner - 1;
  if (DETERMINER.has(tokens[j]?.key ?? '')) j--;
  // "the end of the war"
  if (tokens[j]?.key === 'of' && /^ends?$/.test(tokens[j - 1]?.key ?? '')) return true;
  // Not inside a compound ("an open-ended strike").
  if (ENDING.test(tokens[j]?.key ?? '') && tokens[j - 1]?.key !== '-') return true;
  const after = tokens[last + 1]?.key ?? '';
  return (
    /^(?:ended|ends|stopped|ceased|halted)$/.test(after) ||
    (/^(?:has|had|was)$/.test(after) &&
      /^(?:ended|stopped|ceased|halted)$/.test(tokens[last + 2]?.key ?? ''))
  );
}

/**
 * True for a word between a determiner with a capitalised modifier and the lowercase noun it
 * modifies ("a Philippine supply boat"): a noun, whatever the lexicon lists it as.
 */
function insideNounPhrase(tokens: readonly Token[], i: number, text: string): boolean {
  const adjective = tokens[i - 1];
  if (!adjective || !/^(a|an|the|its|their|this|that)$/.test(tokens[i - 2]?.key ?? ''))
    return false;
  // A plural name ("the Philippines supply rice") or an abbreviated one ("the U.K. imposes
  // curbs") can be a subject.
  if (!/^\p{Lu}/u.test(text.slice(adjective.start, adjective.end)) || /[s.]$/.test(adjective.key))
    return false;
  return modifiesNext(tokens, i, text);
}

// Adjectives by their ending ("medical", "chemical", "defensive"), but for the nouns that end so.
const ADJECTIVE = /^[a-z]{3,}(?:al|ic|ive|ous|ary)$/;
const NOUN_LIKE_ADJECTIVE =
  /^(official|general|rival|national|criminal|tribunal|capital|principal|radical|liberal|arrival|proposal|approval|withdrawal|cardinal|ally|military|secretary|emissary|adversary|representative|executive|relative|detective|republic|critic|public)$/;

/** True for a plain "-s" form right after a lowercase adjective: a plural noun it modifies. */
function pluralAfterAdjective(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]!.key;
  const prev = tokens[i - 1]?.key ?? '';
  return /[^s]s$/.test(w) && ADJECTIVE.test(prev) && !NOUN_LIKE_ADJECTIVE.test(prev);
}

// Verbs whose past tense is their base form ("the kingdom cut ties").
const SAME_PAST =
  /^(cut|put|set|hit|let|shut|cast|spread|quit|burst|cost|hurt|split|bet|bid|broadcast|upset|thrust|forecast|beat|read|shed|rid)$/;

/** True for a base verb form after a determiner or preposition and a singular lowercase word. */
function afterSingularNoun(
  tokens: readonly Token[],
  i: number,
  e: TriggerEntry,
  text: string,
): boolean {
  const opener = tokens[i - 2]?.key ?? '';
  // After a preposition ("of public funds") a plural form is a noun too.
  const preposition = /^(via|by|with|of|in|on|from|at|for|over)$/.test(opener);
  if (!preposition && !/^(a|an|the|this|that)$/.test(opener)) return false;
  const w = tokens[i]!.key;
  const space = e.words.indexOf(' ');
  const base = space < 0 ? e.words : e.words.slice(0, space);
  if ((w !== base && !(preposition && w === `${base}s`)) || SAME_PAST.test(w)) return false;
  const before = tokens[i - 1];
  const noun = before ? text.slice(before.start, before.end) : '';
  return (
    /^[a-z]{3,}$/.test(noun) &&
    !/(s|ly)$/.test(noun) &&
    !FUNCTION_WORDS.has(noun) &&
    !NOUN_CONTEXT.has(noun)
  );
}

const ATTITUDE =
  /^(critical|supportive|wary|sceptical|skeptical|suspicious|aware|proud|fearful|mindful|tired|fond|ashamed|respectful|dismissive|contemptuous|distrustful)$/;

/** True for a noun after "critical of the", "wary of this" and the like. */
function topicOfAttitude(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  if (DETERMINER.has(tokens[j]?.key ?? '')) j--;
  if (/^(new|proposed|planned|latest)$/.test(tokens[j]?.key ?? '')) j--;
  return tokens[j]?.key === 'of' && ATTITUDE.test(tokens[j - 1]?.key ?? '');
}

// Words of NOUN_CONTEXT that are also adverbs of time before a past verb ("at first imposed",
// "last visited Moscow in 2019").
const TIME_ADVERB = /^(first|last)$/;

/** True for a past form after "first" or "last" used as an adverb (no determiner before it). */
function adverbBeforeVerb(tokens: readonly Token[], i: number): boolean {
  return (
    /ed$/.test(tokens[i]!.key) &&
    TIME_ADVERB.test(tokens[i - 1]?.key ?? '') &&
    !DETERMINER.has(tokens[i - 2]?.key ?? '')
  );
}

/** A word's lexicon entries in the two orders the finder tries them, and whether one is a noun. */
interface Readings {
  hasNoun: boolean;
  /** Longest phrase first; among equals, the noun readings (and side-taking nouns) first. */
  nounFirst: readonly TriggerEntry[];
  /** Longest phrase first; among equals, the verb readings (and side-taking nouns) first. */
  verbFirst: readonly TriggerEntry[];
}

function readingsOf(entries: readonly TriggerEntry[]): Readings {
  const isNoun = (e: TriggerEntry) => e.kind === 'N' || e.kind === 'E';
  // Longest phrase first ("export controls" before "export"), then the reading the context
  // prefers (a stable sort keeps it).
  const ordered = (noun: boolean) =>
    [
      ...entries.filter((e) => isNoun(e) === noun || e.kind === 'S'),
      ...entries.filter((e) => isNoun(e) !== noun && e.kind !== 'S'),
    ].sort((a, b) => b.rest.length - a.rest.length);
  return {
    hasNoun: entries.some((e) => e.kind !== 'V'),
    nounFirst: ordered(true),
    verbFirst: ordered(false),
  };
}

// Each form's readings, worked out once per lexicon (fixed once built), not at each token.
const readingTables = new WeakMap<ReadonlyMap<string, TriggerEntry[]>, Map<string, Readings>>();

function readingTable(lexicon: ReadonlyMap<string, TriggerEntry[]>): Map<string, Readings> {
  let table = readingTables.get(lexicon);
  if (!table) {
    table = new Map([...lexicon].map(([form, entries]) => [form, readingsOf(entries)]));
    readingTables.set(lexicon, table);
  }
  return table;
}

/** Options of `findTriggers`. */
export interface FindTriggersOptions {
  /** The document text the tokens point into (to see capitals). */
  text: string;
  /** True for a token that lies inside a name that is not an event (an organisation's name). */
  skip?: (t: Token) => boolean;
}

/** Finds the triggers among a sentence's tokens, left to right. */
export function findTriggers(tokens: readonly Token[], options: FindTriggersOptions): TriggerHit[] {
  const { text, skip } = options;
  const lexicon = readingTable(triggerLexicon());
  const hits: TriggerHit[] = [];
  const consumed = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (consumed.has(i)) continue;
    const lower = tokens[i]!.key;
    // The layer keeps a prefix with its word ("re-establish", "anti-war"): the word says the act.
    const readings =
      lexicon.get(lower) ??
      (lower.includes('-') ? lexicon.get(lower.slice(lower.lastIndexOf('-') + 1)) : undefined);
    if (!readings || skip?.(tokens[i]!)) continue;
    const prev = tokens[i - 1]?.key ?? '';
    // A participle inside a hyphenated compound ("long-threatened invasion"): a modifier, not a trigger.
    if (
      /(ed|ing)$/.test(lower) &&
      prev === '-' &&
      tokens[i - 1]!.start === tokens[i - 2]?.end &&
      tokens[i - 1]!.end === tokens[i]!.start
    )
      continue;
    // A participle used as an adjective: "the occupied territories", "reject proposed changes".
    if (
      /ed$/.test(tokens[i]!.key) &&
      (/^(a|an|the|its|their|his|her|our|this|these|those|newly)$/.test(prev) ||
        hits[hits.length - 1]?.last === i - 1)
    )
      continue;
    const { hasNoun, nounFirst, verbFirst } = readings;
    const plainForm = !/(ing|ed)$/.test(tokens[i]!.key);
    const nounReading =
      (NOUN_CONTEXT.has(prev) && !adverbBeforeVerb(tokens, i)) ||
      /'s$/.test(prev) ||
      (hasNoun && possessorBefore(tokens, i) !== null) ||
      capitalisedInside(tokens, i, text) ||
      // "a lot of sanctions", "Pakistan visit to Azerbaijan": a plain form after a preposition
      // or a name reads as a noun when the word can be one.
      (hasNoun &&
        plainForm &&
        (PREPOSITIONS.has(prev) || capitalisedInside(tokens, i - 1, text))) ||
      // "sanctions could follow", "talks have stalled": a plain form before a modal or an
      // auxiliary is its subject, a noun.
      (hasNoun && plainForm && AUXILIARY.has(tokens[i + 1]?.key ?? ''));
    // The reading the context prefers first; the other when no entry of the first one fits.
    const order = nounReading ? nounFirst : verbFirst;
    // What rules a reading out reads the token and its neighbours only: each asked once, when
    // an entry first needs it.
    let notVerb: boolean | undefined;
    let inNounPhrase: boolean | undefined;
    let pluralNoun: boolean | undefined;
    let supported: boolean | undefined;
    for (const e of order) {
      const nominal = e.kind !== 'V' && e.kind !== 'S';
      // A verb reading after a determiner ("the back of") or of a capitalised word ("in March") is never right.
      if (
        !nominal &&
        e.kind !== 'S' &&
        nounReading &&
        (notVerb ??=
          (NOUN_CONTEXT.has(prev) && !adverbBeforeVerb(tokens, i)) ||
          /'s$/.test(prev) ||
          capitalisedInside(tokens, i, text) ||
          possessorBefore(tokens, i) !== null)
      )
        continue;
      // Nor inside a noun phrase: "a Philippine supply boat", "the UN supply chain".
      if (
        !nominal &&
        e.kind !== 'S' &&
        plainForm &&
        (inNounPhrase ??= insideNounPhrase(tokens, i, text))
      )
        continue;
      // "food and medical supplies": an "-s" form after an adjective is a plural noun.
      if (
        !nominal &&
        e.kind !== 'S' &&
        plainForm &&
        (pluralNoun ??= pluralAfterAdjective(tokens, i))
      )
        continue;
      // "a passenger train", "via satellite phone": a bare verb form right after a determiner or
      // a preposition and a singular word has no subject that could govern it ("trains").
      // Words the lexicon also lists as nouns are left to their noun rows.
      if (!nominal && e.kind !== 'S' && !hasNoun && afterSingularNoun(tokens, i, e, text)) continue;
      // "on Pakistan's side", "by Azerbaijan's side": the possessor is supported by the subject.
      if (
        e.kind === 'S' &&
        !(supported ??=
          /'s$/.test(prev) &&
          tokens
            .slice(Math.max(0, i - 5), i - 1)
            .some((t) => /^(on|by|at|took|take|takes|taking)$/.test(t.key)))
      )
        continue;
      const end = restEnd(tokens, i, e);
      if (end === null) continue;
      const last = end;
      const passive = !nominal && looksPassive(tokens, i);
      let objAt: number | null = null;
      if (e.obj) {
        objAt = findAfter(
          tokens,
          last,
          e.window ?? (nominal ? NOUN_CUE_WINDOW : OBJ_WINDOW),
          e.obj,
        );
        if (objAt === null && passive) objAt = findBefore(tokens, i, e.obj, PASSIVE_REACH);
        if (objAt === null) continue;
      }
      if (e.notObj && findAfter(tokens, last, e.kind === 'V' ? OBJ_WINDOW : 2, e.notObj) !== null)
        continue;
      if (e.notNext?.test(tokens[last + 1]?.key ?? '')) continue;
      if (e.notSubj && findBefore(tokens, i, e.notSubj) !== null) continue;
      const lightAt = nominal ? lightVerbFor(tokens, i, last) : null;
      // "critical of the agreement", "wary of the deal": the topic of an attitude, a reference.
      if (e.kind === 'N' && topicOfAttitude(tokens, i)) continue;
      // A noun modifying the noun after it ("aid deliveries", "truce monitors") names no event.
      // A phrase ending in a preposition ("call for") takes its object next, not a head noun.
      if (
        nominal &&
        !e.obj &&
        !FUNCTION_WORDS.has(tokens[last]!.key) &&
        modifiesNext(tokens, last, text)
      )
        continue;
      // "ending the war", "the end of the occupation", "the fighting stopped": the text reports
      // that it ended, not that it happened then.
      if (nominal && reportsItsEnd(tokens, i, last)) continue;
      hits.push({ entry: e, first: i, last, objAt, lightAt, passive, nominal });
      for (let k = i + 1; k <= last; k++) consumed.add(k);
      if (objAt !== null) consumed.add(objAt);
      break;
    }
  }
  // In a compound ("military cooperation agreement") the last noun is the head: drop modifiers,
  // also when the head is a verb's object ("signed a cooperation agreement").
  // A passive verb may have taken as its object a noun found earlier ("the agreement … was signed").
  const objects = new Set(hits.filter((h) => !h.nominal && h.objAt !== null).map((h) => h.objAt));
  // "tariffs on steel exports", "a ban on imports from Iran": the trade a sanction falls on is
  // what it hits, not an act of its own.
  const hitGoods = (h: TriggerHit) =>
    (h.entry.type === 'COOPERATE' || h.entry.type === 'AID') &&
    hits.some((s) => {
      if (s.entry.type !== 'SANCTION' || s.first >= h.first) return false;
      const from = s.objAt !== null && s.objAt > s.last ? s.objAt : s.last;
      if (h.first - from > 6) return false;
      const between = tokens.slice(from + 1, h.first).map((t) => t.key);
      return between.includes('on') && !between.some((t) => BREAK.has(t) || t === ',');
    });
  return hits.filter(
    (h, k) =>
      !hitGoods(h) &&
      !(
        h.nominal &&
        (objects.has(h.first) ||
          objects.has(h.last + 1) ||
          (hits[k + 1]?.nominal && hits[k + 1]!.first === h.last + 1))
      ),
  );
}
