// What the fulfilment check compares of a clause, read once when its document is stored: the
// clause around an evidence span, and its content words with the participants' names blanked
// (actors/). The check itself (merge/fulfils.ts) reads only what was stored.
import { domains, namedPeople } from '../../merge/wording.ts';
import { findActors } from '../actors/index.ts';
import { tokenizeSpan, type Token } from '../syntax/tokenizer.ts';
import type { Evidence, Span } from '../types.ts';
import { clauseBreaks, clauseSpan } from '../text/clause-span.ts';

// Words that say a thing is wanted, not what is wanted, and words every relation between two
// states uses: sharing them says nothing about the two sentences naming the same thing.
const NOT_CONTENT = new Set(
  `plan plann intend intent intention aim hope wish want like love eager keen expect propos proposal suggest
   consider eye eyeing mull seek seeking look interest express show shown reiterat repeated repeatedly
   will would could should may might can must shall going ready prepar possible possibility potential
   future soon upcoming yet pending
   sign hold held take took make made conduct pay paid reach launch carry start begin complete conclud
   sid side both two three countri country nation state government official minister ministry
   relation relationship tie bilateral mutual cooperation cooperat collaborat partnership
   military defence defense economic cultural political strategic diplomatic social
   new first year years time level field area way ways various further also well
   formal deal agreement accord contract memorandum document join joint`.split(/\s+/),
);

const STOPWORDS = new Set(
  `a an the of in on at to for from by with and or but as is was were are be been being has have had
   that this these those which who whom whose it its their them they he she his her our we us
   than then also after before between both each either into over under about up out not no
   so such very more most other same there here when where while all any some one during since
   according said says told`.split(/\s+/),
);

const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

/**
 * A word's stem for comparing two sentences: lowercase, no diacritics, "-ise" as "-ize", and
 * inflections cut down to three letters ("buying" and "buy", "jets" and "jet", "exercises" and
 * "exercise" meet; the extractor's stemmer keeps four, which leaves short words apart).
 */
export function wordStem(word: string): string {
  let w = word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/is(e|ed|es|ing|ation)$/, 'iz$1');
  if (/ie[sd]$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/ing$/.test(w) && w.length >= 6) w = w.slice(0, -3);
  else if (/ed$/.test(w) && w.length >= 5) w = w.slice(0, -2);
  else if (/[^s]s$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  if (/e$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  return w;
}

// The list above is matched on stems too, so "planned" and "plans" both fall out.
const NOT_CONTENT_STEMS = new Set([...NOT_CONTENT].map(wordStem));

/**
 * The content words of a sentence, stemmed, without the names of its participants (they are
 * compared as codes), dates, and words of wanting or of relations in general. A code written
 * with a hyphen ("JF-17", "AMAN-2013") is kept whole as well as its letters.
 */
export function contentWordsOf(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.trim()) return out;
  const sentence = [{ start: 0, end: text.length, index: 0, paragraph: 0 }];
  // Participants are blanked by span so "Pakistani" and "Baku" go, not only the country names.
  let blanked = text;
  for (const a of findActors(text, sentence)) {
    blanked = blanked.slice(0, a.start) + ' '.repeat(a.end - a.start) + blanked.slice(a.end);
  }
  for (const group of hyphenated(tokenizeSpan(blanked, 0, blanked.length, 0))) {
    const token = group.join('-');
    if (group.length > 1 && /\p{L}/u.test(token) && /\p{N}/u.test(token)) out.add(token);
    for (const w of group) {
      if (
        STOPWORDS.has(w) ||
        MONTHS.test(w) ||
        /^\d{1,4}(?:st|nd|rd|th|s)?$/.test(w) ||
        w.length < 2
      )
        continue;
      const s = wordStem(w);
      if (NOT_CONTENT.has(w) || NOT_CONTENT_STEMS.has(s)) continue;
      out.add(s);
    }
  }
  return out;
}

const WORD = /^[\p{L}\p{N}]/u;
// A number with separators ("25.5", "2,000", "12:30") is one token; its digit groups are
// compared apart.
const NUMBER = /^\p{N}+(?:[.,:/]\p{N}+)+$/u;
// The layer splits a possessive or contraction ending off its word ("Pakistan|'s", "did|n't").
const CLITIC = /^(?:'\p{L}*|n't)$/u;

