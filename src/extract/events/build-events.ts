// From triggers to events: each trigger with its clause's participants, date and modality becomes
// an event (what happened), a prospect (what was planned, proposed, hoped for or is pending), or
// both (a promise is an AGREE event and a plan). Mentions of one event in a document are merged.
import type {
  ActorMention,
  Span,
  DateValue,
  Evidence,
  EventActor,
  ExtractedEvent,
  ExtractedProspect,
  PloverType,
  ProspectKind,
  Sentence,
  TimeMention,
} from '../types.ts';
import { tokenize, type Token } from '../text/tokens.ts';
import { clauseAround } from './clauses.ts';
import { findTriggers, type TriggerHit } from './find-triggers.ts';
import { readModality, type ModalityReading } from './modality.ts';
import { fillRoles, type Roles } from './roles.ts';
import { codeFor, isCooperative, isHostile } from './transform.ts';

/** A line of the extraction trace: which rule did what, and why a candidate was dropped. */
export type TraceFn = (line: string) => void;

/** What the event builder reads. */
export interface BuildContext {
  text: string;
  sentences: readonly Sentence[];
  actors: readonly ActorMention[];
  times: readonly TimeMention[];
  /** The document's main pair of states, for "bilateral" events that name one side only. */
  pair: [string, string] | null;
  formatDate: (v: DateValue) => string;
  trace?: TraceFn;
}

/** One event or prospect before merging, with what it was built from. */
interface Candidate {
  kind: 'event' | 'prospect';
  prospectKind: ProspectKind | null;
  type: PloverType;
  mode: string | null;
  cameo: string;
  date: DateValue | null;
  roles: Roles;
  evidence: Evidence;
  confidence: number;
  negated: boolean;
  /** The lexicon words of the trigger, so mentions of one event merge only with their own kind. */
  lemma: string;
  /** The content words of the evidence, for comparing wordings. */
  words?: Set<string>;
  /** The event's proper name when the trigger is part of one ("Khojaly Massacre"), lowercased. */
  name: string | null;
  sentence: number;
}

// Speech acts whose content is a proposal: the act is an event, its content a prospect.
const PROPOSING = /^(propose|proposal|suggest|call for)$/;
// Expressions of interest: the act is an event, the deal it aims at is pending.
const INTEREST = /interest$/;

function spanOf(text: string, start: number, end: number): Evidence {
  return { start, end, text: text.slice(start, end) };
}

function actorOf(m: ActorMention | null, code?: string): EventActor | null {
  if (!m) return null;
  return { code: code ?? m.code, text: m.text };
}

/** The time mentions of a clause with a value, nearest to the trigger first. */
function datesFor(times: readonly TimeMention[], lo: number, hi: number, at: number): TimeMention[] {
  return times
    .filter((t) => t.value && t.start >= lo && t.end <= hi)
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at) || a.start - b.start);
}

/** "in 2015 and 2016": a list of dates joined by "and" or a comma, each its own event. */
function coordinated(text: string, dates: readonly TimeMention[]): TimeMention[] | null {
  if (dates.length < 2) return null;
  const sorted = [...dates].sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) {
    const gap = text.slice(sorted[k - 1]!.end, sorted[k]!.start);
    if (!/^\s*(,|and|,\s*and|&)\s*$/.test(gap)) return null;
  }
  return sorted;
}

/** The most precise of several compatible dates; the nearest when they disagree. */
function pickDate(dates: readonly TimeMention[]): TimeMention | null {
  const first = dates[0];
  if (!first) return null;
  const rank = { day: 3, month: 2, year: 1 } as const;
  let best = first;
  for (const d of dates.slice(1)) {
    const v = d.value!;
    const b = best.value!;
    const inside = v.first >= b.first && v.last <= b.last;
    if (inside && rank[v.precision] >= rank[b.precision]) best = d;
  }
  return best;
}

