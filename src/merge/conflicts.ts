// Where sources disagree, and where one source disagrees with itself. Pure functions over
// records the conflicts service reads from the store: each detector takes claims and returns
// conflicts naming their kind and every claim involved, with its document and evidence span.
import type { Evidence, ExtractedFigure, PloverType } from '../extract/types.ts';
import { ORDINAL_WORDS } from '../extract/text/numbers.ts';
import {
  dateBounds,
  dateGap,
  datesCompatible,
  NEAR_DAYS,
  sameEvent,
  type MentionFacts,
} from './same-event.ts';

/** The kinds of disagreement ties reports. */
export type ConflictKind = 'date' | 'ordinal' | 'figure' | 'arithmetic';

/** Where a claim was made. */
export interface ClaimOrigin {
  documentId: string;
  documentTitle: string | null;
  evidence: Evidence;
}

/** One side of a conflict: what was claimed (`value`, readable), and where. */
export interface ConflictClaim extends ClaimOrigin {
  value: string;
}

/** A disagreement between two or more claims. `key` is stable across re-detection. */
export interface Conflict {
  key: string;
  kind: ConflictKind;
  summary: string;
  /** The merged events the claims belong to, when they are about events. */
  eventIds: number[];
  /** Every participant the claims are about: the pair filter of `ties conflicts A B`. */
  actors: string[];
  claims: ConflictClaim[];
}

/** A stored mention of an event, as conflict detection needs it. */
export interface MentionRecord extends ClaimOrigin {
  mentionId: number;
  eventId: number;
  type: PloverType;
  date: string | null;
  actors: string[];
  source: string | null;
  target: string | null;
}

/** A rank claim about an event ("the second country to recognise X, after Turkey"). */
export interface OrdinalRecord extends ClaimOrigin {
  eventId: number | null;
  /** Who holds the rank (a code), when known. */
  holder: string | null;
  rank: number;
  /** The ranked class: "country", "person from Pakistan". */
  of: string;
  /** Stem of the act ranked ("recogniz", "visit"). */
  predicate: string;
  /** The verb as written ("recognise"), for display. */
  verb?: string;
  /** Codes the act is done to ("AZE"). */
  objects: string[];
  /** Codes said to come before the holder ("after Turkey"). */
  after: string[];
}

/** A stored figure, as conflict detection needs it. */
export interface FigureRecord extends ClaimOrigin, Omit<ExtractedFigure, 'id' | 'evidence'> {
  id: number;
  /** True for a part of a total given just before ("613 people, including 63 children"). */
  part?: boolean;
}

/** "after 80 years of struggle … in 1991": a span of years ending at a dated point. */
export interface DurationRecord extends ClaimOrigin {
  years: number;
  /** What lasted ("struggle", "rule"). */
  what: string;
  /** The contract date the span ends at. */
  end: string;
  actors: string[];
}

/** "From 1920s Azerbaijan was dominated by the USSR": an open period's stated start. */
export interface PeriodStartRecord extends ClaimOrigin {
  start: string;
  actors: string[];
}

/** Everything conflict detection reads. */
export interface ConflictInput {
  mentions: MentionRecord[];
  ordinals: OrdinalRecord[];
  figures: FigureRecord[];
  durations: DurationRecord[];
  periodStarts: PeriodStartRecord[];
}

const claimOf = (o: ClaimOrigin, value: string): ConflictClaim => ({
  documentId: o.documentId,
  documentTitle: o.documentTitle,
  evidence: { start: o.evidence.start, end: o.evidence.end, text: o.evidence.text },
  value,
});

// A conflict is what is claimed, not where: the same disagreement repeated by more documents
// is one conflict with more claims. So the key is the kind, the events and the distinct values.
const conflictKey = (kind: ConflictKind, claims: ConflictClaim[], eventIds: number[]) =>
  `${kind}:${eventIds.join('+')}:${[...new Set(claims.map((c) => c.value))].sort().join('|')}`;

const uniq = (xs: Iterable<string>) => [...new Set(xs)].sort();