/**
 * The words of a token list, those joined by hyphens with no space ("JF-17", "AMAN-2013") in
 * one group; possessive and contraction endings are left out. A word the layer keeps whole
 * with its prefix ("co-operation") is its parts, as a joined one would be.
 */
function* hyphenated(tokens: readonly Token[]): Generator<string[]> {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    i++;
    if (!WORD.test(t.key) || CLITIC.test(t.key)) continue;
    if (NUMBER.test(t.key)) {
      for (const part of t.key.split(/[.,:/]/)) yield [part];
      continue;
    }
    const group = t.key.split('-');
    let last = t;
    for (;;) {
      const dash = tokens[i];
      const next = tokens[i + 1];
      if (dash?.key !== '-' || dash.start !== last.end || !next || next.start !== dash.end) break;
      if (!WORD.test(next.key) || NUMBER.test(next.key)) break;
      group.push(...next.key.split('-'));
      last = next;
      i += 2;
    }
    yield group;
  }
}

// Where a clause ends: a comma, semicolon, colon or dash between words, or a full stop before a
// space (not the one inside "25.5" or "U.S").
const CLAUSE_END = /[,;:]\s|\s[–—-]\s|[.!?](?=\s|$)/g;

/**
 * The clause of `sentence` around `span` (both in document offsets): from the clause boundary
 * before the span to the one after it. A prospect's evidence can stop at its cue ("Azerbaijan
 * has expressed interests") and an event's at its participants ("signed a contract with
 * Pakistan"); what is wanted or done follows in the clause ("in importing the JF-17", "to buy
 * JF-17 fighter jets"), while the rest of a long sentence talks about other things.
 */
export function clauseOf(sentence: { start: number; text: string }, span: Span): string {
  const text = sentence.text;
  const from = Math.max(0, Math.min(text.length, span.start - sentence.start));
  const to = Math.max(from, Math.min(text.length, span.end - sentence.start));
  const whole = { start: 0, end: text.length };
  const clause = clauseSpan(whole, clauseBreaks(text, whole, CLAUSE_END), { start: from, end: to });
  return text.slice(clause.start, clause.end).trim();
}

/** What the fulfilment check compares of a clause, in storable form (arrays in found order). */
export interface ClauseWords {
  words: string[];
  people: string[];
  domains: string[];
}

/** What the fulfilment check compares of `clause`. */
export function clauseWords(clause: string): ClauseWords {
  return {
    words: [...contentWordsOf(clause)],
    people: [...namedPeople(clause)],
    domains: [...domains(clause)],
  };
}

/** The key of an evidence span among the wordings of `clauseWordingsOf`. */
export const spanKey = (span: Span) => `${span.start}:${span.end}`;

/**
 * The wording (`clauseWords` as JSON, what the store keeps) of the clause around each evidence
 * span of a text, keyed by `spanKey`: the clause of the sentence the span starts in (the last of
 * `sentences`, in text order, starting at or before it; the span itself when none does), as the
 * store would read it from its stored sentences. Text alone goes in, so an extraction thread
 * reads it and the storing thread only writes it.
 */
export function clauseWordingsOf(
  text: string,
  sentences: readonly Span[],
  spans: Iterable<Evidence>,
): Record<string, string> {
  const out: Record<string, string> = {};
  // Copies of one clause in a document (a repeated paragraph) are read once.
  const read = new Map<string, string>();
  for (const span of spans) {
    const key = spanKey(span);
    if (key in out) continue;
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= span.start) lo = mid + 1;
      else hi = mid;
    }
    const s = sentences[lo - 1];
    const sentence = s
      ? { start: s.start, text: text.slice(s.start, s.end) }
      : { start: span.start, text: span.text };
    const clause = clauseOf(sentence, span);
    let w = read.get(clause);
    if (w === undefined) read.set(clause, (w = JSON.stringify(clauseWords(clause))));
    out[key] = w;
  }
  return out;
}
