// Full-text search over the stored documents' sentences, each hit with the events it states.
import { TiesError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { searchSentences, type SentenceHit } from '../store/documents.repo.ts';
import { eventIdsInSpan } from '../store/events.repo.ts';
import { ftsQuery } from './events.service.ts';

/** A matching sentence, as the API and `ties search` show it; `snippet` has the matched words in [brackets]. */
export interface SearchHit extends Omit<SentenceHit, 'sentenceId' | 'rank'> {
  kind: 'sentence';
  eventIds: string[];
}

/** Sentences matching the words of `text` (all of them, the last as a prefix), best first. */
export function search(db: Db, text: string, limit = 20): SearchHit[] {
  const match = ftsQuery(text);
  if (!match) throw new TiesError('INVALID', 'the search text has no words');
  return searchSentences(db, match, limit).map((h) => ({
    kind: 'sentence',
    documentId: h.documentId,
    documentTitle: h.documentTitle,
    start: h.start,
    end: h.end,
    text: h.text,
    snippet: h.snippet,
    eventIds: eventIdsInSpan(db, h.documentId, h.start, h.end).map(String),
  }));
}
