// "On Friday Canada said all G7 ministers agree with the U.S. proposal", "In 2019 Trump praised
// his first summit with Kim": an event noun that is the object of another act names an act done
// before that one, so the dates of the act that mentions it (its clause's, the saying's, the
// story's present) are not its own. It keeps only a date written into its own phrase ("praised
// Tuesday's summit", "condemned the attack on 4 May"); else it is undated.
import type { TimeMention } from '../../types.ts';
import type { Token } from '../../syntax/tokenizer.ts';
import type { TriggerHit } from '../find-triggers.ts';
import { labelOf, type TriggerRefiner } from './state.ts';

// Words that may stand between a verb and its object noun: a preposition the verb takes, a
// determiner, an ordinal. Actor names ("the U.S. proposal") are allowed apart.
const INNER =
  /^(with|to|of|on|for|the|a|an|his|her|its|their|our|this|that|these|those|first|second|third|last|latest|recent|earlier|previous|former)$/;
// How far after the noun its own date may stand ("the summit in June 2018").
const OWN_REACH = 8;

/** The verb trigger whose object the noun at `hit` is, if any. */
function governingVerb(
  hits: readonly TriggerHit[],
  tokens: readonly Token[],
  hit: TriggerHit,
  named: (j: number) => boolean,
): TriggerHit | null {
  const verb = hits.filter((h) => h.last < hit.first && !h.nominal).at(-1);
  if (!verb || hit.first - verb.last - 1 > 5) return null;
  for (let j = verb.last + 1; j < hit.first; j++)
    if (!INNER.test(tokens[j]!.key) && !named(j)) return null;
  return verb;
}

/** Keeps only the dates written into the phrase of a noun that another act takes as object. */
export const referredAct: TriggerRefiner = {
  name: 'referred-act',
  scope: 'trigger',
  run(t) {
    const { s, hit } = t;
    if (!hit.nominal || hit.lightAt !== null || t.times.every((d) => d === null)) return undefined;
    const { tokens } = s;
    const named = (j: number) =>
      s.actors.some((a) => a.start <= tokens[j]!.start && a.end >= tokens[j]!.end);
    const verb = governingVerb(s.hits, tokens, hit, named);
    if (!verb) return undefined;
    const from = tokens[verb.last + 1]!.start;
    let end = tokens[hit.last]!.end;
    for (let j = hit.last + 1; j < tokens.length && j <= hit.last + OWN_REACH; j++) {
      if (/^[,;:.]$|^(and|but|that|which|who|as|while|after|before)$/.test(tokens[j]!.key)) break;
      end = tokens[j]!.end;
    }
    const own = (d: TimeMention | null): d is TimeMention =>
      d !== null && d.start >= from && d.end <= end;
    const kept = [...new Set([...t.times, ...t.dates])].filter(own).slice(0, 1);
    const times = kept.length ? kept : [null];
    if (times.length === t.times.length && times.every((d, k) => d === t.times[k]))
      return undefined;
    t.own = times;
    t.times = times;
    t.doc.trace?.(
      `date ${labelOf(t)}: the object of '${tokens[verb.first]!.key}', an act before it: ` +
        (kept.length ? `'${kept.map((d) => d.text).join(', ')}' only` : 'undated'),
    );
    return undefined;
  },
};
