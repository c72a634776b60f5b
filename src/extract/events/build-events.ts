// From triggers to events: each trigger with its clause's participants, date and modality becomes
// an event (what happened), a prospect (what was planned, proposed, hoped for or is pending), or
// both (a promise is an AGREE event and a plan). Mentions of one event in a document are merged.
import type {
  ActorMention,
  Span,
  DateValue,
  Evidence,
  ExtractedEvent,
  ExtractedProspect,
  ProspectKind,
  Sentence,
  TimeMention,
} from '../types.ts';
import { tokenize, type Token } from '../text/tokens.ts';
import { clauseAround } from './clauses.ts';
import { findTriggers, type TriggerHit } from './find-triggers.ts';
import { readModality, type ModalityReading } from './modality.ts';
import { cuesIn } from './cues.ts';
import { headsEntry } from '../dates/lexicon.ts';
import { fillRoles, type Roles } from './roles.ts';
import {
  coordinated,
  blocked,
  datesFor,
  pickDate,
  sayingDate,
  type SentenceLayout,
} from './event-dates.ts';
import { mergeMentions, type Candidate } from './merge-mentions.ts';
import { subordinate } from './subordinate.ts';
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
  /** The document's date, `YYYY-MM-DD`: no act reported as done happens after it. */
  date?: string | null;
  formatDate: (v: DateValue) => string;
  trace?: TraceFn;
}

// The acts a statement performs by being said (PLOVER's verbal types but for agreeing).
const SPEECH_ACTS = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);

// Speech acts whose content is a proposal: the act is an event, its content a prospect.
const PROPOSING = /^(propose|proposal|suggest|call for)$/;
// Expressions of interest: the act is an event, the deal it aims at is pending.
const INTEREST = /interest$/;

function spanOf(text: string, start: number, end: number): Evidence {
  return { start, end, text: text.slice(start, end) };
}

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
    j <= hit.last + 4 && j < tokens.length && !PHRASE_END.test(tokens[j]!.lower);
    j++
  )
    end = j;
  return end > hit.last ? [{ start: tokens[hit.last + 1]!.start, end: tokens[end]!.end }] : [];
}

/**
 * "Germany invaded France in May 1940 and occupied Paris": a verb after "and" (or a finite verb
 * after a comma) with no actor of its own before it shares the subject of the verb before.
 */
function conjunctSubject(
  hit: TriggerHit,
  lastVerb: { hit: TriggerHit; roles: Roles } | null,
  tokens: readonly Token[],
  actors: readonly ActorMention[],
): { subject: ActorMention[]; verb: TriggerHit; firstAt: number; andAt: number } | null {
  if (!lastVerb || !lastVerb.roles.source) return null;
  let and = -1;
  for (let j = hit.first - 1; j > lastVerb.hit.last; j--) {
    if (tokens[j]!.lower === 'and') {
      and = j;
      break;
    }
  }
  // "urged Russia to withdraw, warned Moscow of sanctions": a finite verb right after a comma
  // is a conjunct too.
  if (
    and < 0 &&
    tokens[hit.first - 1]?.lower === ',' &&
    /(?:ed|[^s]s)$/.test(tokens[hit.first]!.lower)
  )
    and = hit.first - 1;
  if (and < 0) return null;
  const from = tokens[and]!.end;
  const to = tokens[hit.first]!.start;
  if (actors.some((a) => a.start >= from && a.start < to)) return null;
  const codes = new Set(lastVerb.roles.codes.slice(0, lastVerb.roles.source.codes.length));
  // The dates of the first conjunct are its own: "invaded France in May 1940 and occupied …" is
  // not May's. A date before the first verb dates both ("In 1930 X visited Ankara and signed …").
  return {
    subject: lastVerb.roles.used.filter((m) => m.codes.every((c) => codes.has(c))),
    verb: lastVerb.hit,
    firstAt: tokens[lastVerb.hit.first]!.start,
    andAt: from,
  };
}

/**
 * A date heading the sentence dates every clause that has none of its own: "1947: Turkey
 * recognises …", "12 March 2015 – X visits …", "In 2017, X visited Astana, where the two
 * presidents signed …".
 */
