// Merged events, their participants and pairs, and the per-document mentions they merge.
import type { QuadClass } from '../codes/plover.ts';
import type { Evidence, PloverType } from '../extract/types.ts';
import { prepared, type Db } from './db.ts';
import type { MentionFacts } from '../merge/same-event.ts';
import { fromDay, toDay } from './days.ts';
import { SENTENCE_SQL } from './documents.repo.ts';

/** What is stored of a merged event (days as ISO strings at this boundary). */
export interface EventFields {
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  quad: QuadClass;
  date: string | null;
  dateFirst: string | null;
  dateLast: string | null;
  source: string | null;
  sourceText: string | null;
  target: string | null;
  targetText: string | null;
  actors: string[];
  negated: boolean;
  confidence: number;
}

/** A stored event. */
export interface EventRow extends EventFields {
  id: number;
  mentionCount: number;
}

/** A mention of an event in one document, as stored: the event's facts as this document states them. */
export interface MentionFields extends Omit<EventFields, 'quad'> {
  documentId: string;
  extractionId: string;
  evidence: Evidence | null;
  moreEvidence: Evidence[] | null;
}

/** A mention joined with its document, for showing an event's sources. */
export interface MentionSource {
  eventId: number;
  documentId: string;
  documentTitle: string | null;
  documentDate: string | null;
  url: string | null;
  date: string | null;
  dateFirst: string | null;
  dateLast: string | null;
  evidence: Evidence | null;
}

/** Filters of an event query; every field narrows the set. Days are ISO `YYYY-MM-DD`. */
export interface EventFilter {
  /** With `b`: events between the pair; alone: events involving `a`. */
  a?: string;
  b?: string;
  types?: PloverType[];
  quads?: QuadClass[];
  /** Events whose dates reach into [from, to]; undated events drop out when either is set. */
  from?: string;
  to?: string;
  documentId?: string;
  /** An FTS5 query: events with a mention in a matching sentence. */
  match?: string;
}

/** The sorted pair of codes for the pair index (`b` null for a one-party event). */
export function sortedPair(a: string, b: string | null): [string, string | null] {
  if (b === null || a === b) return [a, null];
  return a < b ? [a, b] : [b, a];
}

/** The pair an event is indexed under: source and target, else its first two participants. */
export function mainPair(
  e: Pick<EventFields, 'source' | 'target' | 'actors'>,
): [string, string | null] {
  // The first two distinct codes among source, target and the participants, in that order.
  let first: string | null = null;
  for (const c of [e.source, e.target, ...e.actors]) {
    if (!c) continue;
    if (first === null) first = c;
    else if (c !== first) return sortedPair(first, c);
  }
  return sortedPair(first ?? '', null);
}

const EVENT_COLUMNS = `e.id, e.type, e.mode, e.cameo, e.quad, e.date, e.date_first AS dateFirst,
  e.date_last AS dateLast, e.source, e.source_text AS sourceText, e.target, e.target_text AS targetText,
  e.actors, e.negated, e.confidence, e.mention_count AS mentionCount`;

interface RawEvent extends Omit<EventRow, 'actors' | 'negated' | 'dateFirst' | 'dateLast'> {
  actors: string;
  negated: number;
  dateFirst: number | null;
  dateLast: number | null;
}

// Field by field rather than a spread: a timeline converts 10,000 rows, and the keys keep their order.
function toEvent(r: RawEvent): EventRow {
  return {
    id: r.id,
    type: r.type,
    mode: r.mode,
    cameo: r.cameo,
    quad: r.quad,
    date: r.date,
    dateFirst: fromDay(r.dateFirst),
    dateLast: fromDay(r.dateLast),
    source: r.source,
    sourceText: r.sourceText,
    target: r.target,
    targetText: r.targetText,
    actors: JSON.parse(r.actors) as string[],
    negated: r.negated === 1,
    confidence: r.confidence,
    mentionCount: r.mentionCount,
  };
}

/** An event's column values in the order of the insert and the update below. */
function eventColumns(e: EventFields, mentionCount: number) {
  const [actor1, actor2] = mainPair(e);
  return [
    e.type,
    e.mode,
    e.cameo,
    e.quad,
    e.date,
    toDay(e.dateFirst),
    toDay(e.dateLast),
    e.source,
    e.sourceText,
    e.target,
    e.targetText,
    JSON.stringify(e.actors),
    actor1,
    actor2,
    e.negated ? 1 : 0,
    e.confidence,
    mentionCount,
  ] as const;
}