// Words that make what follows them the content or purpose of the trigger before ("demanded
// that X withdraw", "offered to mediate", "appeal for aid", "fled the war", "if war starts").
const CONTENT = new Set(['to', 'that', 'for', 'of', 'into', 'over']);
const SUBORDINATE = new Set(['if', 'unless', 'until', 'before', 'after', 'because', 'while', 'whereas', 'following', 'despite', 'amid', 'fleeing', 'which', 'who']);
// Words that cannot stand between a verb and its object noun ("rejected an Australian
// ultimatum", "fought a brief war" have none of them).
const NOT_OBJECT_INNER = /^(,|;|:|of|for|in|on|with|to|from|against|at|by|between|into|over|and|or|but|that|which|who|after|before|during|since|is|are|was|were|has|have|had|be|been)$/;
// Nouns that take content the way verbs do ("a proposal for signing", "an ultimatum to hand over").
const SPEECH_NOUN_TYPES = new Set<PloverType>(['REQUEST', 'THREATEN', 'REJECT', 'ACCUSE']);
// Verbs whose object is an event in its own right ("recognised the massacre", "condemned the attack").
const TOPIC_VERB_TYPES = new Set<PloverType>(['SUPPORT', 'ACCUSE']);

function governs(h: TriggerHit): boolean {
  return !h.nominal || h.lightAt !== null || SPEECH_NOUN_TYPES.has(h.entry.type) || /^(offer|promise|pledge|plan)$/.test(h.entry.words);
}

/**
 * Triggers that are the content, purpose, object or circumstance of an earlier trigger in the
 * sentence. PLOVER codes the governing act ("urged the EC to support the PLO" is a REQUEST,
 * "rejected an offer to host a summit" a REJECT); the act it governs is not an event of its own.
 */
function subordinate(hits: readonly TriggerHit[], tokens: readonly Token[], text: string): Map<TriggerHit, TriggerHit> {
  const out = new Map<TriggerHit, TriggerHit>();
  for (let k = 1; k < hits.length; k++) {
    const b = hits[k]!;
    for (let a = k - 1; a >= 0; a--) {
      const governor = hits[a]!;
      if (!governs(governor)) continue;
      const from = governor.last + 1;
      const gap = tokens.slice(from, b.first).map((t) => t.lower);
      // "and" joins two acts, unless it joins two names ("visit Mauritania and Senegal to mediate").
      const capital = (j: number) => /^\p{Lu}/u.test(text.slice(tokens[j]?.start ?? 0, tokens[j]?.end ?? 0));
      const joinsActs = (k: number) => gap[k] === 'and' && !(k > 0 && capital(from + k - 1) && capital(from + k + 1));
      if (gap.some((w, k) => w === ';' || w === 'but' || joinsActs(k))) break;
      const near = gap.length <= 14;
      const content = near && gap.some((w) => CONTENT.has(w));
      // "… over the next three years to finance …": an infinitive of purpose, however far.
      const infinitive = gap[gap.length - 1] === 'to' || (gap[gap.length - 2] === 'to' && /ly$/.test(gap[gap.length - 1] ?? ''));
      const circumstance = gap.some((w) => SUBORDINATE.has(w));
      // A participle after a comma: "opened fire, killing one person".
      const participle = /ing$/.test(tokens[b.first]!.lower) && gap[gap.length - 1] === ',' && near;
      const object = b.nominal && !governor.nominal && !TOPIC_VERB_TYPES.has(governor.entry.type) && gap.length <= 3 && !gap.some((w) => NOT_OBJECT_INNER.test(w));
      if (content || infinitive || circumstance || participle || object) {
        out.set(b, governor);
        break;
      }
    }
  }
  return out;
}

/**
 * A date belongs to the nearest event: another trigger standing between them takes it, unless
 * the date is fronted at the clause's start ("In 2016, X visited Y and signed …").
 */
function blocked(d: TimeMention, trigger: Evidence, layout: SentenceLayout): boolean {
  const { starts, commas } = layout;
  const firstTrigger = starts[0] ?? Infinity;
  if (d.end <= firstTrigger && anyIn(commas, d.end, firstTrigger)) return false;
  const lo = Math.min(d.end, trigger.start);
  const hi = Math.max(d.start, trigger.end);
  // Any other trigger start strictly inside (lo, hi)?
  let k = lowerBound(starts, lo + 1);
  while (k < starts.length && starts[k]! < hi) {
    if (starts[k] !== trigger.start) return true;
    k++;
  }
  return false;
}