function conflict(
  kind: ConflictKind,
  summary: string,
  claims: ConflictClaim[],
  eventIds: number[],
  actors: Iterable<string>,
): Conflict {
  const events = [...new Set(eventIds)].sort((a, b) => a - b);
  return {
    key: conflictKey(kind, claims, events),
    kind,
    summary,
    eventIds: events,
    actors: uniq(actors),
    claims,
  };
}

const sameOrigin = (a: ClaimOrigin, b: ClaimOrigin) =>
  a.documentId === b.documentId &&
  a.evidence.start === b.evidence.start &&
  a.evidence.end === b.evidence.end;

const factsOf = (m: MentionRecord): MentionFacts => ({
  type: m.type,
  date: m.date,
  actors: m.actors,
  source: m.source,
  target: m.target,
  evidenceText: m.evidence.text,
});

/**
 * Dates that cannot both be right for one event: within a merged event, mentions whose dates
 * neither contain the other; across two stored events, mentions `sameEvent` calls one event
 * with conflicting dates (the store keeps them apart when their dates do not overlap).
 */
export function dateConflicts(mentions: MentionRecord[]): Conflict[] {
  const byEvent = new Map<number, MentionRecord[]>();
  for (const m of mentions) byEvent.set(m.eventId, [...(byEvent.get(m.eventId) ?? []), m]);
  const docsOf = new Map<number, Set<string>>();
  for (const m of mentions)
    docsOf.set(m.eventId, (docsOf.get(m.eventId) ?? new Set()).add(m.documentId));
  const apart = (x: number, y: number) =>
    [...(docsOf.get(x) ?? [])].some((d) => docsOf.get(y)?.has(d));
  return [
    ...[...byEvent.values()].flatMap(eventDateConflicts),
    ...crossEventDateConflicts(mentions, apart),
  ];
}

/**
 * Within one merged event (`mentions` are all of its mentions, in id order): the mentions whose
 * date is incompatible with another's. Dates are compared once each (a thousand copies of a story
 * carry a handful of dates), so this is linear in the mentions.
 */
export function eventDateConflicts(mentions: MentionRecord[]): Conflict[] {
  if (!mentions.length) return [];
  const dates = [
    ...new Set(mentions.map((m) => m.date).filter((d): d is string => !!d && !!dateBounds(d))),
  ];
  const clashing = new Set<string>();
  for (let i = 0; i < dates.length; i++) {
    for (let j = i + 1; j < dates.length; j++) {
      if (!datesCompatible(dates[i]!, dates[j]!)) clashing.add(dates[i]!).add(dates[j]!);
    }
  }
  if (!clashing.size) return [];
  // One claim per document and date: a source repeating its date is one claim.
  const seen = new Set<string>();
  const claims = mentions
    .filter(
      (m) =>
        m.date &&
        clashing.has(m.date) &&
        !seen.has(`${m.documentId}=${m.date}`) &&
        seen.add(`${m.documentId}=${m.date}`),
    )
    .map((m) => claimOf(m, m.date!));
  const values = uniq(claims.map((c) => c.value));
  return [
    conflict(
      'date',
      `sources date one ${mentions[0]!.type} event differently: ${values.join(' vs ')}`,
      claims,
      [mentions[0]!.eventId],
      mentions.flatMap((m) => m.actors),
    ),
  ];
}

/** The group a dated mention is compared within for `crossEventDateConflicts`: its type and participants. */
export const dateGroupOf = (m: { type: string; actors: string[] }) =>
  `${m.type}|${uniq(m.actors).join('+')}`;

/**
 * Across events: mentions of one type and pair, dated within a week of each other, that the
 * merge rule calls one event with conflicting dates. `apartInOneSource(x, y)` says whether one
 * document reports both events (it then tells them apart itself: "in 2015 and 2016"). Sorting by
 * date keeps this near-linear; a mention repeating an earlier one of its event (same date,
 * participants and sentence) changes nothing and is skipped.
 */