/** Prepared statements for writing events, built once per connection and batch. */
function eventWriter(db: Db) {
  // Positional parameters: ingest writes several events per document, and binding by name costs more.
  const insert = prepared(
    db,
    `INSERT INTO events (type, mode, cameo, quad, date, date_first, date_last, source, source_text,
       target, target_text, actors, actor1, actor2, negated, confidence, mention_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const actor = prepared(db, `INSERT OR IGNORE INTO event_actors (code, event_id) VALUES (?, ?)`);
  const pair = prepared(
    db,
    `INSERT OR IGNORE INTO event_pairs (actor1, actor2, event_id) VALUES (?, ?, ?)`,
  );
  return (e: EventFields, mentionCount: number): number => {
    const [actor1, actor2] = mainPair(e);
    const id = Number(insert.run(...eventColumns(e, mentionCount)).lastInsertRowid);
    const codes = e.actors.length > 1 ? [...new Set(e.actors)].sort() : e.actors;
    for (const code of codes) actor.run(code, id);
    if (codes.length > 2) {
      for (let i = 0; i < codes.length; i++) {
        for (let j = i + 1; j < codes.length; j++) {
          const a1 = codes[i] as string;
          const a2 = codes[j] as string;
          if (a1 !== actor1 || a2 !== actor2) pair.run(a1, a2, id);
        }
      }
    }
    return id;
  };
}

/** Inserts a merged event with its participants and pairs; returns its id. */
export function insertEvent(db: Db, e: EventFields, mentionCount = 0): number {
  return eventWriter(db)(e, mentionCount);
}

/** Inserts many events in one transaction (imports, benchmarks); returns the first new id. */
export function bulkInsertEvents(db: Db, events: Iterable<EventFields>): number {
  const write = eventWriter(db);
  let first = -1;
  db.transaction(() => {
    for (const e of events) {
      const id = write(e, 0);
      if (first < 0) first = id;
    }
  })();
  return first;
}

// Wider than this (in days, last minus first) an event is read through events_pair_wide.
const WIDE = 366;

/**
 * Events a new mention may merge into: same pair, type and negation, and overlapping dates (or
 * both undated). The caller decides with `sameEvent`; this only narrows by index.
 */
export function candidateEvents(
  db: Db,
  m: {
    type: PloverType;
    negated: boolean;
    dateFirst: string | null;
    dateLast: string | null;
  } & Pick<EventFields, 'source' | 'target' | 'actors'>,
): EventRow[] {
  const [actor1, actor2] = mainPair(m);
  const dated = m.dateFirst !== null && m.dateLast !== null;
  // The unary + keeps the planner on events_pair: without ANALYZE statistics it would pick the
  // type index and walk every event of the type. A dated mention reads two bounded slices: events
  // starting at most WIDE days before it (every event no wider than that), and the wide events
  // from the partial index events_pair_wide (migration 0004); together exactly the overlapping ones.
  const pair = `e.actor1 = @actor1 AND ${actor2 === null ? 'e.actor2 IS NULL' : 'e.actor2 = @actor2'} AND +e.type = @type AND +e.negated = @negated`;
  const sql = dated
    ? `SELECT ${EVENT_COLUMNS} FROM events e
       WHERE ${pair} AND e.date_first BETWEEN @near AND @last AND +e.date_last >= @first
       UNION ALL
       SELECT ${EVENT_COLUMNS} FROM events e
       WHERE ${pair} AND e.date_first < @near AND e.date_last - e.date_first > ${WIDE} AND +e.date_last >= @first
       ORDER BY 1`
    : `SELECT ${EVENT_COLUMNS} FROM events e WHERE ${pair} AND e.date_first IS NULL ORDER BY e.id`;
  const first = toDay(m.dateFirst);
  const rows = prepared(db, sql).all({
    actor1,
    actor2,
    type: m.type,
    negated: m.negated ? 1 : 0,
    first,
    last: toDay(m.dateLast),
    near: first === null ? null : first - WIDE,
  }) as RawEvent[];
  return rows.map(toEvent);
}

/** The events of one merge key (sorted pair, type, negation) with what the merge reads of their mentions. */
export interface KeyEvent {
  event: EventRow;
  /** Distinct statements (evidence, date, source, target) of its mentions, oldest first, at most MERGE_MENTIONS. */
  mentions: MentionFacts[];
}

/** Statements of an event the merge compares a new mention with: this many distinct ones say all its sources can say. */
export const MERGE_MENTIONS = 50;

/**
 * Every event of a merge key in id order, with its distinct mention statements, or null when the
 * key has more than `limit` events (the caller then reads candidates by date window instead).
 */
export function eventsOfKey(
  db: Db,
  key: { actor1: string; actor2: string | null; type: PloverType; negated: boolean },
  limit: number,
): KeyEvent[] | null {
  const params = {
    actor1: key.actor1,
    actor2: key.actor2,
    type: key.type,
    negated: key.negated ? 1 : 0,
    limit: limit + 1,
  };
  const pair = `e.actor1 = @actor1 AND ${key.actor2 === null ? 'e.actor2 IS NULL' : 'e.actor2 = @actor2'} AND +e.type = @type AND +e.negated = @negated`;
  const count = prepared(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM events e WHERE ${pair} LIMIT @limit)`,
  )
    .pluck()
    .get(params) as number;
  if (count > limit) return null;
  return keyEvents(db, pair, params);
}

