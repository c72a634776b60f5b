// One mention for each date the act takes ("in 2015 and 2016" makes two), with its evidence: the
// trigger, its object, its name, its participants and its date. A date in a plan's or a hope's
// clause is when it is to happen ("will visit China next month"): the promise stays undated, the
// plan keeps it, unless it is the date of the saying ("said Tuesday that it would …"), of the
// visit it was made at, or an entry's heading ("Aug. 22 -- X says it will …"): then it is when
// the promise was made.
import type { Span } from '../../types.ts';
import type { Token } from '../../syntax/tokenizer.ts';
import { headsEntry } from '../../dates/lexicon.ts';
import { sayingDate } from '../event-dates.ts';
import type { TriggerHit } from '../find-triggers.ts';
import type { Roles } from '../roles.ts';
import { spanOf, type TriggerRefiner } from './state.ts';

const PHRASE_END =
  /^(,|;|:|\.|\(|as|for|with|to|in|on|at|by|from|because|which|that|who|when|while|and|but|since|after|before|during)$/;

/**
 * The object of a verb that names no actor ("would love to join CPEC", "eased the visa process"):
 * the evidence must say what was done, so it runs to the end of that phrase (four words at most).
 */
function objectPhrase(tokens: readonly Token[], hit: TriggerHit, roles: Roles): Span[] {
  if (hit.nominal || hit.objAt !== null) return [];
  const triggerEnd = tokens[hit.last]!.end;
  if (roles.used.some((m) => m.start >= triggerEnd)) return [];
  let end = hit.last;
  for (
    let j = hit.last + 1;
    j <= hit.last + 4 && j < tokens.length && !PHRASE_END.test(tokens[j]!.key);
    j++
  )
    end = j;
  return end > hit.last ? [{ start: tokens[hit.last + 1]!.start, end: tokens[end]!.end }] : [];
}

/** "Khojaly Massacre", "Operation Desert Storm": a capitalised trigger with the capitalised words before it. */
function eventName(text: string, tokens: readonly Token[], hit: TriggerHit): string | null {
  const capital = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(text.slice(t.start, t.end));
  if (!capital(tokens[hit.first]) || hit.first === 0) return null;
  let j = hit.first;
  while (j > 0 && capital(tokens[j - 1])) j--;
  return j < hit.first
    ? tokens
        .slice(j, hit.last + 1)
        .map((t) => t.key)
        .join(' ')
    : null;
}

/** Builds the trigger's mentions, one per date, with their evidence and planned dates. */
export const datedMentions: TriggerRefiner = {
  name: 'dated-mentions',
  scope: 'trigger',
  run(t) {
    const { s, hit, trigger, doc } = t;
    const { text } = doc;
    const { tokens, sentence, layout, sayings, times } = s;
    const roles = t.roles!;
    const m = t.modality.modality;
    t.name = eventName(text, tokens, hit);
    const objSpan = hit.objAt !== null ? [tokens[hit.objAt]!] : [];
    const nameSpan = t.name ? [{ start: trigger.end - t.name.length, end: trigger.end }] : [];
    const phrase = objectPhrase(tokens, hit, roles);
    t.mentions = t.times.map((d) => {
      // A fronted date shared with an earlier event ("In March 2022, X did …, and Y did …")
      // dates this one without stretching its evidence over the other.
      const shared =
        d && d.end <= trigger.start && layout.starts.some((x) => x > d.end && x < trigger.start);
      const used = [
        trigger,
        ...objSpan,
        ...nameSpan,
        ...roles.used,
        ...(d && !shared ? [d] : []),
        ...phrase,
      ];
      const start = Math.max(sentence.start, Math.min(...used.map((u) => u.start)));
      const end = Math.min(sentence.end, Math.max(...used.map((u) => u.end)));
      const sayingsDate =
        d !== null &&
        (d === t.said ||
          d === t.visitDate ||
          sayings.some((k) => sayingDate(tokens, [k], times, -1) === d));
      const planned =
        (m === 'future' || m === 'hypothetical') &&
        d?.value &&
        !sayingsDate &&
        !(d === s.heading && headsEntry(text, d.start, d.end))
          ? d.value
          : null;
      return {
        time: d,
        evidence: spanOf(text, start, end),
        date: planned ? null : (d?.value ?? null),
        planned,
      };
    });
    return undefined;
  },
};
