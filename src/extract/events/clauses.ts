// Clause boundaries inside a sentence, in token indices. Commas do not end a clause (a fronted
// "During the exhibition, X showed …" belongs to it); relative and contrastive clauses do.
import type { Token } from '../syntax/tokenizer.ts';
import { closedClasses, MODALS } from '../text/closed-class.ts';

const HARD = new Set([';', ':', '—', '–']);
// Relative and contrastive clauses, "where", "because", "since" and "but". Not "when": after a
// date it is the date's own clause ("in 2019, when both agreed"); nor "as", also a preposition.
const SOFT = closedClasses(
  ['relative', 'subordinator-contrast'],
  ['where', 'because', 'since', 'but'],
);

// Finite verbs that end no "-ed": after ", and <subject>" they make a new clause.
const FINITE = closedClasses(
  [...MODALS, 'be-present', 'be-past', 'have-present', 'have-past', 'do'],
  [
    'said',
    'says',
    'made',
    'makes',
    'took',
    'takes',
    'sent',
    'sends',
    'held',
    'holds',
    'began',
    'begins',
    'became',
    'gave',
    'gives',
    'won',
    'lost',
    'met',
    'meets',
    'struck',
    'fought',
    'withdrew',
    'broke',
    'went',
    'came',
    'set',
    'put',
    'cut',
    'led',
    'left',
    'sought',
    'told',
    'paid',
    'built',
    'brought',
    'drew',
    'shot',
    'bought',
    'sold',
    'wrote',
    'rose',
    'fell',
  ],
);
// Words that cannot be part of a subject: after ", and" they show a list item, not a clause.
const NOT_SUBJECT = closedClasses(['preposition', 'coordinator'], ['as']);

/**
 * ", and Ethiopia declared war …": a coordinated clause with its own subject (one to four words,
 * then a finite verb in lower case), not a list item (", and Pakistan in 2005") nor a second verb
 * sharing the first one's subject (", and signed …"). `text` gives the case of the words.
 */
function coordinatedClause(tokens: readonly Token[], i: number, text: string): boolean {
  if (!/^(and|but)$/.test(tokens[i]!.key) || tokens[i - 1]?.key !== ',') return false;
  for (let k = i + 2; k <= i + 5 && k < tokens.length; k++) {
    const w = tokens[k]!.key;
    const subject = tokens
      .slice(i + 1, k)
      .every((t) => /^\p{L}/u.test(t.key) && !NOT_SUBJECT.has(t.key) && !FINITE.has(t.key));
    if (!subject) return false;
    const lower = /^\p{Ll}/u.test(text.slice(tokens[k]!.start, tokens[k]!.end));
    if (lower && (FINITE.has(w) || (w.length > 4 && w.endsWith('ed')))) return true;
  }
  return false;
}

/** True when a clause starts at token `i` (a coordinated one too, when `text` is given). */
function startsClause(tokens: readonly Token[], i: number, text: string | null): boolean {
  const t = tokens[i]!.key;
  if (HARD.has(t)) return true;
  // An acronym in capitals is a name, not the clause word it spells ("accused the WHO of …").
  if (tokens[i]!.text.length > 1 && /^\p{Lu}+$/u.test(tokens[i]!.text)) return false;
  if (text !== null && coordinatedClause(tokens, i, text)) return true;
  if (SOFT.has(t)) {
    const prev = tokens[i - 1]?.key;
    // "since" and "while" are prepositions or conjunctions; only after a comma are they sure.
    if (t === 'since' || t === 'while') return prev === ',';
    return (
      prev === ',' ||
      t === 'which' ||
      t === 'who' ||
      t === 'whose' ||
      t === 'whereas' ||
      t === 'although' ||
      t === 'but'
    );
  }
  return t === 'that' && tokens[i - 1]?.key === ',';
}

/**
 * The clause `[start, end)` around tokens `[first, last]`; a noun's relative clause is included.
 * With `text`, ", and <subject> <verb>" ends a clause (the span roles come from); without, it
 * does not (the span a date may come from: "spoke on Wednesday, and both sides agreed").
 */
export function clauseAround(
  tokens: readonly Token[],
  first: number,
  last: number,
  nominal: boolean,
  text: string | null,
): [number, number] {
  const starts = (i: number) => startsClause(tokens, i, text);
  let start = first;
  let comma = false;
  for (;;) {
    while (start > 0 && !starts(start)) {
      start--;
      if (tokens[start]!.key === ',') comma = true;
    }
    // "Sudan, which also shares the Nile, called for …": a relative clause closed by a comma
    // before the trigger is an insertion; the trigger's clause goes on before it.
    const relative =
      /^(which|who|whom|whose)$/.test(tokens[start]!.key) && tokens[start - 1]?.key === ',';
    if (!(relative && comma && start > 1)) break;
    start -= 2;
    comma = false;
  }
  if (starts(start) && HARD.has(tokens[start]!.key)) start++;
  let end = last + 1;
  // A noun followed by its relative clause ("the Massacre, which was committed by …").
  let skipRelative = false;
  if (nominal) {
    const next = tokens[last + 1]?.key === ',' ? last + 2 : last + 1;
    skipRelative = /^(which|that|who)$/.test(tokens[next]?.key ?? '');
    if (skipRelative) end = next + 1;
  }
  while (end < tokens.length && !starts(end)) end++;
  return [start, end];
}
