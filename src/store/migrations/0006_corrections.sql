-- ties schema, version 6: corrections, a layer of their own over the extracted facts. A
-- correction is keyed to a mention (the document's content hash and the evidence span), not to
-- an event id: events are rebuilt whenever a document is re-extracted, and the correction is
-- applied again each time. No foreign key to documents: a document re-extracted (deleted and
-- stored again under the same hash) keeps its corrections, and corrections imported before their
-- document wait for it.
CREATE TABLE corrections (
  id             INTEGER PRIMARY KEY,
  -- Stable across stores: `ties corrections export`/`import` and the JSON export key on it.
  uid            TEXT NOT NULL UNIQUE,
  document_id    TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  evidence_text  TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('reject', 'type', 'date', 'participants', 'split', 'merge', 'add')),
  -- JSON: what the correction sets (its shape depends on `kind`).
  value          TEXT NOT NULL DEFAULT '{}',
  -- JSON: the mention as the extractor made it, when the correction changed it (for "was … now …").
  original       TEXT,
  note           TEXT,
  author         TEXT,
  created_at     TEXT NOT NULL,
  -- applied; unmatched (its document is stored but nothing is at its span); pending (its document
  -- is not stored); orphaned (its document changed and its text is no longer in it).
  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('applied', 'unmatched', 'pending', 'orphaned')),
  problem        TEXT
);
CREATE INDEX corrections_document ON corrections (document_id, evidence_start);
