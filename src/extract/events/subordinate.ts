// Which triggers are the content, purpose, object or circumstance of an earlier one: PLOVER codes
// the governing act only.
import { closedClass, closedClasses } from '../text/closed-class.ts';
import type { PloverType } from '../types.ts';
import type { Token } from '../syntax/tokenizer.ts';
import type { TriggerHit } from './find-triggers.ts';

// Words that make what follows them the content or purpose of the trigger before ("demanded
// that X withdraw", "offered to mediate", "appeal for aid", "fled the war", "if war starts").
const CONTENT = new Set(['to', 'that', 'for', 'of', 'into', 'over']);
// Subordinators and relatives after which a trigger is circumstance, not content; not the ones
// that as often open content or a phrase ("asked whether", "said that", "since 2010", "as a
// result", "when", "whom"), which changed dev output with no gain when tried.
const CONTENT_TOO = new Set(['whether', 'when', 'since', 'as', 'that', 'whom']);
const SUBORDINATE = new Set(
  [
    ...closedClasses(
      ['subordinator-condition', 'subordinator-time', 'subordinator-contrast'],
      ['because', 'following', 'despite', 'amid', 'fleeing'],
    ),
    ...closedClass('relative'),
  ].filter((w) => !CONTENT_TOO.has(w)),
);
// Words that cannot stand between a verb and its object noun ("rejected an Australian
// ultimatum", "fought a brief war" have none of them).
const NOT_OBJECT_INNER =
  /^(,|;|:|of|for|in|on|with|to|from|against|at|by|between|into|over|and|or|but|that|which|who|after|before|during|since|is|are|was|were|has|have|had|be|been)$/;
// Nouns that take content the way verbs do ("a proposal for signing", "an ultimatum to hand over").
const SPEECH_NOUN_TYPES = new Set<PloverType>(['REQUEST', 'THREATEN', 'REJECT', 'ACCUSE']);
// Verbs whose object is an event in its own right ("recognised the massacre", "condemned the attack").
const TOPIC_VERB_TYPES = new Set<PloverType>(['SUPPORT', 'ACCUSE']);

const NP_START =
  /^(the|a|an|other|its|their|his|her|our|some|all|many|several|more|other|various|new)$/;

function governs(h: TriggerHit): boolean {
  return (
    !h.nominal ||
    h.lightAt !== null ||
    SPEECH_NOUN_TYPES.has(h.entry.type) ||
    /^(offer|promise|pledge|plan)$/.test(h.entry.words)
  );
}

// How far back from a bare verb after "and" the "to" it shares may stand.
const SHARED_TO_REACH = 24;

/** The trigger whose "to" content a bare verb after "and" (`hits[k]`) continues, if any. */
function sharedInfinitive(
  hits: readonly TriggerHit[],
  tokens: readonly Token[],
  k: number,
): TriggerHit | null {
  const b = hits[k]!;
  const form = tokens[b.first]!.key;
  if (b.nominal || tokens[b.first - 1]?.key !== 'and' || /(?:ed|[^s]s|ing)$/.test(form))
    return null;
  for (let a = k - 1; a >= 0; a--) {
    const governor = hits[a]!;
    if (b.first - governor.last > SHARED_TO_REACH) return null;
    if (governor.nominal) continue;
    const gap = tokens.slice(governor.last + 1, b.first - 1).map((t) => t.key);
    // A new clause or sentence ends the content; an "and" inside it joins a list of objects.
    if (gap.some((w) => /^(;|:|\.|but|that|which|who|while|when)$/.test(w))) return null;
    const to = gap.indexOf('to');
    if (to >= 0 && to + 1 < gap.length && !/(?:ed|ing)$/.test(gap[to + 1]!)) return governor;
  }
  return null;
}

/**
 * "assured the visiting Chilean foreign minister", "welcomed the visiting Chinese premier":
 * a participle of a visit before a name says that its bearer is visiting, an act of its own
 * beside the act done to them, not the object of that act.
 */
export function attributiveVisit(b: TriggerHit, tokens: readonly Token[], text: string): boolean {
  if (b.nominal || b.entry.mode !== 'visit' || !/ing$/.test(tokens[b.first]!.key)) return false;
  const next = tokens[b.last + 1];
  return next !== undefined && /^\p{Lu}/u.test(text.slice(next.start, next.end));
}

/**
 * Triggers that are the content, purpose, object or circumstance of an earlier trigger in the
 * sentence. PLOVER codes the governing act ("urged the EC to support the PLO" is a REQUEST,
 * "rejected an offer to host a summit" a REJECT); the act it governs is not an event of its own.
 */
