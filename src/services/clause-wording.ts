// What the fulfilment check reads of each stored mention's and prospect's clause, read when its
// document is stored (and once, when a store from before it was kept is opened): the listing of
// prospects then reads stored rows only, and runs no extraction.
import { clauseOf, clauseWords } from '../extract/claims/clause-wording.ts';
import type { ClauseWording } from '../merge/fulfils.ts';
import type { Db } from '../store/db.ts';
import {
  clausesToRead,
  documentsWithoutWording,
  setWording,
  type StoredWording,
} from '../store/prospects.repo.ts';

/** What the fulfilment check compares of `clause`, in storable form. */
export function wordingOf(clause: string): StoredWording {
  return clauseWords(clause);
}

const NOTHING: ClauseWording = { words: new Set(), people: new Set(), domains: new Set() };

/** The stored wording as the rule reads it; a row without one has nothing to compare. */
export function readWording(w: StoredWording | null): ClauseWording {
  if (!w) return NOTHING;
  return { words: new Set(w.words), people: new Set(w.people), domains: new Set(w.domains) };
}

/**
 * Reads and stores the clause wording of every mention and prospect of a document that has none.
 * Runs inside the caller's transaction, after the document's mentions and prospects are stored.
 */
export function storeClauseWording(db: Db, documentId: string): void {
  // Copies of one sentence in a document (a repeated paragraph) are read once.
  const read = new Map<string, StoredWording>();
  for (const c of clausesToRead(db, documentId)) {
    // A mention without a span (an import) is compared by its sentence, empty for GDELT rows.
    const clause = c.evidence ? clauseOf(c.sentence, c.evidence) : c.sentence.text;
    let w = read.get(clause);
    if (!w) read.set(clause, (w = wordingOf(clause)));
    setWording(db, c.table, c.id, w);
  }
}

/**
 * Reads the clause wording of documents stored before it was kept, a `batch` of documents at a
 * time, each batch in one transaction; returns how many documents were read.
 */
export function backfillClauseWording(db: Db, batch = 200): number {
  let n = 0;
  for (;;) {
    const docs = documentsWithoutWording(db, batch);
    if (!docs.length) return n;
    db.transaction(() => {
      for (const id of docs) storeClauseWording(db, id);
    }).immediate();
    n += docs.length;
  }
}
