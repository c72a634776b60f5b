// Two parties (stop 10): in a document with a main pair, an act of one of the pair with no one
// else named takes the other as its other side, whatever its type, when the sentence names no
// state outside the pair.
import { labelOf, type TriggerRefiner } from './state.ts';

/** Adds the pair's other side to an act of one of the pair. */
export const otherSideFromPair: TriggerRefiner = {
  name: 'other-side-from-pair',
  scope: 'trigger',
  run(t) {
    const pair = t.doc.ctx.pair;
    const roles = t.roles!;
    if (roles.codes.length !== 1 || !pair || !pair.includes(roles.codes[0]!)) return undefined;
    const sentenceStates = t.s.actors.flatMap((a) => (a.kind === 'state' ? a.codes : []));
    if (!sentenceStates.every((c) => pair.includes(c))) return undefined;
    const other = pair.find((c) => c !== roles.codes[0])!;
    t.roles = {
      ...roles,
      codes: [...roles.codes, other],
      how: `${roles.how}; other side from the document's pair`,
    };
    t.doc.trace?.(`change ${labelOf(t)}: ${other}, the other side of the document's pair`);
    return undefined;
  },
};
