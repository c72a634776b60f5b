// The noun phrase that names an event in the registry: an optional determiner, at most two
// modifiers, and an event head noun, the last noun of the phrase ("the agreement talks" is talks) ("its independence", "the Working Group Meetings", "the
// USSR collapse"). Shared by the rules that date a time from an event.
import { DETERMINER, EVENT_NOUN, eventKey, LETTER } from '../lexicon.ts';

/** Determiner, modifiers and head noun; the head is the last capture group of the fragment. */
export const EVENT_PHRASE = `(?:${DETERMINER}\\s+)?(?:[${LETTER}\\d'’-]+\\s+){0,2}(${EVENT_NOUN})`;

/** True when the phrase gives its own year ("during the 2016 exhibition"): the year rules date it. */
export function namesItsYear(phrase: string): boolean {
  return /\d{4}/.test(phrase);
}

/** The registry key of the head noun a match captured. */
export function headKey(head: string): string {
  return eventKey(head)!;
}