function headingDate(tokens: readonly Token[], times: readonly TimeMention[]): TimeMention | null {
  const first = times[0];
  if (!first?.value) return null;
  const k = tokens.findIndex((t) => t.start >= first.end);
  const before = tokens.filter((t) => t.end <= first.start).map((t) => t.lower);
  const bullet = before.every((w) => /^[-*•·]$/.test(w));
  const fronted = before.length <= 1 && before.every((w) => /^(in|on|by|during|since)$/.test(w));
  const after = k >= 0 ? tokens[k]!.lower : '';
  return (bullet && /^(:|-|–|—)$/.test(after)) || (fronted && after === ',') ? first : null;
}

/** Where the line holding `at` ends. */
function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
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
        .map((t) => t.lower)
        .join(' ')
    : null;
}

/** Replaces a possessive "his"/"her" before an event noun by the official it refers to. */
function possessiveActor(
  tokens: readonly Token[],
  hit: TriggerHit,
  officials: readonly ActorMention[],
): ActorMention | null {
  for (let j = hit.first - 1; j >= Math.max(0, hit.first - 3); j--) {
    const t = tokens[j]!.lower;
    if (t !== 'his' && t !== 'her') continue;
    const at = tokens[j]!.start;
    let official: ActorMention | undefined;
    for (const a of officials) if (a.end <= at && (!official || a.end > official.end)) official = a;
    return official
      ? {
          ...official,
          start: tokens[j]!.start,
          end: tokens[j]!.end,
          text: tokens[j]!.lower,
          how: 'reference',
        }
      : null;
  }
  return null;
}

function prospectKind(m: ModalityReading): ProspectKind | null {
  if (m.pending) return 'pending';
  if (m.modality === 'future') return 'plan';
  if (m.modality === 'hypothetical') return 'hope';
  return null;
}

