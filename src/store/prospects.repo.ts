// Reads for prospects and their follow-up: stored prospects with the sentence that states them,
// and the mentions of events that might fulfil them, each with its sentence. Prospects are
// written by facts.repo.ts at ingest; links are computed on read (see docs/decisions/0008).
import type { Evidence, PloverType } from '../extract/types.ts';
import { prepared, type Db } from './db.ts';
import { fromDay, toDay } from './days.ts';
import { SENTENCE_SQL } from './documents.repo.ts';

/**
 * What was read of a clause when its document was stored (services/clause-wording.ts), as
 * arrays in the order they were found; null for a row stored before it was kept.
 */
export interface StoredWording {
  words: string[];
  people: string[];
  domains: string[];
}

const wordingOf = (json: string | null): StoredWording | null =>
  json === null ? null : (JSON.parse(json) as StoredWording);

/** A stored prospect with its document and the sentence that states it. */
export interface ProspectRow {
  id: number;
  documentId: string;
  documentTitle: string | null;
  documentDate: string | null;
  /** The start of the latest dated, not negated event mention of the document: it was written no earlier. */
  latestEventDate: string | null;
  kind: string;
  type: PloverType;
  mode: string | null;
  date: string | null;
  source: string | null;
  sourceText: string | null;
  target: string | null;
  targetText: string | null;
  actors: string[];
  evidence: Evidence;
  /** The stored sentence holding the evidence's start (the evidence itself when none is stored). */
  sentence: Evidence;
  /** What was read of the clause stating it; `wordingKey` is its stored JSON. */
  wording: StoredWording | null;
  wordingKey: string | null;
}

/** A mention of a stored event, as the fulfilment rule and the listing need it. */
export interface CandidateMention {
  eventId: number;
  /** The merged event's type, date and participants (what the listing shows). */
  type: PloverType;
  mode: string | null;
  date: string | null;
  dateFirst: string | null;
  source: string | null;
  target: string | null;
  actors: string[];
  negated: boolean;
  documentId: string;
  documentTitle: string | null;
  /** Null for imported mentions that carry no span. */
  evidence: Evidence | null;
  /** The mention's sentence (its evidence when no sentence is stored; empty for an imported row without text). */
  sentence: Evidence;
  /** What was read of the mention's clause; `wordingKey` is its stored JSON. */
  wording: StoredWording | null;
  wordingKey: string | null;
}

/** Filter of the prospect listing: prospects naming `a` (and `b`). */
export interface ProspectFilter {
  a?: string;
  b?: string;
}

// The sentence is found by the evidence's start; its text comes from the FTS table, which holds
// every stored sentence's text by rowid, so no document text is read.
const SENTENCE_OF = (doc: string, start: string) => SENTENCE_SQL.at(doc, start);

/** Prospects whose participants include `a` (and `b`), in date order (undated last), then document and text order. */
export function listProspectRows(db: Db, f: ProspectFilter = {}): ProspectRow[] {
  const where = [
    f.a ? `EXISTS (SELECT 1 FROM json_each(p.actors) WHERE value = @a)` : '',
    f.b ? `EXISTS (SELECT 1 FROM json_each(p.actors) WHERE value = @b)` : '',
  ]
    .filter(Boolean)
    .join(' AND ');
  const rows = prepared(
    db,
    `SELECT p.id, p.document_id AS documentId, d.title AS documentTitle, d.date AS documentDate, p.kind, p.type, p.mode,
       p.date, p.source, p.source_text AS sourceText, p.target, p.target_text AS targetText, p.actors,
       p.wording AS wordingKey, p.evidence_start AS s, p.evidence_end AS e, p.evidence_text AS t,
       ${SENTENCE_SQL.start('d', 'f.rowid')} AS ss, ${SENTENCE_SQL.end('d', 'f.rowid')} AS se, f.text AS st,
       (SELECT max(m.date_first) FROM mentions m WHERE m.document_id = p.document_id AND m.negated = 0) AS latest
     FROM prospects p JOIN documents d ON d.id = p.document_id
     LEFT JOIN sentences_fts f ON f.rowid = ${SENTENCE_OF('p.document_id', 'p.evidence_start')}
     WHERE ${where || '1'}
     ORDER BY p.date_first IS NULL, p.date_first, d.added_at, p.document_id, p.evidence_start, p.id`,
  ).all({ a: f.a ?? null, b: f.b ?? null }) as (Omit<
    ProspectRow,
    'actors' | 'evidence' | 'sentence' | 'latestEventDate' | 'wording'
  > & {
    actors: string;
    latest: number | null;
    s: number;
    e: number;
    t: string;
    ss: number | null;
    se: number | null;
    st: string | null;
  })[];
  return rows.map(({ s, e, t, ss, se, st, actors, latest, ...r }) => ({
    ...r,
    wording: wordingOf(r.wordingKey),
    latestEventDate: fromDay(latest),
    actors: JSON.parse(actors) as string[],
    evidence: { start: s, end: e, text: t },
    sentence:
      ss !== null && se !== null && st !== null
        ? { start: ss, end: se, text: st }
        : { start: s, end: e, text: t },
  }));
}

