// The event's dates: each of a coordinated list ("in 2015 and 2016" makes two events), else the
// most precise compatible date of the clause, else the shared date, the saying's, the heading's;
// else undated (never the publication day).
import { coordinated, pickDate as mostPrecise } from '../event-dates.ts';
import { labelOf, type TriggerRefiner } from './state.ts';

/** Picks the dates the trigger's mentions take. */
export const pickDate: TriggerRefiner = {
  name: 'pick-date',
  scope: 'trigger',
  run(t) {
    const list = coordinated(t.doc.text, t.dates);
    if (list) {
      t.own = list;
    } else {
      const clause = mostPrecise(t.dates);
      const d = clause ?? t.shared ?? t.said ?? t.s.heading;
      t.own = [d];
      if (d && !clause && t.doc.trace) {
        const from = d === t.shared ? 'shared-date' : d === t.said ? 'saying-date' : 'heading-date';
        t.doc.trace(`date ${labelOf(t)}: '${d.text}' from ${from}`);
      }
    }
    t.times = t.own;
    return undefined;
  },
};
