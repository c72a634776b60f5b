// In a story about two states' relations, an act with one party named is domestic or its other
// party was missed: either way no event of those relations (GUIDELINES). Elsewhere a one-sided
// act is kept as PLOVER codes it ("rebels blocked roads"). Its prospect, if any, stays.
import { labelOf, type TriggerRefiner } from './state.ts';

/** Drops the event of an act with one participant in a document with a pair. */
export const twoParties: TriggerRefiner = {
  name: 'two-parties',
  scope: 'trigger',
  run(t) {
    const roles = t.roles!;
    if (!t.coded || t.doc.ctx.pair === null || new Set(roles.codes).size >= 2) return undefined;
    t.coded = null;
    const why = `one participant only [${roles.codes.join(', ')}]`;
    if (!t.content) return why;
    t.doc.trace?.(`drop the event of ${labelOf(t)}: ${why}; its prospect stays`);
    return undefined;
  },
};