/** Offsets of a sentence's kept triggers and commas, sorted, for the date rule. */
interface SentenceLayout {
  starts: number[];
  commas: number[];
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function anyIn(xs: readonly number[], from: number, to: number): boolean {
  const k = lowerBound(xs, from);
  return k < xs.length && xs[k]! < to;
}

const PHRASE_END = /^(,|;|:|\.|\(|as|for|with|to|in|on|at|by|from|because|which|that|who|when|while|and|but|since|after|before|during)$/;

/**
 * The object of a verb that names no actor ("would love to join CPEC", "eased the visa process"):
 * the evidence must say what was done, so it runs to the end of that phrase (four words at most).
 */
function objectPhrase(tokens: readonly Token[], hit: TriggerHit, roles: Roles): Span[] {
  if (hit.nominal || hit.objAt !== null) return [];
  const triggerEnd = tokens[hit.last]!.end;
  if (roles.used.some((m) => m.start >= triggerEnd)) return [];
  let end = hit.last;
  for (let j = hit.last + 1; j <= hit.last + 4 && j < tokens.length && !PHRASE_END.test(tokens[j]!.lower); j++) end = j;
  return end > hit.last ? [{ start: tokens[hit.last + 1]!.start, end: tokens[end]!.end }] : [];
}

/**
 * "Germany invaded France in May 1940 and occupied Paris": a verb after "and" with no actor of its
 * own before it shares the subject of the verb before.
 */
function conjunctSubject(
  hit: TriggerHit,
  lastVerb: { hit: TriggerHit; roles: Roles } | null,
  tokens: readonly Token[],
  actors: readonly ActorMention[],
): { subject: ActorMention[]; andAt: number } | null {
  if (!lastVerb || !lastVerb.roles.source) return null;
  let and = -1;
  for (let j = hit.first - 1; j > lastVerb.hit.last; j--) {
    if (tokens[j]!.lower === 'and') {
      and = j;
      break;
    }
  }
  if (and < 0) return null;
  const from = tokens[and]!.end;
  const to = tokens[hit.first]!.start;
  if (actors.some((a) => a.start >= from && a.start < to)) return null;
  const codes = new Set(lastVerb.roles.codes.slice(0, lastVerb.roles.source.codes.length));
  // The dates of the first conjunct are its own: "in May 1940 and occupied …" is not May's.
  return { subject: lastVerb.roles.used.filter((m) => m.codes.every((c) => codes.has(c))), andAt: from };
}

/** "Khojaly Massacre", "Operation Desert Storm": a capitalised trigger with the capitalised words before it. */
function eventName(text: string, tokens: readonly Token[], hit: TriggerHit): string | null {
  const capital = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(text.slice(t.start, t.end));
  if (!capital(tokens[hit.first]) || hit.first === 0) return null;
  let j = hit.first;
  while (j > 0 && capital(tokens[j - 1])) j--;
  return j < hit.first ? tokens.slice(j, hit.last + 1).map((t) => t.lower).join(' ') : null;
}

/** Replaces a possessive "his"/"her" before an event noun by the official it refers to. */
function possessiveActor(tokens: readonly Token[], hit: TriggerHit, officials: readonly ActorMention[]): ActorMention | null {
  for (let j = hit.first - 1; j >= Math.max(0, hit.first - 3); j--) {
    const t = tokens[j]!.lower;
    if (t !== 'his' && t !== 'her') continue;
    const at = tokens[j]!.start;
    let official: ActorMention | undefined;
    for (const a of officials) if (a.end <= at && (!official || a.end > official.end)) official = a;
    return official ? { ...official, start: tokens[j]!.start, end: tokens[j]!.end, text: tokens[j]!.lower, how: 'reference' } : null;
  }
  return null;
}

function prospectKind(hit: TriggerHit, m: ModalityReading): ProspectKind | null {
  if (m.pending) return 'pending';
  if (m.modality === 'future') return 'plan';
  if (m.modality === 'hypothetical') return 'hope';
  return null;
}

/** Builds the events and prospects of a document from its sentences, actors and times. */
export function buildEvents(ctx: BuildContext): { events: ExtractedEvent[]; prospects: ExtractedProspect[] } {
  const { text, trace } = ctx;
  const candidates: Candidate[] = [];
  let actorIndex = 0;
  let timeIndex = 0;
  const officials: ActorMention[] = [];
  for (const sentence of ctx.sentences) {
    // Actors and times are sorted by offset: walk them alongside the sentences.
    while (actorIndex < ctx.actors.length && ctx.actors[actorIndex]!.start < sentence.start) {
      const a = ctx.actors[actorIndex++]!;
      if (a.how === 'official') officials.push(a);
    }
    const actors: ActorMention[] = [];
    while (actorIndex < ctx.actors.length && ctx.actors[actorIndex]!.start < sentence.end) {
      const a = ctx.actors[actorIndex++]!;
      if (a.end <= sentence.end) actors.push(a);
      if (a.how === 'official') officials.push(a);
    }
    while (timeIndex < ctx.times.length && ctx.times[timeIndex]!.start < sentence.start) timeIndex++;
    const times: TimeMention[] = [];
    for (let k = timeIndex; k < ctx.times.length && ctx.times[k]!.start < sentence.end; k++) times.push(ctx.times[k]!);
    if (!actors.length) continue;
    const tokens = tokenize(text, sentence.start, sentence.end);
    // Organisation names contain trigger words ("Organization of Islamic Cooperation").
    const names = actors.filter((a) => a.kind === 'organisation' && a.end - a.start > 6);
    const skip = (t: Token) => names.some((n) => t.start >= n.start && t.end <= n.end);
    const hits = findTriggers(tokens, { text, skip });
    let lastVerb: { hit: TriggerHit; roles: Roles } | null = null;
    const sub = subordinate(hits, tokens, text);
    const kept = hits.filter((h) => !sub.has(h));
    const layout: SentenceLayout = {
      starts: kept.map((h) => tokens[h.first]!.start),
      commas: tokens.filter((t) => t.lower === ',').map((t) => t.start),
    };
    for (const hit of hits) {
      if (sub.has(hit)) {
        trace?.(`drop ${hit.entry.type} '${text.slice(tokens[hit.first]!.start, tokens[hit.last]!.end)}': the content or purpose of an earlier trigger`);
        continue;
      }
      const trigger = spanOf(text, tokens[hit.first]!.start, tokens[hit.last]!.end);
      const [cs, ce] = clauseAround(tokens, hit.first, hit.last, hit.nominal);
      const m = readModality(tokens, hit, cs, ce);
      const possessive = hit.nominal ? possessiveActor(tokens, hit, officials) : null;
      const roleActors = possessive ? [...actors, possessive].sort((a, b) => a.start - b.start) : actors;
      const conjunct = !hit.nominal && !hit.passive ? conjunctSubject(hit, lastVerb, tokens, actors) : null;
      let roles = fillRoles(hit, { tokens, clause: [cs, ce], actors: roleActors, subject: conjunct?.subject });
      if (!hit.nominal && roles) lastVerb = { hit, roles };
      const label = `${hit.entry.type} '${trigger.text}' (triggers.tsv:${hit.entry.line}) @${trigger.start}`;
      if (!roles) {
        trace?.(`drop ${label}: no participant in its clause`);
        continue;
      }
      // A noun with neither a light verb nor an agent of its own is a reference, not a report
      // ("as a part of the agreement"), unless it is an event noun with a participant.
      if (hit.entry.kind === 'N' && hit.lightAt === null && roles.how !== 'noun phrase' && !hit.objAt) {
        trace?.(`drop ${label}: a noun nothing realises`);
        continue;
      }
      const lo = tokens[cs]!.start;
      const hi = tokens[ce - 1]!.end;
      const dates = datesFor(times, lo, hi, trigger.start).filter((d) => !blocked(d, trigger, layout) && !(conjunct && d.end <= conjunct.andAt));
      const list = coordinated(text, dates) ?? [pickDate(dates)];
      if (roles.codes.length === 1 && ctx.pair && ctx.pair.includes(roles.codes[0]!) && (isCooperative(hit.entry.type) || hit.entry.type === 'REQUEST')) {
        const other = ctx.pair.find((c) => c !== roles!.codes[0])!;
        // Only when the sentence names no state outside the pair.
        const sentenceStates = actors.flatMap((a) => (a.kind === 'state' ? a.codes : []));
        if (sentenceStates.every((c) => ctx.pair!.includes(c))) {
          roles = { ...roles, codes: [...roles.codes, other], how: `${roles.how}; other side from the document's pair` };
        }
      }
      const pKind = prospectKind(hit, m);
      // A promise of a hostile act is a threat ("vowed to retaliate", "swore to fight on").
      const promisesHarm = /^(promise|pledge|vow|commit|swear)$/.test(hit.entry.words) && [...sub].some(([b, g]) => g === hit && isHostile(b.entry.type));
      const coded =
        pKind === 'pending' || pKind === 'hope'
          ? null
          : promisesHarm
            ? { type: 'THREATEN' as const, mode: null, cameo: '138' }
            : codeFor(hit.entry.type, hit.entry.mode, hit.entry.cameo, m);
      const lemma = hit.entry.words;
      const name = eventName(text, tokens, hit);
      for (const d of list) {
        const objSpan = hit.objAt !== null ? [tokens[hit.objAt]!] : [];
        const nameSpan = name ? [{ start: trigger.end - name.length, end: trigger.end }] : [];
        // A fronted date shared with an earlier event ("In March 2022, X did …, and Y did …")
        // dates this one without stretching its evidence over the other.
        const shared = d && d.end <= trigger.start && layout.starts.some((t) => t > d.end && t < trigger.start);
        const used = [trigger, ...objSpan, ...nameSpan, ...roles.used, ...(d && !shared ? [d] : []), ...objectPhrase(tokens, hit, roles)];
        const start = Math.max(sentence.start, Math.min(...used.map((u) => u.start)));
        const end = Math.min(sentence.end, Math.max(...used.map((u) => u.end)));
        const evidence = spanOf(text, start, end);
        const base = { roles, evidence, lemma, name, sentence: sentence.index, date: d?.value ?? null };
        const confidence = Math.min(0.95, 0.5 + (roles.codes.length > 1 ? 0.2 : 0) + (hit.nominal ? 0 : 0.1) + (roles.how.includes('pair') ? -0.1 : 0.1));
        if (coded) {
          candidates.push({ ...base, kind: 'event', prospectKind: null, ...coded, confidence, negated: m.modality === 'negated' });
          trace?.(`event ${coded.type}${coded.type !== hit.entry.type ? ` (from ${hit.entry.type}, ${m.modality})` : ''} ${label} roles: ${roles.how} [${roles.codes.join(', ')}] date: ${d ? d.text : 'none'}${m.cues.length ? ` cues: ${m.cues.join(', ')}` : ''}`);
        }
        const contentKind: ProspectKind | null = pKind ?? (PROPOSING.test(lemma) ? 'proposal' : INTEREST.test(lemma) ? 'pending' : null);
        if (contentKind) {
          // A proposal's or an interest's content is cooperation unless a trigger says otherwise.
          const type = PROPOSING.test(lemma) || INTEREST.test(lemma) ? 'COOPERATE' : hit.entry.type;
          candidates.push({ ...base, kind: 'prospect', prospectKind: contentKind, type, mode: hit.entry.mode, cameo: hit.entry.cameo, confidence, negated: false });
          trace?.(`prospect ${contentKind} ${type} ${label} [${roles.codes.join(', ')}]`);
        }
      }
    }
  }
  return merge(candidates, ctx);
}

const PRECISION_RANK = { day: 3, month: 2, year: 1 } as const;

function compatible(a: DateValue | null, b: DateValue | null): boolean {
  if (!a || !b) return true;
  return (a.first >= b.first && a.last <= b.last) || (b.first >= a.first && b.last <= a.last);
}

const STOP = new Set(['the', 'and', 'was', 'were', 'has', 'have', 'had', 'for', 'with', 'that', 'this', 'its', 'their', 'from', 'which', 'also', 'been', 'are', 'his', 'her']);

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu)?.filter((w) => !STOP.has(w)) ?? []);
}

