// The date words of `data/dates/lexicon.json`, as lookups and as regular-expression fragments
// the rules assemble. Fragments have no flags of their own; each rule picks its flags (month
// names are matched case-sensitively so that "may join" and "a protest march" are not dates).
import lexicon from '../../../data/dates/lexicon.json' with { type: 'json' };
import { IRREGULAR_PASTS } from '../events/inflect.ts';
import type { Unit } from './value.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation of words, longest first so that no word is cut short by a prefix of it. */
const alternation = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|');

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * An alternation of many words as a trie ("war|wars|withdrawal" → "w(?:ar(?:s)?|ithdrawal)"): V8
 * then fails at most positions on the first character instead of trying every word. With
 * `firstEitherCase`, the first letter matches in either case without the slow `i` flag.
 */
function trie(words: Iterable<string>, firstEitherCase = false): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      if (!node.next.has(ch)) node.next.set(ch, { next: new Map(), end: false });
      node = node.next.get(ch)!;
    }
    node.end = true;
  }
  const emit = (node: TrieNode, depth: number): string => {
    const alternatives = [...node.next].map(([ch, child]) => {
      const c = ch === ' ' ? '\\s+' : escape(ch).replace('-', '\\-');
      const head =
        depth === 0 && firstEitherCase && ch.toUpperCase() !== ch
          ? `[${ch}${ch.toUpperCase()}]`
          : c;
      return head + emit(child, depth + 1);
    });
    if (alternatives.length === 0) return '';
    const body = alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root, 0);
}

const monthByName = new Map<string, number>([
  ...Object.entries(lexicon.months),
  ...Object.entries(lexicon.monthAbbreviations),
]);

/** Letters, for character classes: ASCII and Latin-1/Latin Extended-A and B (no `u` flag needed). */
export const LETTER = 'A-Za-z\\u00C0-\\u024F';
/** Capital letters, for character classes. */
export const CAPITAL = 'A-Z\\u00C0-\\u00DE';

/** A capitalised month name or abbreviation, with an optional full stop (no capture group). */
export const MONTH = `(?:${alternation(Object.keys(lexicon.months))}|(?:${alternation(Object.keys(lexicon.monthAbbreviations))})\\.?)(?![${LETTER}])`;
/** A capitalised full month name (no capture group): the only form trusted without a day or year. */
export const FULL_MONTH = `(?:${alternation(Object.keys(lexicon.months))})(?![${LETTER}])`;
/** A year of the range the extractor believes in, 1000–2100 (no capture group). */
export const YEAR = '(?:1\\d{3}|20\\d{2}|2100)';
/** A day of the month with an optional ordinal suffix (no capture group). */
export const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d)';
/** A weekday name, capitalised (no capture group). */
export const WEEKDAY = `(?:${alternation(Object.keys(lexicon.weekdays))})`;
/** A season word, either case (no capture group). */
export const SEASON = `(?:${alternation(Object.keys(lexicon.seasons).flatMap((s) => [s, s[0]!.toUpperCase() + s.slice(1)]))})`;
/** A count: digits or a number word; use with the `i` flag (no capture group). */
export const COUNT = `(?:\\d{1,3}|${alternation(Object.keys(lexicon.numbers))})`;
/** A calendar unit, singular or plural; use with the `i` flag (no capture group). */
export const UNIT = '(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies))';
/** A determiner before an event noun (no capture group). */
export const DETERMINER = '(?:the|its|his|her|their|our|this|that|these|those)';
/** An ordinal word or number, for centuries; use with the `i` flag (no capture group). */
export const ORDINAL = `(?:\\d{1,2}(?:st|nd|rd|th)|${alternation(Object.keys(lexicon.ordinals))})`;

