// Where the sentence's triggers, commas and clause-joining ", and" stand: a date belongs to the
// nearest trigger, and does not reach back across ", and" (event-dates.ts `blocked`).
import type { ActorMention } from '../../types.ts';
import type { Token } from '../../syntax/tokenizer.ts';
import type { SentenceRefiner } from './state.ts';

// What may follow the last name of a list ("with Turkey, Iran, and China in 2005").
const AFTER_LIST = /^(?:in|on|at|during|since|until|by|for|from|over|between|,|\.|;|:)$/;

/**
 * ", and China in 2005": the "and" before the last item of a list of names, which joins no
 * clause (a date after it still dates the verb before the list).
 */
function lastListItem(
  tokens: readonly Token[],
  and: number,
  actors: readonly ActorMention[],
): boolean {
  const next = tokens[and + 1];
  const name = next && actors.find((a) => a.start === next.start && a.how !== 'reference');
  if (!name) return false;
  let j = and + 1;
  while (j < tokens.length && tokens[j]!.end <= name.end) j++;
  return j >= tokens.length || AFTER_LIST.test(tokens[j]!.key);
}

/** Lays out the trigger starts, commas and clause joins the date refiners read. */
export const dateLayout: SentenceRefiner = {
  name: 'date-layout',
  scope: 'sentence',
  run(s) {
    const { tokens, actors } = s;
    s.layout = {
      starts: s.hits.map((h) => tokens[h.first]!.start),
      commas: tokens.filter((t) => t.key === ',').map((t) => t.start),
      clauseJoins: tokens
        .filter(
          (t, k) =>
            t.key === 'and' && tokens[k - 1]?.key === ',' && !lastListItem(tokens, k, actors),
        )
        .map((t) => t.start),
    };
    return undefined;
  },
};