/** Builds the events and prospects of a document from its sentences, actors and times. */
export function buildEvents(ctx: BuildContext): {
  events: ExtractedEvent[];
  prospects: ExtractedProspect[];
} {
  const { text, trace } = ctx;
  const candidates: Candidate[] = [];
  let actorIndex = 0;
  let timeIndex = 0;
  const officials: ActorMention[] = [];
  // The parties of the last act on each object noun ("sanctions", "ties"), by the noun.
  const byObject = new Map<string, { roles: Roles; sentence: number }>();
  // The date of the last act the story dated against its own present ("on Tuesday", "last
  // week"), by sentence: the next sentence's undated acts continue that report.
  let present: { date: TimeMention; sentence: number } | null = null;
  let entry: { date: TimeMention; paragraph: number; lineEnd: number } | null = null;
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
    while (timeIndex < ctx.times.length && ctx.times[timeIndex]!.start < sentence.start)
      timeIndex++;
    const times: TimeMention[] = [];
    for (let k = timeIndex; k < ctx.times.length && ctx.times[k]!.start < sentence.end; k++)
      times.push(ctx.times[k]!);
    // A sentence naming no one may still report an act of the document's pair ("The treaty was signed in 1979").
    if (!actors.length && !ctx.pair) continue;
    const tokens = tokenize(text, sentence.start, sentence.end);
    // Organisation names contain trigger words ("Organization of Islamic Cooperation").
    const names = actors.filter((a) => a.kind === 'organisation' && a.end - a.start > 6);
    const skip = (t: Token) => names.some((n) => t.start >= n.start && t.end <= n.end);
    const hits = findTriggers(tokens, { text, skip });
    let lastVerb: { hit: TriggerHit; roles: Roles } | null = null;
    // The last verb and its date (`own`); `date` when it stands before that verb (it may date a conjunct too).
    let leading: { hit: TriggerHit; own: TimeMention | null; date: TimeMention | null } | null =
      null;
    const sub = subordinate(hits, tokens, text);
    const kept = hits.filter((h) => !sub.has(h));
    const own = headingDate(tokens, times);
    // A chronology entry's date heads every sentence of its line ("Aug. 2 -- X did … . Y protested.").
    if (own)
      entry = headsEntry(text, own.start, own.end)
        ? { date: own, paragraph: sentence.paragraph, lineEnd: lineEnd(text, sentence.start) }
        : null;
    const heading =
      own ??
      (entry && entry.paragraph === sentence.paragraph && sentence.start < entry.lineEnd
        ? entry.date
        : null);
    const sayings = cuesIn(tokens, 0, tokens.length).flatMap((c) =>
      c.cls === 'report' ? [c.at] : [],
    );
    const layout: SentenceLayout = {
      starts: kept.map((h) => tokens[h.first]!.start),
      commas: tokens.filter((t) => t.lower === ',').map((t) => t.start),
      clauseJoins: tokens
        .filter(
          (t, k) =>
            t.lower === 'and' && tokens[k - 1]?.lower === ',' && !lastListItem(tokens, k, actors),
        )
        .map((t) => t.start),
    };
    for (const hit of hits) {
      if (sub.has(hit)) {
        trace?.(
          `drop ${hit.entry.type} '${text.slice(tokens[hit.first]!.start, tokens[hit.last]!.end)}': the content or purpose of an earlier trigger`,
        );
        continue;
      }
      const trigger = spanOf(text, tokens[hit.first]!.start, tokens[hit.last]!.end);
      const [cs, ce] = clauseAround(tokens, hit.first, hit.last, hit.nominal, text);
      const m = readModality(tokens, hit, cs, ce);
      if (m.alternative) {
        trace?.(
          `drop ${hit.entry.type} '${trigger.text}': an alternative not taken (${m.cues.join(', ')})`,
        );
        continue;
      }
      const possessive = hit.nominal ? possessiveActor(tokens, hit, officials) : null;
      const roleActors = possessive
        ? [...actors, possessive].sort((a, b) => a.start - b.start)
        : actors;
      const conjunct =
        !hit.nominal && !hit.passive ? conjunctSubject(hit, lastVerb, tokens, actors) : null;
      let roles = fillRoles(hit, {
        tokens,
        clause: [cs, ce],
        actors: roleActors,
        subject: conjunct?.subject,
      });
      if (!hit.nominal && roles) lastVerb = { hit, roles };
      const label = `${hit.entry.type} '${trigger.text}' (${hit.entry.file}:${hit.entry.line}) @${trigger.start}`;
      // A date may come from before ", and" ("spoke on Wednesday, and both sides agreed"); roles may not.
      const [ds, de] = clauseAround(tokens, hit.first, hit.last, hit.nominal, null);
      const reachable = datesFor(
        times,
        tokens[ds]!.start,
        tokens[de - 1]!.end,
        trigger.start,
      ).filter(
        (d) =>
          !blocked(d, trigger, layout) &&
          !(conjunct && d.start >= conjunct.firstAt && d.end <= conjunct.andAt),
      );
      // The clause's own dates first: "… in 1973, and the two countries opened embassies in 1978".
      const inClause = reachable.filter(
        (d) => d.start >= tokens[cs]!.start && d.end <= tokens[ce - 1]!.end,
      );
      const near = inClause.length ? inClause : reachable;
      // "the first such visit since 1975": a date after "since" starts a period; it dates the
      // event only when nothing else does.
      const points = near.filter(
        (d) => !/\bsince\s*$/i.test(text.slice(Math.max(0, d.start - 8), d.start)),
      );
      const dates = points.length || heading ? points : near;
      const object = hit.objAt !== null ? tokens[hit.objAt]!.lower.replace(/s$/, '') : null;
      if (!roles && !actorsIn(actors, tokens[cs]!.start, tokens[ce - 1]!.end)) {
        roles = partiesFromContext(hit, object, dates.length > 0 || heading !== null, {
          sentence: sentence.index,
          actors,
          byObject,
          pair: ctx.pair,
        });
      }
      if (!roles) {
        trace?.(`drop ${label}: no participant in its clause`);
        continue;
      }
      if (object && roles.used.length) byObject.set(object, { roles, sentence: sentence.index });
      // A noun with neither a light verb nor an agent of its own is a reference, not a report
      // ("as a part of the agreement", "progress in bilateral cooperation"), unless it is an event
      // noun with a participant. "Bilateral" or "their" names no agent.
      const ownAgent = roles.how === 'noun phrase' && roles.used.some((u) => u.how !== 'reference');
      // A date realises a noun whose parties are the document's pair ("The peace treaty followed on 26 March 1979").
      const datedPairNoun = roles.how === "the document's pair" && dates.length > 0;
      if (
        hit.entry.kind === 'N' &&
        hit.lightAt === null &&
        !ownAgent &&
        !hit.objAt &&
        !datedPairNoun
      ) {
        trace?.(`drop ${label}: a noun nothing realises`);
        continue;
      }
      // A conjunct with no date of its own shares the one that stands before both verbs
      // ("In 1930 Venizelos visited Ankara and signed a treaty").
      // So does a clause of the same moment ("X and Y on Thursday signed a deal, as Modi held talks with Biden").
      const between = leading ? tokens.slice(leading.hit.last + 1, hit.first) : [];
      const sameMoment = between.some(
        (t, k) => /^(as|while)$/.test(t.lower) && between[k - 1]?.lower === ',',
      );
      const shared: TimeMention | null =
        dates.length || !leading
          ? null
          : conjunct
            ? leading.hit === conjunct.verb
              ? leading.date
              : null
            : sameMoment
              ? leading.own
              : null;
      // An act reported with no date of its own takes the date of its reporting ("said Tuesday that …").
      const said = dates.length || shared ? null : sayingDate(tokens, sayings, times, hit.first);
      const own = coordinated(text, dates) ?? [pickDate(dates) ?? shared ?? said ?? heading];
      // A news report goes on about the day it just named: "On Saturday, Erdogan spoke with
      // Abbas. He denounced Israel …" dates the denouncing too. Only an act asserted as done.
      // A demand, accusation, rejection or threat reported by a saying ("X said Iran is
      // defying …") is the story's news: its present, however far back that day was named.
      const carried =
        own[0] === null &&
        own.length === 1 &&
        present &&
        m.modality === 'asserted' &&
        (present.sentence >= sentence.index - 1 ||
          (sayings.length > 0 && SPEECH_ACTS.has(hit.entry.type)))
          ? present.date
          : null;
      const list: (TimeMention | null)[] = carried ? [carried] : own;
      if (
        own.length === 1 &&
        own[0]?.value &&
        own[0].anchor === 'document' &&
        m.modality === 'asserted'
      ) {
        present = { date: own[0], sentence: sentence.index };
      }
      if (!hit.nominal) {
        const own: TimeMention | null = list.length === 1 ? (list[0] ?? null) : null;
        leading = { hit, own, date: own && own.end <= trigger.start ? own : null };
      }
      if (roles.codes.length === 1 && ctx.pair && ctx.pair.includes(roles.codes[0]!)) {
        const other = ctx.pair.find((c) => c !== roles!.codes[0])!;
        // Only when the sentence names no state outside the pair.
        const sentenceStates = actors.flatMap((a) => (a.kind === 'state' ? a.codes : []));
        if (sentenceStates.every((c) => ctx.pair!.includes(c))) {
          roles = {
            ...roles,
            codes: [...roles.codes, other],
            how: `${roles.how}; other side from the document's pair`,
          };
        }
      }
      const pKind = prospectKind(m);
      // A promise of a hostile act is a threat ("vowed to retaliate", "swore to fight on").
      const promisesHarm =
        /^(promise|pledge|vow|commit|swear)$/.test(hit.entry.words) &&
        [...sub].some(([b, g]) => g === hit && isHostile(b.entry.type));
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
        const shared =
          d && d.end <= trigger.start && layout.starts.some((t) => t > d.end && t < trigger.start);
        const used = [
          trigger,
          ...objSpan,
          ...nameSpan,
          ...roles.used,
          ...(d && !shared ? [d] : []),
          ...objectPhrase(tokens, hit, roles),
        ];
        const start = Math.max(sentence.start, Math.min(...used.map((u) => u.start)));
        const end = Math.min(sentence.end, Math.max(...used.map((u) => u.end)));
        const evidence = spanOf(text, start, end);
        // A date in a plan's clause is when it is to happen ("will visit China next month"), not
        // when the promise was made: the promise and the plan stay undated, the plan keeps it.
        // So is a date in a hope's clause ("hopes to double trade by 2030").
        // The date of the saying ("said Tuesday that it would …") is when the promise was made.
        const sayingsDate =
          d !== null &&
          (d === said || sayings.some((k) => sayingDate(tokens, [k], times, -1) === d));
        // So is an entry's heading ("Aug. 22 -- X says it will …").
        const planned =
          (m.modality === 'future' || m.modality === 'hypothetical') &&
          d?.value &&
          !sayingsDate &&
          !(d === heading && headsEntry(text, d.start, d.end))
            ? d.value
            : null;
        // An act reported as done cannot come after the report: a partial or relative date so
        // placed was misread (a date written in full is the text's own claim).
        const late =
          !planned &&
          m.modality === 'asserted' &&
          d?.anchor !== 'absolute' &&
          !!ctx.date &&
          !!d?.value &&
          d.value.first > ctx.date;
        if (late) trace?.(`undate ${label}: '${d!.text}' read as after the document date`);
        const date = planned || late ? null : (d?.value ?? null);
        const base = { roles, evidence, lemma, name, sentence: sentence.index, date, planned };
        const confidence = Math.min(
          0.95,
          0.5 +
            (roles.codes.length > 1 ? 0.2 : 0) +
            (hit.nominal ? 0 : 0.1) +
            (roles.how.includes('pair') ? -0.1 : 0.1),
        );
        // In a story about two states' relations, an act with one party named is domestic or its
        // other party was missed: either way no event of those relations. Elsewhere a one-sided
        // act is kept as PLOVER codes it ("rebels blocked roads").
        const alone = ctx.pair !== null && new Set(roles.codes).size < 2;
        if (coded && alone)
          trace?.(`drop ${label}: one participant only [${roles.codes.join(', ')}]`);
        if (coded && !alone) {
          candidates.push({
            ...base,
            kind: 'event',
            prospectKind: null,
            ...coded,
            confidence,
            negated: m.modality === 'negated',
          });
          trace?.(
            `event ${coded.type}${coded.type !== hit.entry.type ? ` (from ${hit.entry.type}, ${m.modality})` : ''} ${label} roles: ${roles.how} [${roles.codes.join(', ')}] date: ${d ? d.text : 'none'}${m.cues.length ? ` cues: ${m.cues.join(', ')}` : ''}`,
          );
        }
        const contentKind: ProspectKind | null =
          pKind ?? (PROPOSING.test(lemma) ? 'proposal' : INTEREST.test(lemma) ? 'pending' : null);
        if (contentKind) {
          // A proposal's or an interest's content is cooperation unless a trigger says otherwise.
          const type = PROPOSING.test(lemma) || INTEREST.test(lemma) ? 'COOPERATE' : hit.entry.type;
          candidates.push({
            ...base,
            kind: 'prospect',
            prospectKind: contentKind,
            type,
            mode: hit.entry.mode,
            cameo: hit.entry.cameo,
            confidence,
            negated: false,
          });
          trace?.(`prospect ${contentKind} ${type} ${label} [${roles.codes.join(', ')}]`);
        }
      }
    }
  }
  return mergeMentions(candidates, ctx.formatDate, trace);
}

