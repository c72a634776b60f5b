// Source, target and participants from the trigger's clause (roles.ts): the nearest actor before
// an active verb is the source, "by X" the agent of a passive, "X's" the actor of a noun.
import { fillRoles } from '../roles.ts';
import type { TriggerRefiner } from './state.ts';

/** Fills the trigger's roles; a verb with roles is the one the next conjunct may share. */
export const roles: TriggerRefiner = {
  name: 'roles',
  scope: 'trigger',
  run(t) {
    const { hit, s } = t;
    t.roles = fillRoles(hit, {
      tokens: s.tokens,
      clause: t.clause,
      actors: t.roleActors,
      subject: t.conjunct?.subject,
    });
    if (!hit.nominal && t.roles) s.lastVerb = { hit, roles: t.roles };
    return undefined;
  },
};
