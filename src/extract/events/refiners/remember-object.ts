// "… imposed sanctions on India; the sanctions were lifted": the parties of the last act on each
// object noun, for `parties-from-context` in this sentence and the next.
import type { TriggerRefiner } from './state.ts';

/** Records the trigger's parties under its object noun. */
export const rememberObject: TriggerRefiner = {
  name: 'remember-object',
  scope: 'trigger',
  run(t) {
    if (t.object && t.roles!.used.length)
      t.doc.byObject.set(t.object, { roles: t.roles!, sentence: t.s.sentence.index });
    return undefined;
  },
};
