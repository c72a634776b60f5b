// An act reported with no date of its own takes the date of its reporting ("said Tuesday that
// …", "…, the ministry said in a statement Thursday"): event-dates.ts `sayingDate`.
import { sayingDate as dateOfSaying } from '../event-dates.ts';
import type { TriggerRefiner } from './state.ts';

/** Sets the date of the saying that reports an undated act. */
export const sayingDate: TriggerRefiner = {
  name: 'saying-date',
  scope: 'trigger',
  run(t) {
    const { s } = t;
    if (!t.dates.length && !t.shared)
      t.said = dateOfSaying(s.tokens, s.sayings, s.times, t.hit.first);
    return undefined;
  },
};
