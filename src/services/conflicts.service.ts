// Conflicts between sources, as stored: ingest keeps them up to date group by group
// (conflict-index.ts), so listing them and explaining an event are index lookups, paged.
import type { Evidence } from '../extract/types.ts';
import { TiesError } from '../errors.ts';
import type { Conflict, ConflictKind } from '../merge/conflicts.ts';
import { sameEvent, type SameEventVerdict } from '../merge/same-event.ts';
import {
  countConflicts,
  countMentionsOfEvent,
  eventById,
  listFigures,
  listStances,
  mentionsOfEvent,
  pageConflicts,
  type ConflictRow,
  type FigureRow,
  type StanceRow,
} from '../store/conflicts.repo.ts';
import type { Db } from '../store/db.ts';
import { resolveActorQuery, type ActorRef } from './actors.service.ts';
import { backfillConflicts, redetectAll } from './conflict-index.ts';
import { toTimelineEvents, type TimelineEvent } from './events.service.ts';

/** A conflict as the CLI's `--json` and `GET /api/conflicts` show it. */
export interface ConflictView {
  id: number;
  kind: Conflict['kind'];
  summary: string;
  actors: string[];
  eventIds: string[];
  claims: { documentId: string; documentTitle: string | null; evidence: Evidence; value: string }[];
}

/** Options of `detectConflicts`. */
export interface DetectOptions {
  /** Detect every group again, not only read the claims of documents stored without them. */
  force?: boolean;
  /** The time recorded as detection time (tests fix it). */
  now?: string;
}

/**
 * Reads the claims of documents stored without them (a store made before ingest kept them) and,
 * with `force`, detects every group again; returns whether anything ran. Ingest keeps conflicts
 * up to date, so reads never call this; `ties conflicts` and opening a store for serving do.
 */
export function detectConflicts(db: Db, options: DetectOptions = {}): boolean {
  const read = backfillConflicts(db);
  if (options.force) redetectAll(db, options.now);
  return read > 0 || options.force === true;
}

const view = (r: ConflictRow): ConflictView => ({
  id: r.id,
  kind: r.kind,
  summary: r.summary,
  actors: r.actors,
  eventIds: r.eventIds.map(String),
  claims: r.claims.map((c) => ({
    documentId: c.documentId,
    documentTitle: c.documentTitle,
    evidence: c.evidence,
    value: c.value,
  })),
});

/** A query of the conflict listing; without `limit`, every conflict. */
export interface ConflictsQuery {
  a?: string;
  b?: string;
  event?: string;
  limit?: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}

/** One page of conflicts, with how many there are of each kind. */
export interface ConflictsPage {
  a: ActorRef | null;
  b: ActorRef | null;
  items: ConflictView[];
  total: number;
  counts: Record<ConflictKind, number>;
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
}

// The cursor is the key of the page's last conflict, opaque to clients.
const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^(?:date|ordinal|figure|arithmetic):/.test(key))
    throw new TiesError('INVALID', 'cursor is not a cursor this server gave');
  return key;
}

/** Conflicts about `a` (and `b`), or about one event, in a stable order, a page at a time. */
export function conflicts(db: Db, q: ConflictsQuery): ConflictsPage {
  const a = q.a ? resolveActorQuery(q.a) : null;
  const b = q.b ? resolveActorQuery(q.b) : null;
  const filter = {
    a: a?.code,
    b: b?.code,
    eventId: q.event !== undefined ? Number(q.event) : undefined,
  };
  const limit = q.limit ?? -1;
  // One more than the page tells whether there is a next page.
  const rows = pageConflicts(
    db,
    filter,
    limit < 0 ? -1 : limit + 1,
    q.cursor ? decodeCursor(q.cursor) : null,
  );
  const more = limit >= 0 && rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map(view);
  const counts = countConflicts(db, filter);
  const total = Object.values(counts).reduce((n, c) => n + c, 0);
  return {
    a,
    b,
    items,
    total,
    counts,
    nextCursor: more ? encodeCursor(rows[limit - 1]!.key) : null,
  };
}

/** Why one merged event is one: its mentions, the merge verdict between them, its conflicts. */
export interface EventExplanation {
  event: TimelineEvent;
  /** For each later mention of the page, the verdict of `sameEvent` against the first. */
  verdicts: { mentions: [number, number]; verdict: SameEventVerdict }[];
  /** How many mentions with evidence the event has; verdicts are paged over them. */
  mentionCount: number;
  /** The `cursor` of the next page of verdicts, or null. */
  nextCursor: string | null;
  /** The event's conflicts (the first page), and how many there are. */
  conflicts: ConflictView[];
  conflictCount: number;
}

/** Options of `explainEvent`: a page of verdicts. */
export interface ExplainOptions {
  limit?: number;
  cursor?: string;
}

/** Explains event `id`: why its mentions were merged (a page of them), and where they disagree. */
export function explainEvent(db: Db, id: string, options: ExplainOptions = {}): EventExplanation {
  const eventId = Number(id);
  const row = Number.isInteger(eventId) ? eventById(db, eventId) : null;
  if (!row)
    throw new TiesError(
      'NOT_FOUND',
      `no event ${id} (ids are in 'ties timeline --json' and the API)`,
    );
  const limit = options.limit ?? -1;
  const from = options.cursor !== undefined ? Number(options.cursor) : 1;
  if (!Number.isInteger(from) || from < 1)
    throw new TiesError('INVALID', 'cursor is not a cursor this server gave');
  const [first] = mentionsOfEvent(db, eventId, 1, 0);
  const later = mentionsOfEvent(db, eventId, limit, from);
  const mentionCount = countMentionsOfEvent(db, eventId);
  const facts = (m: NonNullable<typeof first>) => ({
    type: m.type,
    date: m.date,
    actors: m.actors,
    source: m.source,
    target: m.target,
    evidenceText: m.evidence.text,
  });
  const verdicts: EventExplanation['verdicts'] = first
    ? later.map((m, i) => ({ mentions: [0, from + i], verdict: sameEvent(facts(first), facts(m)) }))
    : [];
  const next = from + later.length;
  const page = conflicts(db, { event: String(eventId), limit: limit < 0 ? undefined : limit });
  return {
    event: toTimelineEvents(db, [row])[0]!,
    verdicts,
    mentionCount,
    nextCursor: limit >= 0 && next < mentionCount ? String(next) : null,
    conflicts: page.items,
    conflictCount: page.total,
  };
}

/** Figures about `a` (and `b`), each with its document and evidence. */
export function figures(
  db: Db,
  q: { a: string; b?: string },
): { a: ActorRef; b: ActorRef | null; items: FigureRow[] } {
  const a = resolveActorQuery(q.a);
  const b = q.b ? resolveActorQuery(q.b) : null;
  return { a, b, items: listFigures(db, { a: a.code, b: b?.code }) };
}

/** Stances held by or about `a` (between `a` and `b` when given). */
export function stances(
  db: Db,
  q: { a: string; b?: string },
): { a: ActorRef; b: ActorRef | null; items: StanceRow[] } {
  const a = resolveActorQuery(q.a);
  const b = q.b ? resolveActorQuery(q.b) : null;
  return { a, b, items: listStances(db, { a: a.code, b: b?.code }) };
}