/** One event with its distinct mention statements, as `eventsOfKey` reads them; null when it is gone. */
export function keyEvent(db: Db, id: number): KeyEvent | null {
  return keyEvents(db, 'e.id = @id', { id })[0] ?? null;
}

function keyEvents(db: Db, where: string, params: Record<string, unknown>): KeyEvent[] {
  const rows = prepared(
    db,
    // One row per distinct statement of each event, in the order mentionFactsOfEvent gives them.
    `SELECT ${EVENT_COLUMNS}, m.type AS mType, m.date AS mDate, m.actors AS mActors, m.source AS mSource,
       m.source_text AS mSourceText, m.target AS mTarget, m.target_text AS mTargetText, m.evidence_text AS mEvidence
     FROM events e LEFT JOIN mentions m ON m.event_id = e.id
     WHERE ${where}
     GROUP BY e.id, m.evidence_text, m.date, m.source, m.target
     ORDER BY e.id, min(m.id)`,
  ).all(params) as (RawEvent & {
    mType: PloverType | null;
    mDate: string | null;
    mActors: string;
    mSource: string | null;
    mSourceText: string | null;
    mTarget: string | null;
    mTargetText: string | null;
    mEvidence: string | null;
  })[];
  const out: KeyEvent[] = [];
  let current: KeyEvent | null = null;
  for (const r of rows) {
    if (current?.event.id !== r.id) out.push((current = { event: toEvent(r), mentions: [] }));
    // An event without mentions (none of ties' own ingests makes one) is compared by its own facts.
    if (r.mType === null || current.mentions.length >= MERGE_MENTIONS) continue;
    current.mentions.push({
      type: r.mType,
      date: r.mDate,
      actors: JSON.parse(r.mActors) as string[],
      source: r.mSource,
      sourceText: r.mSourceText,
      target: r.mTarget,
      targetText: r.mTargetText,
      evidenceText: r.mEvidence,
    });
  }
  return out;
}

/** Sets an event's date (the most precise of its mentions) and confidence after a merge. */
export function updateEventDate(
  db: Db,
  id: number,
  date: string | null,
  dateFirst: string | null,
  dateLast: string | null,
): void {
  prepared(db, `UPDATE events SET date = ?, date_first = ?, date_last = ? WHERE id = ?`).run(
    date,
    toDay(dateFirst),
    toDay(dateLast),
    id,
  );
}

/** Recounts an event's mentions and raises its confidence to the best mention's. */
export function refreshEventCounts(db: Db, id: number): number {
  prepared(
    db,
    `UPDATE events SET
       mention_count = (SELECT count(*) FROM mentions WHERE event_id = @id),
       confidence = coalesce((SELECT max(confidence) FROM mentions WHERE event_id = @id), confidence)
     WHERE id = @id`,
  ).run({ id });
  return prepared(db, `SELECT mention_count FROM events WHERE id = ?`).pluck().get(id) as number;
}

/** Counts one more mention of an event and raises its confidence to the mention's if higher. */
export function addMentionToEvent(db: Db, id: number, confidence: number): void {
  prepared(
    db,
    `UPDATE events SET mention_count = mention_count + 1, confidence = max(confidence, ?) WHERE id = ?`,
  ).run(confidence, id);
}

