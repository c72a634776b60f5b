// Roles: which actor mentions of a clause are an event's source and target, from the clause's
// shape around the trigger. The actor before an active verb acts, the one after is acted on;
// "by X" names the agent of a passive verb or an event noun; "X's visit", "X-led exercise" put
// the actor before a noun; "the two countries", "both sides", "A and B" make both participants.
import type { ActorMention } from '../types.ts';
import type { Token } from '../syntax/tokenizer.ts';
import type { TriggerHit } from './find-triggers.ts';

/** Participants of one event: codes with the mention each came from. */
export interface Roles {
  source: ActorMention | null;
  target: ActorMention | null;
  /** Every participant's code, source's first. */
  codes: string[];
  /** The mentions used, for the evidence span. */
  used: ActorMention[];
  /** How the roles were read, for traces. */
  how: string;
}

/** Clause context the role rules look at. */
export interface RoleContext {
  tokens: readonly Token[];
  /** Token range of the clause. */
  clause: [number, number];
  /** Actor mentions inside the sentence, sorted by start. */
  actors: readonly ActorMention[];
  /** The subject shared with an earlier verb ("X invaded Y and occupied Z"), when known. */
  subject?: ActorMention[] | null;
}

// Between the members of a list: conjunctions, punctuation, and the words that only describe
// the next member's office ("X and *outgoing* Canadian Prime Minister Y").
const JOINERS = new Set([
  'and',
  ',',
  '-',
  '–',
  '&',
  'as',
  'well',
  'the',
  'outgoing',
  'incoming',
  'visiting',
  'caretaker',
  'interim',
  'newly',
  'elected',
]);

function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return lo;
}

/** Actor mentions whose first token lies in `[from, to)` (or whose last token does, `byEnd`). */
function actorsBetween(ctx: RoleContext, from: number, to: number, byEnd = false): ActorMention[] {
  const lo = ctx.tokens[from]?.start ?? Infinity;
  const hi = to < ctx.tokens.length ? ctx.tokens[to]!.start : Infinity;
  return ctx.actors.filter((a) =>
    byEnd ? a.end > lo && a.end <= hi : a.start >= lo && a.start < hi,
  );
}

const PREPOSITION =
  /^(of|from|in|with|to|against|on|at|by|for|between|into|towards?|over|under|across|through|than|like|as)$/;

const PEOPLE =
  /^(ministers|leaders|heads|presidents|representatives|delegations|delegates|officials|forces|troops|navies|armies|governments|envoys|diplomats|members|militaries|soldiers|negotiators|parliaments|peoples)$/;

/** "the foreign ministers of A, B and C met", "ministers from A, B and C": the list after "of"
 * or "from" names the subject's people. */
function ofPeople(ctx: RoleContext, m: ActorMention): boolean {
  const k = tokenIndexAt(ctx.tokens, m.start);
  return (
    /^(of|from)$/.test(ctx.tokens[k - 1]?.key ?? '') && PEOPLE.test(ctx.tokens[k - 2]?.key ?? '')
  );
}

/** True when a preposition stands right before the mention: it is a complement, not a subject. */
function afterPreposition(ctx: RoleContext, m: ActorMention): boolean {
  const k = tokenIndexAt(ctx.tokens, m.start) - 1;
  let j = k;
  // "into southern Somalia", "in neighbouring Chad": determiners and words of region stand between.
  while (
    j >= 0 &&
    /^(the|a|an|its|their|his|her|(?:north|south)?(?:north|south|east|west)(?:ern)?|central|neighbou?ring|occupied|mainland)$/.test(
      ctx.tokens[j]!.key,
    )
  )
    j--;
  return j >= 0 && PREPOSITION.test(ctx.tokens[j]!.key);
}

/** Only punctuation and conjunctions between two mentions: they form one coordinated group. */
function joined(ctx: RoleContext, a: ActorMention, b: ActorMention): boolean {
  const from = tokenIndexAt(ctx.tokens, a.end);
  const to = tokenIndexAt(ctx.tokens, b.start);
  if (to <= from) return true;
  for (let j = from; j < to; j++) if (!JOINERS.has(ctx.tokens[j]!.key)) return false;
  return true;
}

/** The group of coordinated mentions ending with `list[k]` ("Azerbaijan, Turkey and Pakistan"). */
function groupEndingAt(ctx: RoleContext, list: readonly ActorMention[], k: number): ActorMention[] {
  const group = [list[k]!];
  for (let j = k - 1; j >= 0 && joined(ctx, list[j]!, group[0]!); j--) group.unshift(list[j]!);
  return group;
}