/** The plural of a noun of the lexicon; "talks" and "sanctions" are listed as plurals already. */
function plural(noun: string): string {
  if (/is$/.test(noun)) return `${noun.slice(0, -2)}es`;
  if (/s$/.test(noun)) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return /(sh|ch|x)$/.test(noun) ? `${noun}es` : `${noun}s`;
}
const eventKeyByForm = new Map<string, string>();
for (const noun of lexicon.eventNouns) {
  eventKeyByForm.set(noun, noun);
  eventKeyByForm.set(plural(noun), noun);
}
/** A statement or document a party issues ("report", "statement"), lowercase, as an alternation. */
export const STATEMENT_NOUN = `(?:${alternation(lexicon.statementNouns)})s?(?![${LETTER}-])`;

/** An event head noun, singular or plural; use with the `i` flag (no capture group). */
export const EVENT_NOUN = `${trie(eventKeyByForm.keys())}(?![${LETTER}-])`;

/** Words as written in lowercase or with a capital, as a case-sensitive alternation. */
const eitherCase = (words: Iterable<string>) =>
  alternation(words)
    .split('|')
    .map((w) => `[${w[0]!.toLowerCase()}${w[0]!.toUpperCase()}]${w.slice(1)}`)
    .join('|');

/**
 * Cheap tests a sentence must pass before a rule's pattern runs on it. Rules share these
 * objects, so the scanner tests each once per sentence; most sentences of prose pass few.
 * They are case-sensitive: V8 runs a case-insensitive alternation several times slower.
 */