/** Deletes an event (its participants and pairs cascade). */
export function deleteEvent(db: Db, id: number): void {
  prepared(db, `DELETE FROM events WHERE id = ?`).run(id);
}

/** Stores one mention of an event. */
export function insertMention(
  db: Db,
  eventId: number,
  m: MentionFields,
  wording: string | null = null,
): number {
  const statement = prepared(
    db,
    `INSERT INTO mentions (document_id, event_id, extraction_id, type, mode, cameo, date, date_first,
       date_last, source, source_text, target, target_text, actors, evidence_start, evidence_end,
       evidence_text, more_evidence, confidence, negated, wording)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ev = m.evidence;
  return Number(
    statement.run(
      m.documentId,
      eventId,
      m.extractionId,
      m.type,
      m.mode,
      m.cameo,
      m.date,
      toDay(m.dateFirst),
      toDay(m.dateLast),
      m.source,
      m.sourceText,
      m.target,
      m.targetText,
      JSON.stringify(m.actors),
      ev ? ev.start : null,
      ev ? ev.end : null,
      ev ? ev.text : null,
      m.moreEvidence?.length ? JSON.stringify(m.moreEvidence) : null,
      m.confidence,
      m.negated ? 1 : 0,
      wording,
    ).lastInsertRowid,
  );
}

/** The events a document's mentions belong to. */
export function eventIdsOfDocument(db: Db, documentId: string): number[] {
  return prepared(db, `SELECT DISTINCT event_id FROM mentions WHERE document_id = ?`)
    .pluck()
    .all(documentId) as number[];
}

/** Those of `eventIds` that no mention belongs to. */
export function eventsWithoutMentions(db: Db, eventIds: number[]): number[] {
  if (!eventIds.length) return [];
  return prepared(
    db,
    `SELECT value FROM json_each(?)
     WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE event_id = value)`,
  )
    .pluck()
    .all(JSON.stringify(eventIds)) as number[];
}

/** How many mentions a document has. */
export function countMentions(db: Db, documentId: string): number {
  return prepared(db, `SELECT count(*) FROM mentions WHERE document_id = ?`)
    .pluck()
    .get(documentId) as number;
}

/** The dates of an event's mentions, for picking the most precise one. */
export function mentionDates(
  db: Db,
  eventId: number,
): { date: string | null; dateFirst: string | null; dateLast: string | null }[] {
  const rows = prepared(
    db,
    `SELECT date, date_first AS dateFirst, date_last AS dateLast FROM mentions WHERE event_id = ? ORDER BY id`,
  ).all(eventId) as { date: string | null; dateFirst: number | null; dateLast: number | null }[];
  return rows.map((r) => ({
    date: r.date,
    dateFirst: fromDay(r.dateFirst),
    dateLast: fromDay(r.dateLast),
  }));
}

function whereOf(f: EventFilter): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.a && f.b && f.a !== f.b) {
    const [a1, a2] = sortedPair(f.a, f.b);
    Object.assign(params, { a1, a2 });
    clauses.push(`e.id IN (SELECT id FROM events WHERE actor1 = @a1 AND actor2 = @a2
      UNION ALL SELECT event_id FROM event_pairs WHERE actor1 = @a1 AND actor2 = @a2)`);
  } else if (f.a) {
    params.a = f.a;
    clauses.push(`e.id IN (SELECT event_id FROM event_actors WHERE code = @a)`);
  }
  if (f.types?.length === 1) {
    // One type as an equality, so events_type_order serves it in date order.
    params.type = f.types[0];
    clauses.push(`e.type = @type`);
  } else if (f.types?.length) {
    params.types = JSON.stringify(f.types);
    clauses.push(`e.type IN (SELECT value FROM json_each(@types))`);
  }
  if (f.quads?.length) {
    params.quads = JSON.stringify(f.quads);
    clauses.push(`e.quad IN (SELECT value FROM json_each(@quads))`);
  }
  if (f.from) {
    params.from = toDay(f.from);
    clauses.push(`e.date_last >= @from`);
  }
  if (f.to) {
    params.to = toDay(f.to);
    clauses.push(`e.date_first <= @to`);
  }
  if (f.documentId) {
    params.doc = f.documentId;
    clauses.push(`e.id IN (SELECT event_id FROM mentions WHERE document_id = @doc)`);
  }
  if (f.match) {
    params.match = f.match;
    clauses.push(`e.id IN (SELECT m.event_id FROM sentences_fts f
      JOIN documents d ON d.rowid = ${SENTENCE_SQL.documentOf('f.rowid')}
      JOIN mentions m ON m.document_id = d.id AND m.evidence_start < ${SENTENCE_SQL.end('d', 'f.rowid')} AND m.evidence_end > ${SENTENCE_SQL.start('d', 'f.rowid')}
      WHERE sentences_fts MATCH @match)`);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

// Undated events go last (SQLite sorts NULL first). The key is the expression of the
// events_order index (migration 0003), so a paged listing reads the index in order.
const DATE_ORDER = `ORDER BY coalesce(e.date_first, 2147483647), e.date_last, e.id`;

/** Events matching `filter` in date order (undated last); `limit` < 0 means all. */
export function queryEvents(db: Db, filter: EventFilter, limit = -1, offset = 0): EventRow[] {
  const { sql, params } = whereOf(filter);
  const rows = prepared(
    db,
    `SELECT ${EVENT_COLUMNS} FROM events e ${sql} ${DATE_ORDER} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit, offset }) as RawEvent[];
  return rows.map(toEvent);
}

