// Stored documents: listings, one document with its text and events, and database totals.
import { TiesError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import {
  countDocuments,
  documentIdsWithPrefix,
  getDocument,
  listDocuments,
} from '../store/documents.repo.ts';
import { countEvents, queryEvents } from '../store/events.repo.ts';
import { toTimelineEvents, type TimelineEvent } from './events.service.ts';

/** A document in a listing. */
export interface DocumentItem {
  id: string;
  title: string | null;
  date: string | null;
  format: string;
  length: number;
  events: number;
  addedAt: string;
}

/** A page of documents, newest first. */
export function documentPage(
  db: Db,
  limit: number,
  offset: number,
): { items: DocumentItem[]; total: number } {
  const items = listDocuments(db, limit, offset).map(
    ({ id, title, date, format, length, events, addedAt }) => ({
      id,
      title,
      date,
      format,
      length,
      events,
      addedAt,
    }),
  );
  return { items, total: countDocuments(db) };
}

/** One document with its text and the events it mentions; throws NOT_FOUND. */
export function documentWithEvents(
  db: Db,
  id: string,
): {
  id: string;
  title: string | null;
  date: string | null;
  format: string;
  length: number;
  text: string;
  addedAt: string;
  url: string | null;
  events: TimelineEvent[];
} {
  const doc = getDocument(db, id);
  if (!doc) throw new TiesError('NOT_FOUND', `no document ${id}`);
  const events = toTimelineEvents(db, queryEvents(db, { documentId: id }));
  return {
    id: doc.id,
    title: doc.title,
    date: doc.date,
    format: doc.format,
    length: doc.length,
    text: doc.text,
    addedAt: doc.addedAt,
    url: doc.url,
    events,
  };
}

/** The id of the one document whose id starts with `prefix` (as `ties documents` shows them); throws NOT_FOUND or INVALID. */
export function resolveDocumentId(db: Db, prefix: string): string {
  const p = prefix.trim().toLowerCase();
  if (!/^[0-9a-f]{4,64}$/.test(p))
    throw new TiesError(
      'INVALID',
      `'${prefix}' is not a document id (4 to 64 hex digits, as 'ties documents' shows them)`,
    );
  const ids = documentIdsWithPrefix(db, p, 2);
  if (!ids.length) throw new TiesError('NOT_FOUND', `no document ${prefix}`);
  if (ids.length > 1)
    throw new TiesError('INVALID', `'${prefix}' names more than one document: give more of its id`);
  return ids[0]!;
}

/** How many documents and events are stored. */
export function totals(db: Db): { documents: number; events: number } {
  return { documents: countDocuments(db), events: countEvents(db) };
}