export function crossEventDateConflicts(
  mentions: MentionRecord[],
  apartInOneSource: (x: number, y: number) => boolean,
): Conflict[] {
  const out: Conflict[] = [];
  const groups = new Map<string, MentionRecord[]>();
  const repeated = new Set<string>();
  for (const m of mentions) {
    if (!dateBounds(m.date)) continue;
    // Two mentions of one event differing only in their document meet every other mention
    // alike: a pair of theirs from one document means one source reports both events, which
    // `apartInOneSource` refuses for every pair anyway.
    const same = JSON.stringify([
      m.eventId,
      m.type,
      m.date,
      m.actors,
      m.source,
      m.target,
      m.evidence.text,
    ]);
    if (repeated.has(same)) continue;
    repeated.add(same);
    const k = dateGroupOf(m);
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  const reported = new Set<string>();
  for (const group of groups.values()) {
    group.sort((x, y) => dateBounds(x.date)![0].localeCompare(dateBounds(y.date)![0]));
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (
          (dateGap(a.date, b.date) ?? Infinity) > NEAR_DAYS &&
          dateBounds(b.date)![0] > dateBounds(a.date)![1]
        )
          break;
        // Within one document the extractor already merged what it saw as one event: two events
        // left apart there ("updated in 2015 and 2016") are two on purpose.
        if (a.eventId === b.eventId || a.documentId === b.documentId) continue;
        const pair = [a.eventId, b.eventId].sort((x, y) => x - y).join('+');
        if (
          reported.has(pair) ||
          apartInOneSource(a.eventId, b.eventId) ||
          sameEvent(factsOf(a), factsOf(b)).conflict !== 'date'
        )
          continue;
        reported.add(pair);
        const claims = [claimOf(a, a.date!), claimOf(b, b.date!)];
        out.push(
          conflict(
            'date',
            `one ${a.type} event, stored twice because its sources date it ${a.date} and ${b.date}`,
            claims,
            [a.eventId, b.eventId],
            [...a.actors, ...b.actors],
          ),
        );
      }
    }
  }
  return out;
}

/** "first", "second", …, "21st". */
export function ordinalWord(rank: number): string {
  return ORDINAL_WORDS[rank] ?? `${rank}th`;
}

const ordinalValue = (o: OrdinalRecord) =>
  `${o.holder ?? '?'} ${ordinalWord(o.rank)} ${o.of} to ${o.verb ?? o.predicate}${o.objects.length ? ` ${o.objects.join('+')}` : ''}${o.after.length ? ` after ${o.after.join(', ')}` : ''}`;

/** The group a rank claim is compared within: the act, what it is done to, and the ranked class. */
export const rankGroupOf = (o: Pick<OrdinalRecord, 'predicate' | 'objects' | 'of'>) =>
  `${o.predicate}|${uniq(o.objects).join('+')}|${o.of}`;

/**
 * Rank claims that cannot all hold: one holder given two ranks for one act ("first" vs
 * "second … after Turkey"), or one rank given to two holders ("Pakistan was the first" vs
 * "Turkey was the first").
 */
export function ordinalConflicts(ordinals: OrdinalRecord[]): Conflict[] {
  const out: Conflict[] = [];
  const groups = new Map<string, OrdinalRecord[]>();
  for (const o of ordinals) {
    const k = rankGroupOf(o);
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  for (const group of groups.values()) {
    const seen = new Set<string>();
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (sameOrigin(a, b)) continue;
        let why: string | null = null;
        if (a.holder && a.holder === b.holder && a.rank !== b.rank) {
          why = `${a.holder} is called both the ${ordinalWord(a.rank)} and the ${ordinalWord(b.rank)} ${a.of} to ${a.verb ?? a.predicate}`;
        } else if (a.holder && b.holder && a.holder !== b.holder && a.rank === b.rank) {
          why = `${a.holder} and ${b.holder} are both called the ${ordinalWord(a.rank)} ${a.of} to ${a.verb ?? a.predicate}`;
        } else if (
          a.holder &&
          b.holder &&
          a.holder !== b.holder &&
          (a.after.includes(b.holder)
            ? a.rank <= b.rank
            : b.after.includes(a.holder) && b.rank <= a.rank)
        ) {
          why = `ranks of ${a.holder} and ${b.holder} contradict the order stated`;
        }
        if (!why) continue;
        // A rank restated in the same document is one claim: report each disagreement once.
        const k = [`${a.documentId}:${a.holder}:${a.rank}`, `${b.documentId}:${b.holder}:${b.rank}`]
          .sort()
          .join('|');
        if (seen.has(k)) continue;
        seen.add(k);
        const eventIds = [a.eventId, b.eventId].filter((e): e is number => e !== null);
        out.push(
          conflict(
            'ordinal',
            why,
            [claimOf(a, ordinalValue(a)), claimOf(b, ordinalValue(b))],
            eventIds,
            [a.holder, b.holder, ...a.objects, ...b.objects, ...a.after, ...b.after].filter(
              (c): c is string => !!c,
            ),
          ),
        );
      }
    }
  }
  return out;
}