/** Options of `candidateMentions`. */
export interface CandidateOptions {
  /** Every one of these codes takes part in the event. */
  codes: string[];
  /** The event's type is one of these. */
  types: string[];
  /** The event's dates reach this day or later (`YYYY-MM-DD`); null for any dated event. */
  notBefore: string | null;
  /** At most this many mentions per event are read (an event repeated by many sources). */
  mentionsPerEvent?: number;
}

/**
 * Mentions of dated, not negated events in which all of `codes` take part, of one of `types`,
 * not ending before `notBefore`: the candidates the fulfilment rule decides on. Earliest first.
 */
export function candidateMentions(db: Db, o: CandidateOptions): CandidateMention[] {
  const codes = [...new Set(o.codes)];
  if (!codes.length || !o.types.length) return [];
  const codeParams = Object.fromEntries(codes.map((c, i) => [`c${i}`, c]));
  const typeParams = Object.fromEntries(o.types.map((t, i) => [`t${i}`, t]));
  // The statement is cached per shape (number of codes and types), not per value.
  const rows = prepared(
    db,
    `WITH ev AS (
       SELECT e.* FROM events e
       WHERE e.id IN (SELECT event_id FROM event_actors WHERE code IN (${codes.map((_, i) => `@c${i}`).join(', ')})
                      GROUP BY event_id HAVING count(*) = ${codes.length})
         AND e.type IN (${o.types.map((_, i) => `@t${i}`).join(', ')})
         AND e.negated = 0 AND e.date_first IS NOT NULL AND (@from IS NULL OR e.date_last >= @from)
     ), ms AS (
       SELECT m.*, row_number() OVER (PARTITION BY m.event_id ORDER BY m.id) AS n
       FROM mentions m WHERE m.event_id IN (SELECT id FROM ev)
     )
     SELECT ev.id AS eventId, ev.type, ev.mode, ev.date, ev.date_first AS dateFirst, ev.source, ev.target, ev.actors,
       ev.negated, ms.document_id AS documentId, d.title AS documentTitle, ms.wording AS wordingKey,
       ms.evidence_start AS s, ms.evidence_end AS e, ms.evidence_text AS t,
       ${SENTENCE_SQL.start('d', 'f.rowid')} AS ss, ${SENTENCE_SQL.end('d', 'f.rowid')} AS se, f.text AS st
     FROM ev JOIN ms ON ms.event_id = ev.id JOIN documents d ON d.id = ms.document_id
     LEFT JOIN sentences_fts f ON f.rowid = ${SENTENCE_OF('ms.document_id', 'ms.evidence_start')}
     WHERE ms.n <= @perEvent
     ORDER BY ev.date_first, ev.id, ms.id`,
  ).all({
    ...codeParams,
    ...typeParams,
    from: toDay(o.notBefore),
    perEvent: o.mentionsPerEvent ?? 20,
  }) as (Omit<
    CandidateMention,
    'actors' | 'negated' | 'evidence' | 'sentence' | 'dateFirst' | 'wording'
  > & {
    actors: string;
    negated: number;
    dateFirst: number;
  } & SpanColumns)[];
  return rows.map(({ s, e, t, ss, se, st, actors, negated, dateFirst, ...r }) => ({
    ...r,
    wording: wordingOf(r.wordingKey),
    dateFirst: fromDay(dateFirst),
    actors: JSON.parse(actors) as string[],
    negated: negated === 1,
    ...spans({ s, e, t, ss, se, st }),
  }));
}