// What may follow the last name of a list ("with Turkey, Iran, and China in 2005").
const AFTER_LIST = /^(?:in|on|at|during|since|until|by|for|from|over|between|,|\.|;|:)$/;

/**
 * ", and China in 2005": the "and" before the last item of a list of names, which joins no
 * clause (a date after it still dates the verb before the list).
 */
function lastListItem(
  tokens: readonly Token[],
  and: number,
  actors: readonly ActorMention[],
): boolean {
  const next = tokens[and + 1];
  const name = next && actors.find((a) => a.start === next.start && a.how !== 'reference');
  if (!name) return false;
  let j = and + 1;
  while (j < tokens.length && tokens[j]!.end <= name.end) j++;
  return j >= tokens.length || AFTER_LIST.test(tokens[j]!.lower);
}

/** True when an actor is named inside `[start, end)`. */
function actorsIn(actors: readonly ActorMention[], start: number, end: number): boolean {
  return actors.some((a) => a.start >= start && a.end <= end);
}

/**
 * Parties for an act whose clause names no one, from the context:
 * - "… imposed sanctions on India; the sanctions were lifted in 2001": the object of an act just
 *   before (this or the previous sentence) is the same object, with the same parties;
 * - "Relations were restored in May 2021", "The peace treaty followed on 26 March 1979": relations,
 *   and a dated act of cooperation, are the document's pair's, when the sentence names no other state.
 */
function partiesFromContext(
  hit: TriggerHit,
  object: string | null,
  dated: boolean,
  c: {
    sentence: number;
    actors: readonly ActorMention[];
    byObject: ReadonlyMap<string, { roles: Roles; sentence: number }>;
    pair: [string, string] | null;
  },
): Roles | null {
  const antecedent = object ? c.byObject.get(object) : undefined;
  if (antecedent && c.sentence - antecedent.sentence <= 1)
    return { ...antecedent.roles, used: [], how: `the parties of the ${object} before` };
  const pair = c.pair;
  if (
    !pair ||
    !c.actors.every((a) => a.kind !== 'state' || a.codes.every((code) => pair.includes(code)))
  )
    return null;
  const relations = object === 'relation' || object === 'tie';
  if (relations || (dated && isCooperative(hit.entry.type)))
    return { source: null, target: null, codes: [...pair], used: [], how: "the document's pair" };
  return null;
}
