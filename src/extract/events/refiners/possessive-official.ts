// "his visit", "her call for talks": a possessive before an event noun is the official named
// last before it, as an actor of the noun's roles; "their summit" is the last act's parties.
import type { ActorMention } from '../../types.ts';
import type { Token } from '../../syntax/tokenizer.ts';
import type { TriggerHit } from '../find-triggers.ts';
import type { TriggerRefiner, TriggerState } from './state.ts';

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

/**
 * "Trump met Kim in June 2018. Their second summit was in Hanoi": "their" before a noun of
 * meeting is the parties of the last act read, in this sentence or the one before, when it had
 * two.
 */
function theirParties(t: TriggerState): ActorMention | null {
  const { tokens } = t.s;
  if (t.hit.entry.kind !== 'E' || t.hit.entry.type !== 'CONSULT') return null;
  for (let j = t.hit.first - 1; j >= Math.max(0, t.hit.first - 3); j--) {
    if (tokens[j]!.key !== 'their') continue;
    const last = t.doc.candidates.findLast((c) => c.kind === 'event');
    const codes = last ? [...new Set(last.roles.codes)] : [];
    if (!last || codes.length < 2 || t.s.sentence.index - last.sentence > 1) return null;
    const source = last.roles.source ?? last.roles.used[0];
    if (!source) return null;
    const { start, end } = tokens[j]!;
    return { ...source, start, end, text: 'their', how: 'reference', code: codes[0]!, codes };
  }
  return null;
}

/** Adds the official a possessive names to a noun's role actors. */
export const possessiveOfficial: TriggerRefiner = {
  name: 'possessive-official',
  scope: 'trigger',
  run(t) {
    if (!t.hit.nominal) return undefined;
    const possessive = possessiveActor(t.s.tokens, t.hit, t.doc.officials) ?? theirParties(t);
    if (possessive) t.roleActors = [...t.s.actors, possessive].sort((a, b) => a.start - b.start);
    return undefined;
  },
};
