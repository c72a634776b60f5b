// Stored documents: listings, one document with its text and events, and database totals.
import { TiesError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { countDocuments, getDocument, listDocuments } from '../store/documents.repo.ts';
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
export function documentPage(db: Db, limit: number, offset: number): { items: DocumentItem[]; total: number } {
  const items = listDocuments(db, limit, offset).map(({ id, title, date, format, length, events, addedAt }) => ({ id, title, date, format, length, events, addedAt }));
  return { items, total: countDocuments(db) };
}

/** One document with its text and the events it mentions; throws NOT_FOUND. */
export function documentWithEvents(
  db: Db,
  id: string,
): { id: string; title: string | null; date: string | null; format: string; length: number; text: string; addedAt: string; url: string | null; events: TimelineEvent[] } {
  const doc = getDocument(db, id);
  if (!doc) throw new TiesError('NOT_FOUND', `no document ${id}`);
  const events = toTimelineEvents(db, queryEvents(db, { documentId: id }));
  return { id: doc.id, title: doc.title, date: doc.date, format: doc.format, length: doc.length, text: doc.text, addedAt: doc.addedAt, url: doc.url, events };
}

/** How many documents and events are stored. */
export function totals(db: Db): { documents: number; events: number } {
  return { documents: countDocuments(db), events: countEvents(db) };
}