/** How many events match `filter`. */
export function countEvents(db: Db, filter: EventFilter = {}): number {
  const pair = pairOf(filter);
  if (pair) {
    // Each side counted apart (they are disjoint): with no other filter, from indexes alone.
    const { sql, params } = whereOf({ ...filter, a: undefined, b: undefined });
    const rest = sql ? `AND ${sql.slice('WHERE '.length)}` : '';
    return prepared(
      db,
      `SELECT (SELECT count(*) FROM events e WHERE e.actor1 = @a1 AND e.actor2 = @a2 ${rest})
         + (SELECT count(*) FROM event_pairs p ${rest ? 'JOIN events e ON e.id = p.event_id' : ''}
            WHERE p.actor1 = @a1 AND p.actor2 = @a2 ${rest})`,
    )
      .pluck()
      .get({ ...params, a1: pair[0], a2: pair[1] }) as number;
  }
  const { sql, params } = whereOf(filter);
  return prepared(db, `SELECT count(*) FROM events e ${sql}`).pluck().get(params) as number;
}

// The sorted pair of a filter naming two different actors, else null.
function pairOf(f: EventFilter): [string, string] | null {
  return f.a && f.b && f.a !== f.b ? (sortedPair(f.a, f.b) as [string, string]) : null;
}

interface RawMention {
  id: number;
  eventId: number;
  documentId: string;
  date: string | null;
  dateFirst: number | null;
  dateLast: number | null;
  evidenceStart: number | null;
  evidenceEnd: number | null;
  evidenceText: string | null;
}

