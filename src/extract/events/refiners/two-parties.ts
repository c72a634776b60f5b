// In a story about two states' relations, an act with one party named is domestic or its other
// party was missed: either way no event of those relations (GUIDELINES). Elsewhere a one-sided
// act is kept as PLOVER codes it ("rebels blocked roads"). Its prospect, if any, stays. An
// informal group of states meeting alone is a meeting of its members.
import { labelOf, type TriggerRefiner } from './state.ts';

// The informal groups of states in data/gazetteer/organisations.tsv, whose members the
// guidelines accept for the group ("G7", "QUAD", or their member list); not bodies with organs
// of their own (the UN, ECOWAS), whose meeting is the body's.
const INFORMAL_GROUPS = new Set(['G7', 'G20', 'QUAD', 'AUKUS', 'BRICS']);

/** Drops the event of an act with one participant in a document with a pair. */
export const twoParties: TriggerRefiner = {
  name: 'two-parties',
  scope: 'trigger',
  run(t) {
    const roles = t.roles!;
    if (!t.coded || t.doc.ctx.pair === null || new Set(roles.codes).size >= 2) return undefined;
    // "Quad leaders met at a virtual summit": an informal group of states meeting is its
    // members' meeting, as the guidelines write such a group acting as one.
    if (t.coded.type === 'CONSULT' && INFORMAL_GROUPS.has(roles.codes[0] ?? '')) return undefined;
    t.coded = null;
    const why = `one participant only [${roles.codes.join(', ')}]`;
    if (!t.content) return why;
    t.doc.trace?.(`drop the event of ${labelOf(t)}: ${why}; its prospect stays`);
    return undefined;
  },
};
