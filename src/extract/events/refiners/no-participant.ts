// An act with no participant, from its clause or its context, is no event of relations.
import type { TriggerRefiner } from './state.ts';

/** Drops a trigger without roles. */
export const noParticipant: TriggerRefiner = {
  name: 'no-participant',
  scope: 'trigger',
  run: (t) => (t.roles ? undefined : 'no participant in its clause'),
};