export function subordinate(
  hits: readonly TriggerHit[],
  tokens: readonly Token[],
  text: string,
): Map<TriggerHit, TriggerHit> {
  const out = new Map<TriggerHit, TriggerHit>();
  for (let k = 1; k < hits.length; k++) {
    const b = hits[k]!;
    // "…, killing one person and arresting 12": a participle joined to a governed participle.
    const prev = hits[k - 1]!;
    const between = tokens.slice(prev.last + 1, b.first).map((t) => t.key);
    if (
      out.has(prev) &&
      /ing$/.test(tokens[prev.first]!.key) &&
      /ing$/.test(tokens[b.first]!.key) &&
      between.includes('and') &&
      between.length <= 6
    ) {
      out.set(b, out.get(prev)!);
      continue;
    }
    // "agreed to re-establish relations and reopen their embassies": a bare verb joined to a
    // governed infinitive is governed too.
    const infinitive = (h: TriggerHit) => {
      // "to re-establish": past a hyphenated prefix.
      const j = tokens[h.first - 1]?.key === '-' ? h.first - 3 : h.first - 1;
      return !h.nominal && tokens[j]?.key === 'to';
    };
    if (
      out.has(prev) &&
      infinitive(prev) &&
      !b.nominal &&
      between.at(-1) === 'and' &&
      between.length <= 6 &&
      !between.includes(',') &&
      !/(ed|s)$/.test(tokens[b.first]!.key)
    ) {
      out.set(b, out.get(prev)!);
      continue;
    }
    // "urged Peru to hold the smugglers, their financiers … accountable and cooperate with
    // Chile": a bare verb after "and" shares the "to" of a content before it, however long the
    // first verb's object (the first verb need not be a trigger).
    const shared = sharedInfinitive(hits, tokens, k);
    if (shared) {
      out.set(b, shared);
      continue;
    }
    // "urged Russia to withdraw, warned Moscow of sanctions": a finite verb after a comma or
    // "and" is a new act of the same subject, not the content of the one before (content takes
    // the bare form: "urged Russia to withdraw and return").
    const form = tokens[b.first]!.key;
    const before = tokens[b.first - 1]?.key ?? '';
    if (
      !b.nominal &&
      !b.passive &&
      (before === ',' || before === 'and') &&
      /(?:ed|[^s]s)$/.test(form)
    )
      continue;
    for (let a = k - 1; a >= 0; a--) {
      const governor = hits[a]!;
      if (!governs(governor)) continue;
      const from = governor.last + 1;
      const gap = tokens.slice(from, b.first).map((t) => t.key);
      // "and" joins two acts, unless it joins two names ("visit Mauritania and Senegal to mediate").
      const capital = (j: number) =>
        /^\p{Lu}/u.test(text.slice(tokens[j]?.start ?? 0, tokens[j]?.end ?? 0));
      // "and" before a determiner joins noun phrases ("photographs and other intelligence").
      // "calls for massively rearming Europe — and boosting aid": a gerund after "and" that
      // parallels the gerund opening the content continues the content.
      const gerundList = (k: number) => {
        if (!/ing$/.test(gap[k + 1] ?? '') || gap.slice(k + 1).includes(',')) return false;
        const i = gap.findIndex((w) => /ing$/.test(w));
        if (i < 0 || i >= k) return false;
        const lead = /ly$/.test(gap[i - 1] ?? '') ? i - 1 : i;
        return lead === 0 || CONTENT.has(gap[lead - 1]!);
      };
      const joinsActs = (k: number) =>
        gap[k] === 'and' &&
        !gerundList(k) &&
        (gap[k - 1] === ',' ||
          (!(k > 0 && capital(from + k - 1) && capital(from + k + 1)) &&
            !NP_START.test(gap[k + 1] ?? '')));
      // A new clause after a comma ("…, where the two presidents signed …", "a visit, during
      // which they signed …") is not governed.
      const newClause = (k: number) =>
        gap[k - 1] === ',' &&
        (/^(where|when|while|whereas|although|though)$/.test(gap[k]!) ||
          (/^(during|at)$/.test(gap[k]!) && gap[k + 1] === 'which'));
      if (gap.some((w, k) => w === ';' || w === 'but' || joinsActs(k) || newClause(k))) break;
      const near = gap.length <= 14;
      // "according to" names whose words they are, not the act's content; "Chile's call for new
      // talks": the governing noun's phrase may end in the content word itself.
      const content =
        near &&
        (gap.some((w, k) => CONTENT.has(w) && gap[k - 1] !== 'according') ||
          (governor.nominal && CONTENT.has(tokens[governor.last]!.key)));
      // "… over the next three years to finance …": an infinitive of purpose, however far.
      const infinitive =
        gap[gap.length - 1] === 'to' ||
        (gap[gap.length - 2] === 'to' && /ly$/.test(gap[gap.length - 1] ?? ''));
      const circumstance = gap.some((w) => SUBORDINATE.has(w));
      // "charged its neighbour with supporting dissidents": the charge's content.
      const withGerund =
        gap[gap.length - 1] === 'with' && /ing$/.test(tokens[b.first]!.key) && near;
      // A participle after a comma: "opened fire, killing one person".
      const participle = /ing$/.test(tokens[b.first]!.key) && gap[gap.length - 1] === ',' && near;
      // A verb form right after a verb is its object noun ("pledged support", "offered help").
      // Only an event noun is an event in its own right as the object of a topic verb ("recognised
      // the massacre"); "welcomed the progress in cooperation" is one act of support.
      const object =
        (b.nominal || gap.length === 0) &&
        !attributiveVisit(b, tokens, text) &&
        !governor.nominal &&
        !(TOPIC_VERB_TYPES.has(governor.entry.type) && b.entry.kind === 'E') &&
        gap.length <= 3 &&
        !gap.some((w) => NOT_OBJECT_INNER.test(w));
      if (content || infinitive || circumstance || participle || object || withGerund) {
        out.set(b, governor);
        break;
      }
    }
  }
  return out;
}
