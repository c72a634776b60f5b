// The dates a trigger may take from its sentence: the time mentions of its date clause that no
// other trigger stands nearer to (event-dates.ts), the clause's own first ("… in 1973, and the
// two countries opened embassies in 1978"), and a date after "since" only when nothing else does
// ("the first such visit since 1975": it starts a period).
import { blocked, datesFor } from '../event-dates.ts';
import type { TimeMention } from '../../types.ts';
import type { TriggerRefiner, TriggerState } from './state.ts';

/**
 * "He announced a break with Washington in 2016, accepted Chinese funding in 2019": a date that
 * closes the phrase before a comma is that phrase's, when the trigger has a date after it. A date
 * heading the sentence ("In 2016, X did …, and in 2019 …") still dates every clause.
 */
function ownSide(dates: TimeMention[], t: TriggerState): TimeMention[] {
  const { trigger, s } = t;
  if (!dates.some((d) => d.start >= trigger.end)) return dates;
  const commas = s.layout.commas;
  return dates.filter(
    (d) =>
      d.start >= trigger.end ||
      d === s.heading ||
      !commas.some((c) => c >= d.end && c < trigger.start),
  );
}

/** Sets the candidate dates of the trigger's clause, nearest first. */
export const clauseDates: TriggerRefiner = {
  name: 'clause-dates',
  scope: 'trigger',
  run(t) {
    const { s, trigger, conjunct, doc } = t;
    const { tokens } = s;
    const [ds, de] = t.dateClause;
    const [cs, ce] = t.clause;
    const reachable = datesFor(
      s.times,
      tokens[ds]!.start,
      tokens[de - 1]!.end,
      trigger.start,
    ).filter(
      (d) =>
        !blocked(d, trigger, s.layout) &&
        // The first conjunct's dates are its own ("invaded France in May 1940 and occupied …").
        !(conjunct && d.start >= conjunct.firstAt && d.end <= conjunct.andAt),
    );
    const inClause = reachable.filter(
      (d) => d.start >= tokens[cs]!.start && d.end <= tokens[ce - 1]!.end,
    );
    const near = ownSide(inClause.length ? inClause : reachable, t);
    const points = near.filter(
      (d) => !/\bsince\s*$/i.test(doc.text.slice(Math.max(0, d.start - 8), d.start)),
    );
    t.dates = points.length || s.heading ? points : near;
    return undefined;
  },
};
