// Events as users see them: timelines of a pair or of one actor, filtered listings, and counts.
// Stored rows become TimelineEvents here, with names and every source mention.
import { correctionsOfEvents, hasCorrections, type CorrectionRow } from '../store/corrections.repo.ts';
import type { Db } from '../store/db.ts';
import { countEvents, eventsPerType, eventsPerYearAndQuad, mentionSources, queryEvents, type EventFilter, type EventRow } from '../store/events.repo.ts';
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
  evidence: { start: number; end: number; text: string } | null;
  url: string | null;
}

/** An event with its sources: what `ties timeline --json` prints and the API returns. */
export interface TimelineEvent {
  id: string;
  type: string;
  mode: string | null;
  cameo: string | null;
  quad: string;
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
  types?: string[];
  quads?: string[];
  from?: number;
  to?: number;
  documentId?: string;
  /** Free text: events with a mention in a sentence matching it. */
  q?: string;
}

const actor = (code: string | null, text: string | null): TimelineActor | null => (code ? { code, name: nameOf(code), text } : null);

/** Adds names and sources to stored events (one query for all their mentions). */
export function toTimelineEvents(db: Db, rows: EventRow[]): TimelineEvent[] {
  const byEvent = new Map<number, TimelineMention[]>();
  for (const m of mentionSources(db, rows.map((r) => r.id))) {
    let list = byEvent.get(m.eventId);
    if (!list) byEvent.set(m.eventId, (list = []));
    list.push({ documentId: m.documentId, documentTitle: m.documentTitle, documentDate: m.documentDate, evidence: m.evidence, url: m.url });
  }
  const corrected = correctionsByEvent(db, rows.map((r) => r.id));
  const events = rows.map((r): TimelineEvent => ({
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
  }));
  if (corrected.size) events.forEach((e, i) => {
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
export function timeline(db: Db, q: EventsQuery & { a: string }): { a: ActorRef; b: ActorRef | null; events: TimelineEvent[] } {
  const a = resolveActorQuery(q.a);
  const b = q.b ? resolveActorQuery(q.b) : null;
  const rows = queryEvents(db, { ...storeFilter({ ...q, a: undefined, b: undefined }), a: a.code, b: b?.code });
  return { a, b, events: toTimelineEvents(db, rows) };
}

/** A page of events matching a query, with the total. */
export function listEvents(db: Db, q: EventsQuery, limit: number, offset: number): { items: TimelineEvent[]; total: number } {
  const filter = storeFilter(q);
  return { items: toTimelineEvents(db, queryEvents(db, filter, limit, offset)), total: countEvents(db, filter) };
}

/** Events per year (split by quad class) and per type, for a pair or one actor. */
export function stats(db: Db, q: { a: string; b?: string }): {
  byYear: { year: number; total: number; quads: Record<string, number> }[];
  byType: { type: string; count: number }[];
} {
  const filter = storeFilter(q);
  const years = new Map<number, { year: number; total: number; quads: Record<string, number> }>();
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