/** The range of true values a figure admits: "more than 613" is [613, ∞), "around 40" is [36, 44]. */
export function figureRange(value: number, qualifier: string | null): [number, number] {
  switch (qualifier) {
    case 'more than':
    case 'at least':
      return [value, Infinity];
    case 'less than':
    case 'up to':
      return [0, value];
    case 'nearly':
      return [value * 0.85, value];
    case 'around':
      return [value * 0.9, value * 1.1];
    default: {
      // A round figure ("600 people") is itself an approximation.
      const round = value >= 100 && value % 10 === 0;
      return round ? [value * 0.95, value * 1.05] : [value, value];
    }
  }
}

const overlapping = (a: string[], b: string[]) => a.some((c) => b.includes(c));

const figureValue = (f: FigureRecord) =>
  `${f.qualifier ? `${f.qualifier} ` : ''}${f.value} ${f.unit} ${f.measure}${f.date ? ` (${f.date})` : ''}`;

/**
 * Figures for the same measure of the same thing whose admitted ranges do not meet. "The same
 * thing" needs the same measure and unit, shared participants, and either compatible dates
 * or the same named subject: two undated death tolls of unnamed events are not compared.
 */
export function figureConflicts(figures: FigureRecord[]): Conflict[] {
  const out: Conflict[] = [];
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i]!;
      const b = figures[j]!;
      if (a.measure !== b.measure || a.unit !== b.unit || !overlapping(a.actors, b.actors))
        continue;
      // "including 70 old people" counts a part: set against a whole it would always disagree.
      if (a.part || b.part) continue;
      // Overlapping evidence in one document is one statement: "613 people, including … 70 old
      // people" gives a total and its parts, not two tolls.
      if (
        a.documentId === b.documentId &&
        a.evidence.start < b.evidence.end &&
        b.evidence.start < a.evidence.end
      )
        continue;
      const bothDated = !!a.date && !!b.date;
      const sameSubject = !!a.about && !!b.about && a.about.toLowerCase() === b.about.toLowerCase();
      if (bothDated ? !datesCompatible(a.date, b.date) : !sameSubject) continue;
      if (a.about && b.about && !sameSubject) continue;
      const [lo1, hi1] = figureRange(a.value, a.qualifier);
      const [lo2, hi2] = figureRange(b.value, b.qualifier);
      if (hi1 >= lo2 && hi2 >= lo1) continue;
      const what = `${a.measure} (${a.unit})${a.about ? ` in ${a.about}` : ''}${a.date ? ` ${a.date}` : ''}`;
      out.push(
        conflict(
          'figure',
          `figures for ${what} disagree: ${figureValue(a)} vs ${figureValue(b)}`,
          [claimOf(a, figureValue(a)), claimOf(b, figureValue(b))],
          [],
          [...a.actors, ...b.actors],
        ),
      );
    }
  }
  return out;
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/**
 * Inside one document: a span of years ending at a date ("after 80 years of struggle … in
 * 1991", so from about 1911) against the stated start of a period about the same participants
 * ("From 1920s"). A round span is read loosely: "80 years" is 75–85.
 */