/** The sources of the given events: each mention with its document (per event: dated documents first, by date). */
export function mentionSources(db: Db, eventIds: number[]): MentionSource[] {
  if (!eventIds.length) return [];
  // Mentions alone, read in (event, id) order from mentions_event; the few documents they cite are
  // read once each afterwards instead of joined per mention (a timeline of 10,000 events has
  // 14,000 mentions from a few hundred documents).
  const rows = prepared(
    db,
    `SELECT m.id, m.event_id AS eventId, m.document_id AS documentId, m.date, m.date_first AS dateFirst,
            m.date_last AS dateLast, m.evidence_start AS evidenceStart, m.evidence_end AS evidenceEnd,
            m.evidence_text AS evidenceText
     FROM mentions m WHERE m.event_id IN (SELECT value FROM json_each(?))
     ORDER BY m.event_id, m.id`,
  ).all(JSON.stringify(eventIds)) as RawMention[];
  const docIds = [...new Set(rows.map((r) => r.documentId))];
  const docs = new Map<string, { title: string | null; date: string | null; url: string | null }>();
  for (const d of prepared(
    db,
    `SELECT id, title, date, url FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(docIds)) as {
    id: string;
    title: string | null;
    date: string | null;
    url: string | null;
  }[]) {
    docs.set(d.id, d);
  }
  const out: MentionSource[] = [];
  let start = 0;
  for (let i = 0; i <= rows.length; i++) {
    if (i < rows.length && rows[i]!.eventId === rows[start]!.eventId) continue;
    const group = rows.slice(start, i);
    // Stable: mentions of documents with the same date (or none) keep their id order.
    if (group.length > 1)
      group.sort((x, y) =>
        byDocumentDate(docs.get(x.documentId)?.date ?? null, docs.get(y.documentId)?.date ?? null),
      );
    for (const r of group) {
      const d = docs.get(r.documentId);
      out.push({
        eventId: r.eventId,
        documentId: r.documentId,
        documentTitle: d?.title ?? null,
        documentDate: d?.date ?? null,
        url: d?.url ?? null,
        date: r.date,
        dateFirst: fromDay(r.dateFirst),
        dateLast: fromDay(r.dateLast),
        evidence:
          r.evidenceStart !== null && r.evidenceEnd !== null
            ? { start: r.evidenceStart, end: r.evidenceEnd, text: r.evidenceText ?? '' }
            : null,
      });
    }
    start = i;
  }
  return out;
}

// `ORDER BY d.date IS NULL, d.date`: dated documents first, by date.
function byDocumentDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Events whose mention evidence overlaps `[start, end)` of a document (a sentence's events). */
export function eventIdsInSpan(db: Db, documentId: string, start: number, end: number): number[] {
  return prepared(
    db,
    `SELECT DISTINCT event_id FROM mentions
       WHERE document_id = ? AND evidence_start < ? AND evidence_end > ? ORDER BY event_id`,
  )
    .pluck()
    .all(documentId, end, start) as number[];
}

/** Every participant code with its number of events, most events first. */
export function actorEventCounts(db: Db): { code: string; events: number }[] {
  return prepared(
    db,
    `SELECT code, count(*) AS events FROM event_actors GROUP BY code ORDER BY events DESC, code`,
  ).all() as { code: string; events: number }[];
}

/** Events per (year of first day, quad) for a filter; undated events are left out. */
export function eventsPerYearAndQuad(
  db: Db,
  filter: EventFilter,
): { year: number; quad: QuadClass; count: number }[] {
  const { sql, params } = whereOf(filter);
  return prepared(
    db,
    `SELECT CAST(strftime('%Y', e.date_first * 86400, 'unixepoch') AS INTEGER) AS year, e.quad, count(*) AS count
       FROM events e ${sql ? `${sql} AND` : 'WHERE'} e.date_first IS NOT NULL
       GROUP BY year, e.quad ORDER BY year, e.quad`,
  ).all(params) as { year: number; quad: QuadClass; count: number }[];
}

/** Events per type for a filter, most first. */
export function eventsPerType(db: Db, filter: EventFilter): { type: PloverType; count: number }[] {
  const { sql, params } = whereOf(filter);
  return prepared(
    db,
    `SELECT e.type, count(*) AS count FROM events e ${sql} GROUP BY e.type ORDER BY count DESC, e.type`,
  ).all(params) as { type: PloverType; count: number }[];
}

/** A stored mention with its id and event, as recomputing an event reads it. */
export interface StoredMention extends MentionFields {
  id: number;
  eventId: number;
}

/** The mentions of an event in id order, with every stored field. */
export function mentionsOfEvent(db: Db, eventId: number): StoredMention[] {
  return storedMentions(db, 'event_id = ? ORDER BY id', eventId);
}

/** The mentions of the given events, with every stored field (in no particular order). */
export function mentionsOfEvents(db: Db, eventIds: number[]): StoredMention[] {
  if (!eventIds.length) return [];
  return storedMentions(
    db,
    'event_id IN (SELECT value FROM json_each(?))',
    JSON.stringify(eventIds),
  );
}

/** Moves one mention to another event. */
export function setMentionEvent(db: Db, mentionId: number, eventId: number): void {
  prepared(db, `UPDATE mentions SET event_id = ? WHERE id = ?`).run(eventId, mentionId);
}

/** The merge key (sorted main pair, type, negation) and day range of each given event. */
export function eventKeys(
  db: Db,
  ids: number[],
): {
  id: number;
  actor1: string;
  actor2: string | null;
  type: PloverType;
  negated: boolean;
  first: number | null;
  last: number | null;
}[] {
  if (!ids.length) return [];
  const rows = prepared(
    db,
    `SELECT id, actor1, actor2, type, negated, date_first AS first, date_last AS last FROM events
     WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as {
    id: number;
    actor1: string;
    actor2: string | null;
    type: PloverType;
    negated: number;
    first: number | null;
    last: number | null;
  }[];
  return rows.map((r) => ({ ...r, negated: r.negated === 1 }));
}

/** The mentions of a document in text order, with every stored field. */
export function mentionsOfDocument(db: Db, documentId: string): StoredMention[] {
  return storedMentions(db, 'document_id = ? ORDER BY evidence_start, id', documentId);
}

function storedMentions(db: Db, where: string, param: string | number): StoredMention[] {
  const rows = prepared(
    db,
    `SELECT id, event_id AS eventId, document_id AS documentId, extraction_id AS extractionId, type, mode, cameo, date,
       date_first AS dateFirst, date_last AS dateLast, source, source_text AS sourceText, target, target_text AS targetText,
       actors, evidence_start AS evidenceStart, evidence_end AS evidenceEnd, evidence_text AS evidenceText,
       more_evidence AS moreEvidence, confidence, negated
     FROM mentions WHERE ${where}`,
  ).all(param) as (Omit<
    StoredMention,
    'actors' | 'negated' | 'dateFirst' | 'dateLast' | 'evidence' | 'moreEvidence'
  > & {
    actors: string;
    negated: number;
    dateFirst: number | null;
    dateLast: number | null;
    evidenceStart: number | null;
    evidenceEnd: number | null;
    evidenceText: string | null;
    moreEvidence: string | null;
  })[];
  return rows.map(({ evidenceStart, evidenceEnd, evidenceText, moreEvidence, ...r }) => ({
    ...r,
    actors: JSON.parse(r.actors) as string[],
    negated: r.negated === 1,
    dateFirst: fromDay(r.dateFirst),
    dateLast: fromDay(r.dateLast),
    evidence:
      evidenceStart !== null && evidenceEnd !== null
        ? { start: evidenceStart, end: evidenceEnd, text: evidenceText ?? '' }
        : null,
    moreEvidence: moreEvidence
      ? (JSON.parse(moreEvidence) as { start: number; end: number; text: string }[])
      : null,
  }));
}

/** Rewrites an event's facts, its participants and pairs (after its mentions changed). */
export function updateEventFacts(db: Db, id: number, e: EventFields, mentionCount: number): void {
  const [actor1, actor2] = mainPair(e);
  prepared(
    db,
    `UPDATE events SET type = ?, mode = ?, cameo = ?, quad = ?, date = ?, date_first = ?, date_last = ?, source = ?,
       source_text = ?, target = ?, target_text = ?, actors = ?, actor1 = ?, actor2 = ?, negated = ?, confidence = ?,
       mention_count = ?
     WHERE id = ?`,
  ).run(...eventColumns(e, mentionCount), id);
  prepared(db, `DELETE FROM event_actors WHERE event_id = ?`).run(id);
  prepared(db, `DELETE FROM event_pairs WHERE event_id = ?`).run(id);
  const codes = [...new Set(e.actors)].sort();
  for (const code of codes)
    prepared(db, `INSERT OR IGNORE INTO event_actors (code, event_id) VALUES (?, ?)`).run(code, id);
  if (codes.length > 2) {
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++) {
        if (codes[i] !== actor1 || codes[j] !== actor2) {
          prepared(
            db,
            `INSERT OR IGNORE INTO event_pairs (actor1, actor2, event_id) VALUES (?, ?, ?)`,
          ).run(codes[i], codes[j], id);
        }
      }
    }
  }
}

