// Events as users see them: timelines of a pair or of one actor, filtered listings, and counts.
// Stored rows become TimelineEvents here, with names and every source mention.
import type { QuadClass } from '../codes/plover.ts';
import type { Evidence, PloverType } from '../extract/types.ts';
import {
  correctionsOfEvents,
  hasCorrections,
  type CorrectionRow,
} from '../store/corrections.repo.ts';
import type { Db } from '../store/db.ts';
import { TiesError } from '../errors.ts';
import { impliedDate } from '../store/days.ts';
import {
  countEvents,
  eventPage,
  eventsById,
  eventsPerType,
  eventsPerYearAndQuad,
  mentionDigest,
  mentionSources,
  queryEvents,
  type EventCursor,
  type EventFilter,
  type EventRow,
} from '../store/events.repo.ts';
import { nameOf, resolveActorQuery, type ActorRef } from './actors.service.ts';

/** A participant as the API shows it. */
export interface TimelineActor {
  code: string;
  name: string;
  text: string | null;
}

/** One source of an event. */
export interface TimelineMention {
  documentId: string;
  documentTitle: string | null;
  documentDate: string | null;
  evidence: Evidence | null;
  url: string | null;
}

/** An event with its sources: what `ties timeline --json` prints and the API returns. */
export interface TimelineEvent {
  id: string;
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  quad: QuadClass;
  date: string | null;
  dateFirst: string | null;
  dateLast: string | null;
  source: TimelineActor | null;
  target: TimelineActor | null;
  actors: string[];
  confidence: number;
  negated: boolean;
  mentions: TimelineMention[];
  /** The user's corrections of its mentions, oldest first (only on corrected events). */
  corrections?: EventCorrection[];
}

/** A correction as an event carries it: what it set, the extracted facts it changed, by whom. */
export type EventCorrection = Omit<CorrectionRow, 'status' | 'problem'>;

/** The applied corrections of each of the events (nothing is read when the store has none). */
export function correctionsByEvent(db: Db, eventIds: number[]): Map<number, EventCorrection[]> {
  const out = new Map<number, EventCorrection[]>();
  if (!eventIds.length || !hasCorrections(db)) return out;
  for (const { eventId, status: _s, problem: _p, ...c } of correctionsOfEvents(db, eventIds)) {
    let list = out.get(eventId);
    if (!list) out.set(eventId, (list = []));
    list.push(c);
  }
  return out;
}

/** Filters of an events query as users give them (names or codes, years). */
export interface EventsQuery {
  a?: string;
  b?: string;
  types?: PloverType[];
  quads?: QuadClass[];
  from?: number;
  to?: number;
  documentId?: string;
  /** Free text: events with a mention in a sentence matching it. */
  q?: string;
}

/** A view's filters as the API and the CLI check them (`type`, `quad`, `doc`). */
interface ViewParams {
  a?: string;
  b?: string;
  type?: PloverType[];
  quad?: QuadClass[];
  from?: number;
  to?: number;
  doc?: string;
  q?: string;
}

/** A view's filters as an events query. */
export function eventsQueryOf<V extends ViewParams>(v: V): EventsQuery & { a: V['a'] } {
  const { a, b, from, to, q } = v;
  return { a, b, types: v.type, quads: v.quad, from, to, documentId: v.doc, q };
}

const actor = (code: string | null, text: string | null): TimelineActor | null =>
  code ? { code, name: nameOf(code), text } : null;

/** Adds names and sources to stored events (one query for all their mentions). */
export function toTimelineEvents(db: Db, rows: EventRow[]): TimelineEvent[] {
  const byEvent = new Map<number, TimelineMention[]>();
  for (const m of mentionSources(
    db,
    rows.map((r) => r.id),
  )) {
    let list = byEvent.get(m.eventId);
    if (!list) byEvent.set(m.eventId, (list = []));
    list.push({
      documentId: m.documentId,
      documentTitle: m.documentTitle,
      documentDate: m.documentDate,
      evidence: m.evidence,
      url: m.url,
    });
  }
  const corrected = correctionsByEvent(
    db,
    rows.map((r) => r.id),
  );
  const events = rows.map(
    (r): TimelineEvent => ({
      id: String(r.id),
      type: r.type,
      mode: r.mode,
      cameo: r.cameo,
      quad: r.quad,
      date: r.date,
      dateFirst: r.dateFirst,
      dateLast: r.dateLast,
      source: actor(r.source, r.sourceText),
      target: actor(r.target, r.targetText),
      actors: r.actors,
      confidence: r.confidence,
      negated: r.negated,
      mentions: byEvent.get(r.id) ?? [],
    }),
  );
  if (corrected.size)
    events.forEach((e, i) => {
      const c = corrected.get(rows[i]!.id);
      if (c) e.corrections = c;
    });
  return events;
}