export function arithmeticConflicts(
  durations: DurationRecord[],
  starts: PeriodStartRecord[],
): Conflict[] {
  const out: Conflict[] = [];
  for (const d of durations) {
    const end = dateBounds(d.end);
    if (!end) continue;
    const slack =
      d.years >= 20 && d.years % 10 === 0 ? 5 : d.years >= 10 && d.years % 5 === 0 ? 2 : 1;
    const implied: [number, number] = [
      yearOf(end[0]) - d.years - slack,
      yearOf(end[1]) - d.years + slack,
    ];
    for (const s of starts) {
      if (s.documentId !== d.documentId) continue;
      const sa = uniq(s.actors);
      const da = uniq(d.actors);
      if (!sa.length || sa.join() !== da.join()) continue;
      const start = dateBounds(s.start);
      if (!start || yearOf(start[0]) > yearOf(end[1])) continue;
      const [lo, hi] = [yearOf(start[0]), yearOf(start[1])];
      if (hi >= implied[0] && lo <= implied[1]) continue;
      const from = yearOf(end[0]) - d.years;
      const claims = [
        claimOf(d, `${d.years} years of ${d.what} ending ${d.end}: from about ${from}`),
        claimOf(s, `from ${s.start}`),
      ];
      out.push(
        conflict(
          'arithmetic',
          `${d.years} years of ${d.what} ending in ${d.end} puts its start near ${from}, but the text also dates it from ${s.start}`,
          claims,
          [],
          sa,
        ),
      );
    }
  }
  return out;
}

/** A disagreement repeated by a hundred copies of one story lists a sample of its sources. */
export const MAX_CLAIMS = 20;

/** Every conflict in the input, one per distinct disagreement, in a stable order (kind, then key). */
export function findConflicts(input: ConflictInput): Conflict[] {
  return mergeConflicts([
    ...dateConflicts(input.mentions),
    ...ordinalConflicts(input.ordinals),
    ...figureConflicts(input.figures),
    ...arithmeticConflicts(input.durations, input.periodStarts),
  ]);
}

const claimId = (c: ConflictClaim) =>
  `${c.documentId}\u0000${c.evidence.start}\u0000${c.evidence.end}\u0000${c.value}`;

const byOrigin = (a: ConflictClaim, b: ConflictClaim) =>
  (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) ||
  a.evidence.start - b.evidence.start ||
  a.evidence.end - b.evidence.end ||
  (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/**
 * The claims a conflict lists, whatever order they were found in: the first claim (by document
 * and offset) of each value, so that every side of the disagreement shows, then the others by
 * document and offset, up to `MAX_CLAIMS`.
 */
export function sampleClaims(claims: Iterable<ConflictClaim>): ConflictClaim[] {
  const sorted = [...claims].sort(byOrigin);
  const firsts = new Map<string, ConflictClaim>();
  for (const c of sorted) if (!firsts.has(c.value)) firsts.set(c.value, c);
  const first = new Set(firsts.values());
  return [...first, ...sorted.filter((c) => !first.has(c))].slice(0, MAX_CLAIMS);
}

/**
 * One conflict per key, in a stable order (kind, then key), the same whatever order the parts
 * come in (ingest detects group by group, `ties conflicts --rescan` all at once): the claims of
 * every part (a sample: `sampleClaims`), the actors of every part, and the first summary in
 * string order.
 */
export function mergeConflicts(all: Conflict[]): Conflict[] {
  const byKey = new Map<string, { c: Conflict; claims: Map<string, ConflictClaim> }>();
  for (const c of all) {
    let known = byKey.get(c.key);
    if (!known)
      byKey.set(c.key, (known = { c: { ...c, actors: [...c.actors] }, claims: new Map() }));
    else {
      if (c.summary < known.c.summary) known.c.summary = c.summary;
      known.c.actors = uniq([...known.c.actors, ...c.actors]);
    }
    for (const claim of c.claims) known.claims.set(claimId(claim), claim);
  }
  return [...byKey.values()]
    .map(({ c, claims }) => ({ ...c, claims: sampleClaims(claims.values()) }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}