/** Moves every mention of event `from` to event `to`. */
export function moveMentions(db: Db, from: number, to: number): void {
  prepared(db, `UPDATE mentions SET event_id = ? WHERE event_id = ?`).run(to, from);
}

/** The event of the mention of `documentId` whose evidence is `[start, end)` (or whose more evidence includes it), or null. */
export function eventOfMentionAt(
  db: Db,
  documentId: string,
  start: number,
  end: number,
): number | null {
  const id = prepared(
    db,
    `SELECT event_id FROM mentions WHERE document_id = ? AND evidence_start = ? AND evidence_end = ? LIMIT 1`,
  )
    .pluck()
    .get(documentId, start, end) as number | undefined;
  return id ?? null;
}

/** Where a page of a listing ends: the date-order key of its last event. */
export interface EventCursor {
  /** `coalesce(date_first, 2147483647)`, `coalesce(date_last, -2147483648)` and the id. */
  first: number;
  last: number;
  id: number;
}

// DATE_ORDER with date_last coalesced too, so the key is a row value a cursor can compare with.
// Undated events have both bounds null: they sort last by the first key, then by id.
const KEY = `coalesce(e.date_first, 2147483647), coalesce(e.date_last, -2147483648), e.id`;

/** What the compact timeline reads of a stored event: days as numbers, participants as JSON. */
export interface CompactRow {
  id: number;
  type: PloverType;
  quad: QuadClass;
  date: string | null;
  first: number | null;
  last: number | null;
  source: string | null;
  target: string | null;
  /** The `actors` column as stored (a JSON array of codes). */
  actorsJson: string;
  negated: number;
  mentionCount: number;
}