/** A row's evidence (`s`, `e`, `t`) and sentence (`ss`, `se`, `st`) columns. */
interface SpanColumns {
  s: number | null;
  e: number | null;
  t: string | null;
  ss: number | null;
  se: number | null;
  st: string | null;
}

/** The evidence and sentence columns of a row as spans. */
function spans(r: SpanColumns): { evidence: Evidence | null; sentence: Evidence } {
  const { s, e, t, ss, se, st } = r;
  return {
    evidence: s !== null && e !== null && t !== null ? { start: s, end: e, text: t } : null,
    sentence:
      ss !== null && se !== null && st !== null
        ? { start: ss, end: se, text: st }
        : { start: s ?? 0, end: e ?? (t ?? '').length, text: t ?? '' },
  };
}

/** The documents that report each of `eventIds` (all their mentions, not only those read as candidates). */
export function eventDocuments(db: Db, eventIds: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const s = prepared(db, `SELECT DISTINCT document_id FROM mentions WHERE event_id = ?`).pluck();
  for (const id of new Set(eventIds)) out.set(id, s.all(id) as string[]);
  return out;
}

/** A stored mention or prospect of a document, with the stored sentence its evidence starts in. */
export interface ClauseSource {
  table: 'mentions' | 'prospects';
  id: number;
  /** Null for imported mentions that carry no span. */
  evidence: Evidence | null;
  /** The sentence holding the evidence's start (the evidence itself when none is stored). */
  sentence: Evidence;
}

/**
 * The mentions and prospects of a document whose clause wording is not stored yet, each with its
 * sentence: the same sentence the listing reads (`SENTENCE_SQL.at`).
 */
export function clausesToRead(db: Db, documentId: string): ClauseSource[] {
  const part = (table: string, alias: string) =>
    `SELECT '${table}' AS tbl, ${alias}.id, ${alias}.evidence_start AS s, ${alias}.evidence_end AS e,
       ${alias}.evidence_text AS t, ${SENTENCE_SQL.start('d', 'f.rowid')} AS ss,
       ${SENTENCE_SQL.end('d', 'f.rowid')} AS se, f.text AS st
     FROM ${table} ${alias} JOIN documents d ON d.id = ${alias}.document_id
     LEFT JOIN sentences_fts f ON f.rowid = ${SENTENCE_OF(`${alias}.document_id`, `${alias}.evidence_start`)}
     WHERE ${alias}.document_id = @doc AND ${alias}.wording IS NULL`;
  const rows = prepared(
    db,
    `${part('mentions', 'm')} UNION ALL ${part('prospects', 'p')} ORDER BY 1, 2`,
  ).all({ doc: documentId }) as ({ tbl: 'mentions' | 'prospects'; id: number } & SpanColumns)[];
  return rows.map(({ tbl, id, ...columns }) => ({ table: tbl, id, ...spans(columns) }));
}

/** Stores what was read of the clause of a mention or prospect. */
export function setWording(
  db: Db,
  table: 'mentions' | 'prospects',
  id: number,
  wording: StoredWording,
): void {
  prepared(db, `UPDATE ${table} SET wording = ? WHERE id = ?`).run(JSON.stringify(wording), id);
}

/** Documents with a mention or prospect whose clause wording is not stored, at most `limit`. */
export function documentsWithoutWording(db: Db, limit = -1): string[] {
  return prepared(
    db,
    `SELECT document_id FROM mentions WHERE wording IS NULL
     UNION SELECT document_id FROM prospects WHERE wording IS NULL
     ORDER BY 1 LIMIT ?`,
  )
    .pluck()
    .all(limit) as string[];
}