/** The group of coordinated mentions starting with `list[k]`. */
function groupStartingAt(
  ctx: RoleContext,
  list: readonly ActorMention[],
  k: number,
): ActorMention[] {
  const group = [list[k]!];
  for (let j = k + 1; j < list.length && joined(ctx, group[group.length - 1]!, list[j]!); j++)
    group.push(list[j]!);
  return group;
}

function codesOf(group: readonly ActorMention[]): string[] {
  return [...new Set(group.flatMap((m) => m.codes))];
}

/** Roles from a source group and a target group, read elsewhere (the dependency tree). */
export function rolesFrom(
  sourceGroup: ActorMention[],
  targetGroup: ActorMention[],
  how: string,
): Roles {
  return build(sourceGroup, targetGroup, how);
}

function build(sourceGroup: ActorMention[], targetGroup: ActorMention[], how: string): Roles {
  const sourceCodes = codesOf(sourceGroup);
  const targetCodes = codesOf(targetGroup).filter((c) => !sourceCodes.includes(c));
  const codes = [...sourceCodes, ...targetCodes];
  const source = sourceGroup[0] ?? null;
  let target = targetGroup.find((m) => m.codes.some((c) => !sourceCodes.includes(c))) ?? null;
  // A pair named as one ("the two countries", "A and B signed"): the second one is the target.
  if (!target && sourceCodes.length > 1)
    target = sourceGroup.find((m) => m.code !== source?.code) ?? source;
  return { source, target, codes, used: [...sourceGroup, ...targetGroup], how };
}

/**
 * The first actor after a preposition that introduces an agent ("by X"). For a noun (`nounOnly`),
 * the "by" must belong to it ("the massacre by X", "the massacre committed by X"), not to a
 * passive verb whose subject it is ("the proposal was rejected by X").
 */
function agentAfter(ctx: RoleContext, from: number, to: number, nounOnly = false): ActorMention[] {
  for (let j = from; j < to; j++) {
    if (nounOnly && /^(is|are|was|were|be|been|being|has|have|had)$/.test(ctx.tokens[j]!.key))
      return [];
    if (ctx.tokens[j]!.key !== 'by') continue;
    // The agent starts within a few words of "by"; its list runs on ("by the UN, U.S., French
    // and Chinese representatives").
    const after = actorsBetween(ctx, j + 1, to);
    if (after.length && after[0]!.start < (ctx.tokens[Math.min(to, j + 6)]?.start ?? Infinity))
      return groupStartingAt(ctx, after, 0);
  }
  return [];
}

/**
 * The first group of actors after the trigger. When both sides are already named ("India and
 * China signed … in Moscow"), a state or capital after "in" or "at" is where it happened, not a
 * third participant.
 */
// Words that open a circumstance ("established relations in 1992, shortly after the dissolution
// of the Soviet Union"): an actor in it is not the act's other side.
const CIRCUMSTANCE = /^(after|before|following|amid|despite|during|since|because)$/;

function targetAfter(
  ctx: RoleContext,
  from: number,
  to: number,
  exclude: readonly ActorMention[],
): ActorMention[] {
  // With a source known; with none, the circumstance's actors are the last resort ("the document
  // was updated in 2015, during the meetings in Baku and Islamabad").
  for (let j = from; j < to && exclude.length; j++) {
    if (CIRCUMSTANCE.test(ctx.tokens[j]!.key)) {
      to = j;
      break;
    }
  }
  const pair = new Set(exclude.flatMap((m) => m.codes)).size >= 2;
  const after = actorsBetween(ctx, from, to).filter(
    (a) => !exclude.includes(a) && !(pair && isVenue(ctx, a)),
  );
  if (!after.length) return [];
  return groupStartingAt(ctx, after, 0);
}

// Words by which a meeting gathers the people listed after it.
const GATHERING =
  /^(together|gathered|gathering|grouped|included|includes|including|attended|joined|among)$/;

/**
 * "The G7 talks … brought together ministers from Britain, Canada, France, …": a bloc's meeting
 * that gathers people listed by state names its members, who are the parties (the guidelines
 * accept a group's member list for the group). The whole list, past the noun's reach.
 */
function blocMembers(
  ctx: RoleContext,
  last: number,
  source: readonly ActorMention[],
  target: readonly ActorMention[],
): ActorMention[] | null {
  if (source.length !== 1 || source[0]!.kind !== 'organisation' || !target.length) return null;
  const after = actorsBetween(ctx, tokenIndexAt(ctx.tokens, target[0]!.start), ctx.clause[1]);
  const at = after.findIndex((m) => m.kind === 'state' && ofPeople(ctx, m));
  if (at < 0) return null;
  let gathers = false;
  for (let j = last + 1; j < tokenIndexAt(ctx.tokens, after[at]!.start); j++)
    if (GATHERING.test(ctx.tokens[j]!.key)) gathers = true;
  if (!gathers) return null;
  const list = groupStartingAt(ctx, after.slice(at), 0).filter((m) => m.kind === 'state');
  return list.length >= 3 ? list : null;
}

