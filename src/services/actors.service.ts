// Actors at the service boundary: a user's "Azerbaijan", "azerbaijani" or "AZE" becomes a code,
// and a stored code gets its display name. The lexicon itself belongs to the extractor.
import { TiesError } from '../errors.ts';
import { actorName, resolveActor } from '../extract/actors/index.ts';
import { suggestActors } from '../extract/actors/suggest.ts';
import type { ActorKind } from '../extract/types.ts';
import type { Db } from '../store/db.ts';
import { actorEventCounts } from '../store/events.repo.ts';

/** An actor as the API shows it. */
export interface ActorRef {
  code: string;
  name: string;
}

/** The display name of a code (the code itself when the lexicon does not know it). */
export function nameOf(code: string): string {
  return actorName(code);
}

/** Resolves a code or a name to an actor; throws NOT_FOUND for neither. */
export function resolveActorQuery(query: string): ActorRef {
  const q = query.trim();
  const hit = resolveActor(q);
  if (hit) return { code: hit.code, name: nameOf(hit.code) };
  const near = suggestActors(q).map((a) => `${a.name} (${a.code})`);
  const hint = near.length
    ? `did you mean ${near.length > 1 ? `${near.slice(0, -1).join(', ')} or ${near.at(-1)}` : near[0]}?`
    : 'try its name or ISO alpha-3 code';
  throw new TiesError('NOT_FOUND', `'${q}' is not a country or organisation ties knows (${hint})`);
}

/** Every actor with events, most events first. */
export function listActors(
  db: Db,
): { code: string; name: string; kind: ActorKind; events: number }[] {
  return actorEventCounts(db).map(({ code, events }) => {
    const hit = resolveActor(code);
    return {
      code,
      name: nameOf(code),
      kind: hit?.kind ?? (/^[A-Z]{3}$/.test(code) ? 'state' : 'organisation'),
      events,
    };
  });
}
