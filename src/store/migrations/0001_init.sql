-- ties schema, version 1. Dates are stored twice: the contract string (`date`, what the text
-- supports) and its inclusive bounds as days since 1970-01-01 (`date_first`, `date_last`), so
-- range filters and date order are integer comparisons on an index.

-- A document as read. `id` is the sha256 of its text: re-ingesting the same content is a no-op.
CREATE TABLE documents (
  id       TEXT PRIMARY KEY,
  title    TEXT,
  date     TEXT,
  format   TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html')),
  path     TEXT,
  url      TEXT,
  kind     TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'gdelt', 'import')),
  length   INTEGER NOT NULL,
  text     TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX documents_path ON documents (path) WHERE path IS NOT NULL;
CREATE INDEX documents_added ON documents (added_at, id);

-- Sentence spans; their text lives in the FTS index (rowid = sentences.id).
CREATE TABLE sentences (
  id          INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL
);
CREATE INDEX sentences_document ON sentences (document_id, start);
CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
-- FK cascades fire triggers, so deleting a document also empties its FTS rows.
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  DELETE FROM sentences_fts WHERE rowid = old.id;
END;

-- A real-world event merged from one or more mentions across documents. `actor1`/`actor2` is
-- the sorted pair of its main participants (source and target, else its first two actors): the
-- pair timeline is a range scan on events_pair. `actor2` is null for a one-party event.
-- `actors` (JSON array) repeats event_actors so a timeline row needs no second lookup.
CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  type          TEXT NOT NULL,
  mode          TEXT,
  cameo         TEXT,
  quad          TEXT NOT NULL,
  date          TEXT,
  date_first    INTEGER,
  date_last     INTEGER,
  source        TEXT,
  source_text   TEXT,
  target        TEXT,
  target_text   TEXT,
  actors        TEXT NOT NULL,
  actor1        TEXT NOT NULL,
  actor2        TEXT,
  negated       INTEGER NOT NULL DEFAULT 0,
  confidence    REAL NOT NULL,
  mention_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_pair ON events (actor1, actor2, date_first);
CREATE INDEX events_date ON events (date_first);
CREATE INDEX events_type ON events (type, date_first);

-- Every participant of an event, for "events involving A" and actor counts.
CREATE TABLE event_actors (
  code     TEXT NOT NULL,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (code, event_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_event ON event_actors (event_id);

-- The other pairs of an event with three or more participants (a joint drill of three states),
-- so that every pair's timeline is still an index range scan.
CREATE TABLE event_pairs (
  actor1   TEXT NOT NULL,
  actor2   TEXT NOT NULL,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (actor1, actor2, event_id)
) WITHOUT ROWID;
CREATE INDEX event_pairs_event ON event_pairs (event_id);

-- One row per extracted event per document. Evidence offsets are null for imported events that
-- carry no span (GDELT rows point at the document's url instead).
CREATE TABLE mentions (
  id             INTEGER PRIMARY KEY,
  document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  event_id       INTEGER NOT NULL REFERENCES events (id),
  extraction_id  TEXT NOT NULL,
  type           TEXT NOT NULL,
  mode           TEXT,
  cameo          TEXT,
  date           TEXT,
  date_first     INTEGER,
  date_last      INTEGER,
  source         TEXT,
  source_text    TEXT,
  target         TEXT,
  target_text    TEXT,
  actors         TEXT NOT NULL,
  evidence_start INTEGER,
  evidence_end   INTEGER,
  evidence_text  TEXT,
  more_evidence  TEXT,
  confidence     REAL NOT NULL,
  negated        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_document ON mentions (document_id, evidence_start);

-- Per-document facts that are not events: kept apart, never merged.
CREATE TABLE prospects (
  id             INTEGER PRIMARY KEY,
  document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  extraction_id  TEXT NOT NULL,
  kind           TEXT NOT NULL,
  type           TEXT NOT NULL,
  mode           TEXT,
  cameo          TEXT,
  date           TEXT,
  date_first     INTEGER,
  date_last      INTEGER,
  source         TEXT,
  source_text    TEXT,
  target         TEXT,
  target_text    TEXT,
  actors         TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  evidence_text  TEXT NOT NULL,
  confidence     REAL NOT NULL
);
CREATE INDEX prospects_document ON prospects (document_id);

CREATE TABLE figures (
  id             INTEGER PRIMARY KEY,
  document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  extraction_id  TEXT NOT NULL,
  measure        TEXT NOT NULL,
  value          REAL NOT NULL,
  unit           TEXT NOT NULL,
  qualifier      TEXT,
  date           TEXT,
  date_first     INTEGER,
  date_last      INTEGER,
  actors         TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  evidence_text  TEXT NOT NULL
);
CREATE INDEX figures_document ON figures (document_id);

CREATE TABLE stances (
  id             INTEGER PRIMARY KEY,
  document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  extraction_id  TEXT NOT NULL,
  holder         TEXT NOT NULL,
  holder_text    TEXT NOT NULL,
  polarity       TEXT NOT NULL CHECK (polarity IN ('support', 'oppose')),
  target         TEXT,
  target_text    TEXT,
  issue          TEXT,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  evidence_text  TEXT NOT NULL
);
CREATE INDEX stances_document ON stances (document_id);