function isVenue(ctx: RoleContext, m: ActorMention): boolean {
  if (m.kind !== 'state') return false;
  let j = tokenIndexAt(ctx.tokens, m.start) - 1;
  if (ctx.tokens[j]?.key === 'the') j--;
  return /^(in|at)$/.test(ctx.tokens[j]?.key ?? '');
}

// Words that end a noun phrase before its head could come.
const PHRASE_BREAK = new Set(
  'and or but of to with for in on at by from that which who as than is are was were has have had'.split(
    ' ',
  ),
);

/** An actor standing right before a noun, inside its noun phrase ("Pakistan's", "Azerbaijani", "Pakistan-led"). */
function modifierBefore(ctx: RoleContext, first: number): ActorMention[] {
  const before = actorsBetween(ctx, Math.max(ctx.clause[0], first - 5), first, true);
  for (let k = before.length - 1; k >= 0; k--) {
    const m = before[k]!;
    const from = tokenIndexAt(ctx.tokens, m.end);
    // After a possessive the noun phrase runs on to its head: "Egypt's maritime deal".
    const possessive = /^['’]s?$/.test(ctx.tokens[from]?.key ?? '');
    let inner = true;
    for (let j = from; j < first; j++) {
      const t = ctx.tokens[j]!.key;
      // "Trump's" as one token: the mention ends inside it, before its possessive "'s".
      if (ctx.tokens[j]!.start < m.end && /^[^'’]+['’]s$/.test(t)) continue;
      if (
        !/^(['’]s|s|-|led|backed|sponsored|hosted|organized|organised|official|state|first|second|third|last|latest|next|new|recent|military|naval|joint|armed|forces|[a-z]+al|[a-z]+ary|[a-z]+ive|[a-z]+ic|[a-z]+an)$/.test(
          t,
        ) &&
        !(possessive && j > from && /^[a-z][a-z-]*$/.test(t) && !PHRASE_BREAK.has(t))
      ) {
        inner = false;
        break;
      }
    }
    if (inner) return groupEndingAt(ctx, before, k);
  }
  return [];
}

const VERB_CHAIN =
  /^(has|have|had|is|are|was|were|will|would|can|could|may|might|shall|should|must|did|does|do|not|also|never|already|again|then|once|later|reportedly|[a-z]+ly|n't)$/;

/**
 * "Pakistan, a key U.S. ally in the war on terror, has refused …": actors inside an apposition
 * set off by commas just before the verb are not its subject when an actor stands before them.
 */
function withoutApposition(
  ctx: RoleContext,
  before: ActorMention[],
  anchor: number,
): ActorMention[] {
  let q = anchor - 1;
  while (q > ctx.clause[0] && VERB_CHAIN.test(ctx.tokens[q]!.key)) q--;
  if (ctx.tokens[q]?.key !== ',') return before;
  let p = q - 1;
  while (p > ctx.clause[0] && ctx.tokens[p]!.key !== ',') p--;
  if (ctx.tokens[p]?.key !== ',') return before;
  const lo = ctx.tokens[p]!.end;
  const hi = ctx.tokens[q]!.start;
  const outside = before.filter((a) => a.end <= lo || a.start >= hi);
  return outside.some((a) => a.end <= lo) ? outside : before;
}

/** The index of a subject pronoun ("it", "they") right before the verb that no actor mention resolved. */
function pronounSubject(ctx: RoleContext, anchor: number): number | null {
  let j = anchor - 1;
  while (j > ctx.clause[0] && VERB_CHAIN.test(ctx.tokens[j]!.key)) j--;
  const t = ctx.tokens[j];
  if (!t || !/^(it|they)$/.test(t.key) || ctx.tokens[j - 1]?.key !== 'and') return null;
  return ctx.actors.some((a) => a.start <= t.start && a.end >= t.end) ? null : j;
}

/** Fills the roles of one trigger from the actors of its clause. */
export function fillRoles(hit: TriggerHit, ctx: RoleContext): Roles | null {
  const [cs, ce] = ctx.clause;
  const inClause = actorsBetween(ctx, cs, ce);
  if (!inClause.length) return null;
  const anchor =
    hit.nominal && hit.lightAt !== null && hit.lightAt < hit.first ? hit.lightAt : hit.first;
  const afterFrom = hit.last + 1;

  // An event noun takes its participants from its own phrase first.
  if (hit.nominal) {
    const modifier = modifierBefore(ctx, hit.first);
    const agent = agentAfter(ctx, hit.last + 1, ce, true);
    const source = agent.length ? agent : modifier;
    if (source.length) {
      const target = targetAfter(ctx, hit.last + 1, Math.min(ce, hit.last + 12), source);
      const members = blocMembers(ctx, hit.last, source, target);
      if (members) return build(members, [], 'noun phrase; the members of the bloc listed');
      return build(
        source,
        target.length ? target : modifier === source ? [] : modifier,
        'noun phrase',
      );
    }
    if (hit.lightAt === null || hit.lightAt > hit.first) {
      // "visits of ministers from both sides", "meetings in Baku and Islamabad"; after
      // "between" the two sides, not the venue before it ("talks in Beijing between X and Y").
      let near = actorsBetween(ctx, hit.last + 1, Math.min(ce, hit.last + 12));
      const between = ctx.tokens.findIndex((t, j) => j > hit.last && j < ce && t.key === 'between');
      if (between >= 0) {
        const sides = actorsBetween(ctx, between + 1, ce);
        if (sides.length >= 2) near = sides;
      }
      if (!near.length) return null;
      const group = groupStartingAt(ctx, near, 0);
      const rest = near.filter((m) => !group.includes(m));
      return build(group, rest.length ? groupStartingAt(ctx, rest, 0) : [], 'noun complement');
    }
  }

  if (hit.passive) {
    const agent = agentAfter(ctx, hit.last + 1, ce);
    // The subject of a passive verb stands close before it; an actor far before is another phrase's.
    const before = actorsBetween(ctx, Math.max(cs, hit.first - 8), hit.first, true);
    const patient = before.length ? groupEndingAt(ctx, before, before.length - 1) : [];
    if (agent.length) return build(agent, patient, 'passive with agent');
    const others = targetAfter(ctx, afterFrom, ce, patient);
    if (!patient.length && !others.length) return null;
    // No agent: the subject is acted on; any other actor of the clause stands as the other side.
    return others.length
      ? build(others, patient, 'passive without agent')
      : build(patient, [], 'passive without agent');
  }

  if (ctx.subject?.length)
    return build(
      ctx.subject,
      targetAfter(ctx, afterFrom, ce, ctx.subject),
      'subject shared with the verb before',
    );
  // "South Korea removed Japan from its list, and it threatened …": an unresolved pronoun subject
  // stands for the subject of the sentence, not for the nearest actor.
  const pronoun = pronounSubject(ctx, anchor);
  if (pronoun !== null) {
    const first = actorsBetween(ctx, cs, pronoun).find((a) => !afterPreposition(ctx, a));
    if (first) {
      const group = groupStartingAt(
        ctx,
        actorsBetween(ctx, cs, pronoun),
        actorsBetween(ctx, cs, pronoun).indexOf(first),
      );
      return build(
        group,
        targetAfter(ctx, afterFrom, ce, group),
        'pronoun for the sentence subject',
      );
    }
  }
  const before = withoutApposition(ctx, actorsBetween(ctx, cs, anchor), anchor);
  if (before.length) {
    // The subject: the nearest actor before the verb that no preposition governs.
    let k = before.length - 1;
    while (k > 0 && afterPreposition(ctx, before[k]!)) k--;
    // "… after its invasion of Ukraine, and Japan froze …": a prepositional object is not
    // coordinated with the subject after it.
    const head = before[k]!;
    const group = groupEndingAt(ctx, before, k);
    const source = ofPeople(ctx, group[0]!)
      ? group
      : group.filter((m) => m === head || afterPreposition(ctx, head) || !afterPreposition(ctx, m));
    // "Ukraine received jets from Denmark": the giver after "from" acts; the subject receives.
    if (hit.entry.words === 'receive') {
      const from = ctx.tokens.findIndex((t, j) => j > hit.last && j < ce && t.key === 'from');
      const givers = from >= 0 ? actorsBetween(ctx, from + 1, ce) : [];
      if (givers.length)
        return build(
          groupStartingAt(ctx, givers, 0),
          source,
          'receiver: the giver after "from" acts',
        );
    }
    return build(source, targetAfter(ctx, afterFrom, ce, source), 'active');
  }
  const after = actorsBetween(ctx, afterFrom, ce);
  if (!after.length) return null;
  const first = groupStartingAt(ctx, after, 0);
  const rest = after.filter((m) => !first.includes(m));
  return build(first, rest.length ? groupStartingAt(ctx, rest, 0) : [], 'actors after the trigger');
}