/** Words of free text as an FTS5 query (every word must occur, as a prefix for the last); null when there are none. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return null;
  // Quoting each word keeps FTS5 operators (AND, NEAR, -, *) in user text literal.
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

function storeFilter(q: EventsQuery): EventFilter {
  return {
    a: q.a ? resolveActorQuery(q.a).code : undefined,
    b: q.b ? resolveActorQuery(q.b).code : undefined,
    types: q.types,
    quads: q.quads,
    from: q.from !== undefined ? `${String(q.from).padStart(4, '0')}-01-01` : undefined,
    to: q.to !== undefined ? `${String(q.to).padStart(4, '0')}-12-31` : undefined,
    documentId: q.documentId,
    match: q.q ? (ftsQuery(q.q) ?? '""') : undefined,
  };
}

/** The timeline of a pair (or of everything involving `a`): date order, undated last. */
export function timeline(
  db: Db,
  q: EventsQuery & { a: string },
): { a: ActorRef; b: ActorRef | null; events: TimelineEvent[] } {
  const a = resolveActorQuery(q.a);
  const b = q.b ? resolveActorQuery(q.b) : null;
  const rows = queryEvents(db, {
    ...storeFilter({ ...q, a: undefined, b: undefined }),
    a: a.code,
    b: b?.code,
  });
  return { a, b, events: toTimelineEvents(db, rows) };
}

/** A page of events matching a query, with the total. */
export function listEvents(
  db: Db,
  q: EventsQuery,
  limit: number,
  offset: number,
): { items: TimelineEvent[]; total: number } {
  const filter = storeFilter(q);
  return {
    items: toTimelineEvents(db, queryEvents(db, filter, limit, offset)),
    total: countEvents(db, filter),
  };
}

/** Events per year (split by quad class) and per type, for a pair or one actor. */
export function stats(
  db: Db,
  q: { a: string; b?: string },
): {
  byYear: { year: number; total: number; quads: Partial<Record<QuadClass, number>> }[];
  byType: { type: PloverType; count: number }[];
} {
  const filter = storeFilter(q);
  const years = new Map<
    number,
    { year: number; total: number; quads: Partial<Record<QuadClass, number>> }
  >();
  for (const r of eventsPerYearAndQuad(db, filter)) {
    let y = years.get(r.year);
    if (!y) years.set(r.year, (y = { year: r.year, total: 0, quads: {} }));
    y.total += r.count;
    y.quads[r.quad] = r.count;
  }
  return { byYear: [...years.values()], byType: eventsPerType(db, filter) };
}

/** How many events are stored. */
export function eventTotal(db: Db): number {
  return countEvents(db);
}

/**
 * One page of a timeline in the compact form the explorer draws: parallel arrays, one entry per
 * event, with actors, types, classes and documents as indexes into the page's own tables. What
 * the canvas, the list and the filters need, and nothing else; an event's sources, mode, CAMEO
 * code and confidence come from `GET /api/events/:id` when it is opened.
 */
export interface CompactTimeline {
  a: ActorRef;
  b: ActorRef | null;
  /** Events of the whole view (every page). */
  total: number;
  /** The cursor of the next page, or null on the last. */
  next: string | null;
  actors: ActorRef[];
  types: PloverType[];
  quads: QuadClass[];
  /** Document ids. */
  documents: string[];
  /** Ids of the events of this page a user corrected (their details say how). */
  corrected: number[];
  events: {
    id: number[];
    /** Index into `types`, and into `quads`. */
    type: number[];
    quad: number[];
    /**
     * The contract date ("1991-12-12", "2003-05", "1920/1929"), or 0 when undated or when it is
     * the day, month or year `first`–`last` span (`impliedDate` of src/store/days.ts gives it back).
     */
    date: (string | 0)[];
    /** First and last day (days since 1970-01-01), or null when undated. */
    first: (number | null)[];
    last: (number | null)[];
    /** Index into `actors`, or -1. */
    source: number[];
    target: number[];
    /** Every participant, as indexes into `actors`. */
    actors: number[][];
    /** 1 when the text says the event did not happen. */
    negated: number[];
    /** How many mentions (sources) the event has. */
    mentions: number[];
    /** The documents that state it, as indexes into `documents`. */
    documents: number[][];
    /** The start of its first evidence sentence (at most TEXT_CHARS characters), or "". */
    text: string[];
  };
}

/** Characters of an event's first sentence the compact timeline carries (for the list and labels). */
export const TEXT_CHARS = 90;

/** The most events one page of `GET /api/timeline` holds, and how many it holds by default. */
export const TIMELINE_PAGE = { max: 10_000, default: 5_000 };