/**
 * One page of the events matching `filter` in date order after `cursor`, with the next page's
 * cursor. Rows as stored, no conversion: a page has up to 10,000 of them.
 */
export function eventPage(
  db: Db,
  filter: EventFilter,
  limit: number,
  cursor: EventCursor | null,
): { rows: CompactRow[]; next: EventCursor | null } {
  const pair = pairOf(filter);
  const { sql, params } = whereOf(pair ? { ...filter, a: undefined, b: undefined } : filter);
  const after = cursor ? `${sql ? `${sql} AND` : 'WHERE'} (${KEY}) > (@cFirst, @cLast, @cId)` : sql;
  const columns = `e.id, e.type, e.quad, e.date, e.date_first AS first, e.date_last AS last, e.source,
    e.target, e.actors AS actorsJson, e.negated, e.mention_count AS mentionCount`;
  const rest = after ? `AND ${after.slice('WHERE '.length)}` : '';
  // A pair: its events under their main pair read in order from events_pair_order (migration
  // 0011), the page's worth only, beside those naming it among more participants (event_pairs,
  // few); sorting every event of a busy pair for each page cost tens of milliseconds at 10,000.
  const query = pair
    ? `SELECT * FROM (
         SELECT * FROM (SELECT ${columns} FROM events e WHERE e.actor1 = @a1 AND e.actor2 = @a2 ${rest}
           ORDER BY ${KEY} LIMIT @limit)
         UNION ALL
         SELECT * FROM (SELECT ${columns} FROM event_pairs p JOIN events e ON e.id = p.event_id
           WHERE p.actor1 = @a1 AND p.actor2 = @a2 ${rest} ORDER BY ${KEY} LIMIT @limit))
       ORDER BY coalesce(first, 2147483647), coalesce(last, -2147483648), id LIMIT @limit`
    : `SELECT ${columns} FROM events e ${after} ORDER BY ${KEY} LIMIT @limit`;
  const rows = prepared(db, query).all({
    ...params,
    ...(pair ? { a1: pair[0], a2: pair[1] } : {}),
    ...(cursor ? { cFirst: cursor.first, cLast: cursor.last, cId: cursor.id } : {}),
    // One more than asked: whether a next page exists without a count.
    limit: limit + 1,
  }) as CompactRow[];
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const end = rows[rows.length - 1];
  const next =
    more && end
      ? { first: end.first ?? 2147483647, last: end.last ?? -2147483648, id: end.id }
      : null;
  return { rows, next };
}

/** Per event: the documents of its mentions and its first evidence sentence (mention id order). */
export function mentionDigest(
  db: Db,
  eventIds: number[],
): Map<number, { documents: string[]; text: string | null }> {
  const out = new Map<number, { documents: string[]; text: string | null }>();
  if (!eventIds.length) return out;
  const rows = prepared(
    db,
    `SELECT m.event_id AS eventId, m.document_id AS documentId, m.evidence_text AS text
     FROM mentions m WHERE m.event_id IN (SELECT value FROM json_each(?)) ORDER BY m.event_id, m.id`,
  ).all(JSON.stringify(eventIds)) as { eventId: number; documentId: string; text: string | null }[];
  for (const r of rows) {
    let d = out.get(r.eventId);
    if (!d) out.set(r.eventId, (d = { documents: [], text: null }));
    if (!d.documents.includes(r.documentId)) d.documents.push(r.documentId);
    d.text ??= r.text;
  }
  return out;
}

/** Stored events by id, in the order given (ids not stored are left out). */
export function eventsById(db: Db, ids: number[]): EventRow[] {
  if (!ids.length) return [];
  const rows = prepared(
    db,
    `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as RawEvent[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toEvent(r)] : [];
  });
}
