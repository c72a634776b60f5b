-- ties schema, version 2: claims read back from stored documents (ranks, spans of years, period
-- starts) and the conflicts found between claims. Claims are derived data: a document's rows are
-- rebuilt whenever `claim_scans` lacks it or records an older scanner version.

-- Which documents have had their claims read, and by which version of the claim finders.
CREATE TABLE claim_scans (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL
);

-- One claim of a document. `data` is the claim as JSON (its shape depends on `kind`); a
-- 'subject' row names what a stored figure is about ("Khojaly Massacre").
CREATE TABLE claims (
  id             INTEGER PRIMARY KEY,
  document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('ordinal', 'duration', 'period', 'subject')),
  data           TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  evidence_text  TEXT NOT NULL
);
CREATE INDEX claims_document ON claims (document_id, kind);

-- A disagreement between claims. `key` names its claims, so re-detection keeps ids stable.
-- `actors` (JSON array) is everything the claims are about, for the pair filter.
CREATE TABLE conflicts (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('date', 'ordinal', 'figure', 'arithmetic')),
  summary     TEXT NOT NULL,
  actors      TEXT NOT NULL,
  detected_at TEXT NOT NULL
);

-- The claims of a conflict, in order; deleting a document removes its conflicts' claims, and
-- the next detection drops the conflicts left with fewer than two.
CREATE TABLE conflict_claims (
  conflict_id    INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  evidence_text  TEXT NOT NULL,
  value          TEXT NOT NULL,
  PRIMARY KEY (conflict_id, position)
) WITHOUT ROWID;
CREATE INDEX conflict_claims_document ON conflict_claims (document_id);

-- Events a conflict is about (a date conflict names one or two merged events).
CREATE TABLE conflict_events (
  conflict_id INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
  event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (conflict_id, event_id)
) WITHOUT ROWID;
CREATE INDEX conflict_events_event ON conflict_events (event_id);

-- What the store looked like at the last detection, so an unchanged store is not re-scanned.
CREATE TABLE conflict_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint TEXT NOT NULL,
  detected_at TEXT NOT NULL
);