function shortText(text: string | null): string {
  if (!text) return '';
  // Only the start is kept: no need to scan a long sentence to its end.
  const t = text
    .slice(0, TEXT_CHARS * 2)
    .replace(/\s+/g, ' ')
    .trim();
  if (t.length <= TEXT_CHARS) return t;
  // Cut at a word boundary so a label never ends inside a word.
  const cut = t.lastIndexOf(' ', TEXT_CHARS - 1);
  return `${t.slice(0, cut > TEXT_CHARS / 2 ? cut : TEXT_CHARS - 1)}…`;
}

/** A page cursor as the API shows it. */
export function encodeCursor(c: EventCursor): string {
  return `${c.first}_${c.last}_${c.id}`;
}

/** Reads a cursor of `encodeCursor`; throws INVALID for anything else. */
export function decodeCursor(s: string): EventCursor {
  const m = /^(-?\d{1,10})_(-?\d{1,10})_(\d{1,15})$/.exec(s);
  if (!m)
    throw new TiesError(
      'INVALID',
      'cursor is not a cursor this server gave (use the `next` of the previous page)',
    );
  return { first: Number(m[1]), last: Number(m[2]), id: Number(m[3]) };
}

/** One page of the compact timeline of a pair (or of everything involving `a`), date order, undated last. */
export function compactTimeline(
  db: Db,
  q: EventsQuery & { a: string },
  limit: number,
  cursor: string | null,
): CompactTimeline {
  const a = resolveActorQuery(q.a);
  const b = q.b ? resolveActorQuery(q.b) : null;
  const filter = { ...storeFilter({ ...q, a: undefined, b: undefined }), a: a.code, b: b?.code };
  const { rows, next } = eventPage(db, filter, limit, cursor ? decodeCursor(cursor) : null);
  const digest = mentionDigest(
    db,
    rows.map((r) => r.id),
  );
  const table = <T>() => {
    const list: T[] = [];
    const index = new Map<T, number>();
    return {
      list,
      of(v: T): number {
        let i = index.get(v);
        if (i === undefined) index.set(v, (i = list.push(v) - 1));
        return i;
      },
    };
  };
  const actors = table<string>();
  const types = table<PloverType>();
  const quads = table<QuadClass>();
  const documents = table<string>();
  const n = rows.length;
  const ev: CompactTimeline['events'] = {
    id: new Array(n),
    type: new Array(n),
    quad: new Array(n),
    date: new Array(n),
    first: new Array(n),
    last: new Array(n),
    source: new Array(n),
    target: new Array(n),
    actors: new Array(n),
    negated: new Array(n),
    mentions: new Array(n),
    documents: new Array(n),
    text: new Array(n),
  };
  rows.forEach((r, i) => {
    const d = digest.get(r.id);
    ev.id[i] = r.id;
    ev.type[i] = types.of(r.type);
    ev.quad[i] = quads.of(r.quad);
    // Day numbers, as stored: the page places them without parsing dates.
    const { first, last } = r;
    ev.first[i] = first;
    ev.last[i] = last;
    // Most dates are a day, a month or a year: the range says it, in 1 byte instead of 12.
    ev.date[i] =
      r.date === null || (first !== null && last !== null && impliedDate(first, last) === r.date)
        ? 0
        : r.date;
    ev.source[i] = r.source ? actors.of(r.source) : -1;
    ev.target[i] = r.target ? actors.of(r.target) : -1;
    ev.actors[i] = (JSON.parse(r.actorsJson) as string[]).map((c) => actors.of(c));
    ev.negated[i] = r.negated === 1 ? 1 : 0;
    ev.mentions[i] = r.mentionCount;
    ev.documents[i] = (d?.documents ?? []).map((id) => documents.of(id));
    ev.text[i] = shortText(d?.text ?? null);
  });
  return {
    a,
    b,
    // One page holding the whole view counts itself.
    total: !cursor && !next ? rows.length : countEvents(db, filter),
    next: next ? encodeCursor(next) : null,
    actors: actors.list.map((code) => ({ code, name: nameOf(code) })),
    types: types.list,
    quads: quads.list,
    documents: documents.list,
    corrected: [
      ...correctionsByEvent(
        db,
        rows.map((r) => r.id),
      ).keys(),
    ],
    events: ev,
  };
}

/** One event with its sources (`GET /api/events/:id`); throws NOT_FOUND. */
export function eventDetail(db: Db, id: string): TimelineEvent {
  const n = /^\d{1,15}$/.test(id) ? Number(id) : NaN;
  const row = Number.isNaN(n) ? undefined : eventsById(db, [n])[0];
  if (!row) throw new TiesError('NOT_FOUND', `no event ${id}`);
  return toTimelineEvents(db, [row])[0]!;
}
