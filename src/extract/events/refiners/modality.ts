// PLOVER codes intentions: negation, future, hope, condition, obligation and pending read from
// the cues of the trigger's clause (modality.ts). "rather than"/"instead of" mark an alternative
// not taken: no event.
import { readModality } from '../modality.ts';
import type { TriggerRefiner } from './state.ts';

/** Reads the trigger's modality; drops an alternative not taken. */
export const modality: TriggerRefiner = {
  name: 'modality',
  scope: 'trigger',
  run(t) {
    t.modality = readModality(t.s.tokens, t.hit, t.clause[0], t.clause[1]);
    return t.modality.alternative
      ? `an alternative not taken (${t.modality.cues.join(', ')})`
      : undefined;
  },
};
