// "his visit", "her call for talks": a possessive before an event noun is the official named
// last before it, as an actor of the noun's roles.
import type { ActorMention } from '../../types.ts';
import type { Token } from '../../syntax/tokenizer.ts';
import type { TriggerHit } from '../find-triggers.ts';
import type { TriggerRefiner } from './state.ts';

/** Replaces a possessive "his"/"her" before an event noun by the official it refers to. */
function possessiveActor(
  tokens: readonly Token[],
  hit: TriggerHit,
  officials: readonly ActorMention[],
): ActorMention | null {
  for (let j = hit.first - 1; j >= Math.max(0, hit.first - 3); j--) {
    const t = tokens[j]!.key;
    if (t !== 'his' && t !== 'her') continue;
    const at = tokens[j]!.start;
    let official: ActorMention | undefined;
    for (const a of officials) if (a.end <= at && (!official || a.end > official.end)) official = a;
    return official
      ? {
          ...official,
          start: tokens[j]!.start,
          end: tokens[j]!.end,
          text: tokens[j]!.key,
          how: 'reference',
        }
      : null;
  }
  return null;
}

/** Adds the official a possessive names to a noun's role actors. */
export const possessiveOfficial: TriggerRefiner = {
  name: 'possessive-official',
  scope: 'trigger',
  run(t) {
    if (!t.hit.nominal) return undefined;
    const possessive = possessiveActor(t.s.tokens, t.hit, t.doc.officials);
    if (possessive) t.roleActors = [...t.s.actors, possessive].sort((a, b) => a.start - b.start);
    return undefined;
  },
};
