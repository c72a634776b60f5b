// "Germany invaded France in May 1940 and occupied Paris": a verb after "and" (or a finite verb
// after a comma) with no actor of its own before it shares the subject of the verb before.
import type { ActorMention } from '../../types.ts';
import type { Token } from '../../syntax/tokenizer.ts';
import type { TriggerHit } from '../find-triggers.ts';
import type { Conjunct, LastVerb, TriggerRefiner } from './state.ts';

// How many words may stand between the joining comma or "and" and a finite verb ("…, then
// exempted", "and later by week's end delayed").
const NEAR = 6;

/** The comma or "and" just before a finite verb, past a few words that name no actor; or -1. */
function nearJoin(
  hit: TriggerHit,
  after: number,
  tokens: readonly Token[],
  actors: readonly ActorMention[],
): number {
  if (!/(?:ed|[^s]s)$/.test(tokens[hit.first]!.key)) return -1;
  for (let j = hit.first - 1; j > after && j >= hit.first - NEAR; j--) {
    const w = tokens[j]!.key;
    if (w === ',' || w === 'and') {
      const from = tokens[j]!.end;
      const to = tokens[hit.first]!.start;
      return actors.some((a) => a.start >= from && a.start < to) ? -1 : j;
    }
    if (!/^[a-z'’-]+$/.test(w) || /^(to|that|which|who|if|when|while)$/.test(w)) return -1;
  }
  return -1;
}

function conjunctOf(
  hit: TriggerHit,
  lastVerb: LastVerb | null,
  tokens: readonly Token[],
  actors: readonly ActorMention[],
): Conjunct | null {
  if (!lastVerb?.roles.source) return null;
  let and = nearJoin(hit, lastVerb.hit.last, tokens, actors);
  for (let j = hit.first - 1; and < 0 && j > lastVerb.hit.last; j--) {
    if (tokens[j]!.key === 'and') {
      and = j;
      break;
    }
  }
  // "urged Russia to withdraw, warned Moscow of sanctions": a finite verb right after a comma
  // is a conjunct too.
  if (and < 0 && tokens[hit.first - 1]?.key === ',' && /(?:ed|[^s]s)$/.test(tokens[hit.first]!.key))
    and = hit.first - 1;
  if (and < 0) return null;
  const from = tokens[and]!.end;
  const to = tokens[hit.first]!.start;
  if (actors.some((a) => a.start >= from && a.start < to)) return null;
  // "Burkina Faso, Mali and Niger withdrew from ECOWAS and created …": the verb's subject is its
  // whole list before it, not only the list's first name.
  const { roles } = lastVerb;
  const source = roles.source;
  if (!source) return null;
  const verbAt = tokens[lastVerb.hit.first]!.start;
  const before = roles.used.filter((m) => m.end <= verbAt);
  // "Chile was attacked by Peru and urged Bolivia …": a passive verb's subject is its patient.
  const grammatical =
    !lastVerb.hit.nominal &&
    ((/^(active|subject shared)/.test(roles.how) && before.includes(source)) ||
      (/^passive/.test(roles.how) && before.length > 0));
  const codes = new Set(
    grammatical ? before.flatMap((m) => m.codes) : roles.codes.slice(0, source.codes.length),
  );
  // The dates of the first conjunct are its own: "invaded France in May 1940 and occupied …" is
  // not May's. A date before the first verb dates both ("In 1930 X visited Ankara and signed …").
  return {
    subject: lastVerb.roles.used.filter((m) => m.codes.every((c) => codes.has(c))),
    verb: lastVerb.hit,
    firstAt: tokens[lastVerb.hit.first]!.start,
    andAt: from,
  };
}

/** Finds the subject an active verb shares with the verb before it. */
export const conjunctSubject: TriggerRefiner = {
  name: 'conjunct-subject',
  scope: 'trigger',
  run(t) {
    const { hit, s } = t;
    if (!hit.nominal && !hit.passive) t.conjunct = conjunctOf(hit, s.lastVerb, s.tokens, s.actors);
    return undefined;
  },
};