export const TRIGGER = {
  year: /\d{4}/,
  digit: /\d/,
  month: /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/,
  weekday: /day/,
  unit: new RegExp(eitherCase(['day', 'week', 'month', 'year', 'decade', 'centur', 'tomorrow'])),
  decade: /\d0['’]?s/,
  century: /[Cc]entur/,
  acronym: /[A-Z]{3}/,
  recent: new RegExp(eitherCase(['recent', 'lately', 'nowadays'])),
  event: new RegExp(`\\b${trie(eventKeyByForm.keys(), true)}`),
} as const;

/** The registry key of an event noun form ("Meetings" → "meeting"), or null. */
export function eventKey(word: string): string | null {
  return eventKeyByForm.get(word.toLowerCase()) ?? null;
}

/** The month number (1–12) of a month name or abbreviation, or null. */
export function monthNumber(word: string): number | null {
  return monthByName.get(word.replace(/\.$/, '')) ?? null;
}

/** The ISO weekday (1 = Monday) of a weekday name, or null. */
export function weekdayNumber(word: string): number | null {
  return (lexicon.weekdays as Record<string, number>)[word] ?? null;
}

/** The first and last month of a season word ("winter" → [12, 2]). */
export function seasonMonths(word: string): [number, number] | null {
  const m = (lexicon.seasons as Record<string, number[]>)[word.toLowerCase()];
  return m ? [m[0]!, m[1]!] : null;
}

/** The value of a count ("two" → 2, "12" → 12); null for vague counts ("several"). */
export function countValue(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  const v = (lexicon.numbers as Record<string, number | null>)[
    word.toLowerCase().replace(/\s+/g, ' ')
  ];
  return v ?? null;
}

/** The number of an ordinal ("20th" → 20, "twentieth" → 20), or null. */
export function ordinalValue(word: string): number | null {
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/i.exec(word);
  if (digits) return Number(digits[1]);
  return (
    (lexicon.ordinals as Record<string, number>)[word.toLowerCase().replace(/\s+/g, ' ')] ?? null
  );
}

/** The unit of a unit word ("years" → "year", "centuries" → "century"). */
export function unitOf(word: string): Unit {
  const w = word.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  return w.replace(/s$/, '') as Unit;
}

const countNouns = new Set(lexicon.countNouns);
const changeVerbs = new Set(lexicon.changeVerbs);
const dateNameHeads = new Set(lexicon.dateNameHeads);

/** The word starting at or after `i` (letters, digits, `%`), as written. */
export function wordAfter(text: string, i: number): string {
  return /^\s*([\p{L}\d%]+)/u.exec(text.slice(i, i + 40))?.[1] ?? '';
}

/** The word ending at or before `i`, as written. */
export function wordBefore(text: string, i: number): string {
  return /([\p{L}\d]+)\s*$/u.exec(text.slice(Math.max(0, i - 40), i))?.[1] ?? '';
}

/** True when a number ending at `end` is followed by what it counts ("2000 troops", "1500 km"). */
export function countedAfter(text: string, end: number): boolean {
  if (/^\s*%/.test(text.slice(end, end + 3))) return true;
  return countNouns.has(wordAfter(text, end).toLowerCase());
}

/** True when `word` is a verb of change before an amount ("increased by 2000"). */
export function isChangeVerb(word: string): boolean {
  return changeVerbs.has(word.toLowerCase());
}

/** True when `word` makes a day and month before it part of a name ("23rd March Parade"). */
export function isDateNameHead(word: string): boolean {
  return dateNameHeads.has(word);
}

// A clitic ("we'll") is glued to the word before it; every other cue starts a word.
const clitics = lexicon.futureCues.filter((c) => /^['’]/.test(c));
const futureCue = new RegExp(
  `(?:\\b(?:${alternation(lexicon.futureCues.filter((c) => !clitics.includes(c)))})|${alternation(clitics)})(?![${LETTER}])`,
  'i',
);

/**
 * True when the clause around `at` speaks of the future ("will meet on Tuesday", "On Tuesday,
 * they will meet"); "met on Tuesday and will meet again" is past for Tuesday. The clause runs
 * back to a comma, semicolon, colon or "and"/"but", and on to a semicolon, colon, quotation,
 * "and"/"but" or a clause it governs ("that", "which", "who").
 */
export function speaksOfFuture(sentence: string, at: number): boolean {
  const back = /^[\s\S]*(?:[,;:]|\band\b|\bbut\b)/.exec(sentence.slice(0, at))?.[0].length ?? 0;
  const before = sentence.slice(back, at);
  if (futureCue.test(before)) return true;
  // "reached an agreement on Saturday on a plan to normalise ties": a verb in the past before
  // the date makes it past, whatever plan follows it.
  if (PAST_VERB.test(before)) return false;
  const rest = sentence.slice(at);
  // A clause the date's verb governs speaks for itself: "warned Wednesday that it will …" is past.
  const on = /[;:“"]|\b(?:and|but|that|which|who)\b/.exec(rest)?.index ?? rest.length;
  return futureCue.test(sentence.slice(at, at + on));
}

// A finite verb in the past: a lower-case word in -ed, or an irregular past of the inflection table.
const PAST_VERB = new RegExp(`\\b(?:[a-z]+ed|${IRREGULAR_PASTS.join('|')})\\b`);

/**
 * True when the date at [start, end) heads a chronology entry: first on its line, before a dash
 * or colon ("July 1 -- Japan announces a plan …"). An entry is written after the fact, so its
 * date is not read as future because the entry speaks of a plan.
 */
export function headsEntry(text: string, start: number, end: number): boolean {
  const line = text.lastIndexOf('\n', start - 1) + 1;
  return (
    /^[\s\-*•·]*$/.test(text.slice(line, start)) &&
    /^\s*(?:--|[—–:-])/.test(text.slice(end, end + 4))
  );
}

// Patterns carry no `u` flag and start with `\b`, not a look-behind: with either, V8 tries the
// pattern at every position of the sentence, three to six times slower (measured on the essay).
/** Where an expression may start, before a word character: not inside a word or number. */
export const START = '\\b';
/** Where an expression may end: not inside a word or number. */
export const END = `(?![${LETTER}\\d])`;
/** Where a year may end: not inside a word or number, nor before a decimal part ("2016.5"). */
export const YEAR_END = `(?![${LETTER}\\d]|[.,]\\d)`;
/** An optional early/mid/late modifier, captured. */
export const PART = '((?:[Ee]arly|[Mm]id|[Ll]ate)(?:-|\\s+))';
