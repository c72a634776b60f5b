// A noun with neither a light verb nor an agent of its own is a reference, not a report ("as a
// part of the agreement", "progress in bilateral cooperation"), unless it is an event noun with a
// participant. "Bilateral" or "their" names no agent. A date realises a noun whose parties are
// the document's pair ("The peace treaty followed on 26 March 1979").
import type { TriggerRefiner } from './state.ts';

/** Drops a noun that nothing realises. */
export const unrealisedNoun: TriggerRefiner = {
  name: 'unrealised-noun',
  scope: 'trigger',
  run(t) {
    const { hit } = t;
    const roles = t.roles!;
    const ownAgent = roles.how === 'noun phrase' && roles.used.some((u) => u.how !== 'reference');
    const datedPairNoun = roles.how === "the document's pair" && t.dates.length > 0;
    const unrealised =
      hit.entry.kind === 'N' && hit.lightAt === null && !ownAgent && !hit.objAt && !datedPairNoun;
    return unrealised ? 'a noun nothing realises' : undefined;
  },
};
