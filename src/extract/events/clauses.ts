// Clause boundaries inside a sentence, in token indices. Commas do not end a clause (a fronted
// "During the exhibition, X showed …" belongs to it); relative and contrastive clauses do.
import type { Token } from '../text/tokens.ts';

const HARD = new Set([';', ':', '—', '–']);
const SOFT = new Set(['while', 'whereas', 'but', 'although', 'though', 'which', 'who', 'whom', 'where', 'whose', 'because', 'since']);

/** True when a clause starts at token `i`. */
function startsClause(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!.lower;
  if (HARD.has(t)) return true;
  if (SOFT.has(t)) {
    const prev = tokens[i - 1]?.lower;
    // "since" and "while" are prepositions or conjunctions; only after a comma are they sure.
    if (t === 'since' || t === 'while') return prev === ',';
    return prev === ',' || t === 'which' || t === 'who' || t === 'whose' || t === 'whereas' || t === 'although' || t === 'but';
  }
  return t === 'that' && tokens[i - 1]?.lower === ',';
}

/** The clause `[start, end)` around tokens `[first, last]`; a noun's relative clause is included. */
export function clauseAround(tokens: readonly Token[], first: number, last: number, nominal: boolean): [number, number] {
  let start = first;
  let comma = false;
  for (;;) {
    while (start > 0 && !startsClause(tokens, start)) {
      start--;
      if (tokens[start]!.lower === ',') comma = true;
    }
    // "Sudan, which also shares the Nile, called for …": a relative clause closed by a comma
    // before the trigger is an insertion; the trigger's clause goes on before it.
    const relative = /^(which|who|whom|whose)$/.test(tokens[start]!.lower) && tokens[start - 1]?.lower === ',';
    if (!(relative && comma && start > 1)) break;
    start -= 2;
    comma = false;
  }
  if (startsClause(tokens, start) && HARD.has(tokens[start]!.lower)) start++;
  let end = last + 1;
  // A noun followed by its relative clause ("the Massacre, which was committed by …").
  let skipRelative = false;
  if (nominal) {
    const next = tokens[last + 1]?.lower === ',' ? last + 2 : last + 1;
    skipRelative = /^(which|that|who)$/.test(tokens[next]?.lower ?? '');
    if (skipRelative) end = next + 1;
  }
  while (end < tokens.length && !startsClause(tokens, end)) end++;
  return [start, end];
}
