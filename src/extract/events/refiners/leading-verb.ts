// The last verb and its date, for `shared-date` at the next trigger: a conjunct shares a date
// standing before both verbs, a clause of the same moment the verb's own date.
import type { TimeMention } from '../../types.ts';
import type { TriggerRefiner } from './state.ts';

/** Records a verb and its date as the sentence's leading verb. */
export const leadingVerb: TriggerRefiner = {
  name: 'leading-verb',
  scope: 'trigger',
  run(t) {
    if (t.hit.nominal) return undefined;
    const own: TimeMention | null = t.times.length === 1 ? (t.times[0] ?? null) : null;
    t.s.leading = { hit: t.hit, own, date: own && own.end <= t.trigger.start ? own : null };
    return undefined;
  },
};