/**
 * Two mentions of one event repeat its wording ("the first country to recognize Azerbaijan") or
 * its name ("the Khojaly Massacre"); two visits by different people in the same essay do not.
 */
function sameWording(a: Candidate, b: Candidate): boolean {
  if (a.name && a.name === b.name) return true;
  const x = (a.words ??= words(a.evidence.text));
  const y = (b.words ??= words(b.evidence.text));
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, Math.min(x.size, y.size)) >= 0.5;
}

function moreInformative(a: Candidate, b: Candidate): Candidate {
  if (a.date && !b.date) return a;
  if (b.date && !a.date) return b;
  if (a.date && b.date && PRECISION_RANK[b.date.precision] > PRECISION_RANK[a.date.precision]) return b;
  return a;
}

/** Merges the mentions of one event inside the document: same kind, type, trigger and participants, compatible dates. */
function merge(candidates: Candidate[], ctx: BuildContext): { events: ExtractedEvent[]; prospects: ExtractedProspect[] } {
  // Linear in the number of candidates: each group keeps what the checks need (its most and
  // least precise dates, its first wording, the sentences of its dated members).
  interface Group {
    head: Candidate;
    first: Candidate;
    widest: Candidate;
    members: Candidate[];
    datedSentences: Set<number>;
  }
  const groups: Group[] = [];
  const byKey = new Map<string, Group[]>();
  for (const c of candidates) {
    // A sentence states one prospect of a kind between the same parties ("expressed interest in
    // buying …" is one pending deal, whichever trigger said it).
    const key =
      c.kind === 'prospect'
        ? `prospect ${c.prospectKind} ${c.sentence} ${[...c.roles.codes].sort().join('+')}`
        : `${c.kind} ${c.type} ${c.lemma} ${[...c.roles.codes].sort().join('+')}`;
    const same = byKey.get(key) ?? [];
    const group = same.find(
      (g) =>
        compatible(g.head.date, c.date) &&
        compatible(g.widest.date, c.date) &&
        (sameWording(g.first, c) || sameWording(g.head, c)) &&
        // Two dated mentions in one sentence are two events ("in 2015 and 2016").
        !(c.date && g.datedSentences.has(c.sentence)),
    );
    if (group) {
      group.members.push(c);
      group.head = moreInformative(group.head, c);
      if (c.date && (!group.widest.date || (c.date.first <= group.widest.date.first && c.date.last >= group.widest.date.last))) group.widest = c;
      if (c.date) group.datedSentences.add(c.sentence);
      ctx.trace?.(`merge ${c.type} @${c.evidence.start} into @${group.head.evidence.start}`);
    } else {
      const g: Group = { head: c, first: c, widest: c, members: [c], datedSentences: new Set(c.date ? [c.sentence] : []) };
      groups.push(g);
      same.push(g);
      byKey.set(key, same);
    }
  }
  const events: ExtractedEvent[] = [];
  const prospects: ExtractedProspect[] = [];
  for (const { head, members } of groups) {
    const codes = head.roles.codes;
    const source = actorOf(head.roles.source, codes[0]);
    const targetCode = codes.find((c) => c !== codes[0]) ?? null;
    const target = targetCode ? (actorOf(head.roles.target, targetCode) ?? { code: targetCode, text: '' }) : null;
    const others = members.filter((m) => m !== head).map((m) => m.evidence);
    const record = {
      type: head.type,
      mode: head.mode,
      cameo: head.cameo,
      date: head.date ? ctx.formatDate(head.date) : null,
      source,
      target,
      actors: codes,
      evidence: head.evidence,
      confidence: Math.round(Math.min(0.95, head.confidence + 0.05 * (members.length - 1)) * 100) / 100,
      ...(others.length ? { mentions: others } : {}),
    };
    if (head.kind === 'event') events.push({ id: '', ...record, ...(head.negated ? { negated: true } : {}) });
    else prospects.push({ id: '', kind: head.prospectKind!, ...record });
  }
  const byPosition = (a: { date: string | null; evidence: Evidence }, b: { date: string | null; evidence: Evidence }) =>
    a.evidence.start - b.evidence.start;
  events.sort(byPosition).forEach((e, i) => (e.id = `e${i + 1}`));
  prospects.sort(byPosition).forEach((p, i) => (p.id = `p${i + 1}`));
  return { events, prospects };
}
