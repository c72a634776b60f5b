-- ties schema, version 7: conflicts are kept up to date at ingest, group by group (decision
-- 0012). Claims are stored when a document is stored; each input of a detector names the group
-- it is compared within, and each conflict the groups it was found in, so storing or removing a
-- document re-detects only the groups it touches. Reads are index lookups.

-- What a detector compares, by group: a dated mention ('dates:TYPE|A+B'), a rank claim
-- ('rank:PREDICATE|OBJECTS|CLASS'), a figure ('figure:MEASURE|UNIT|ACTOR', one row per actor).
-- `ref` is the mention, claim or figure id; `data` holds what a figure's subject claim says.
CREATE TABLE conflict_inputs (
  grp         TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('mention', 'claim', 'figure')),
  ref         INTEGER NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  data        TEXT,
  PRIMARY KEY (grp, kind, ref)
) WITHOUT ROWID;
CREATE INDEX conflict_inputs_document ON conflict_inputs (document_id);

-- The groups a conflict was found in ('event:ID' and 'doc:ID' besides the input groups).
CREATE TABLE conflict_scopes (
  scope       TEXT NOT NULL,
  conflict_id INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
  PRIMARY KEY (scope, conflict_id)
) WITHOUT ROWID;
CREATE INDEX conflict_scopes_conflict ON conflict_scopes (conflict_id);

-- Every actor a conflict is about: the pair filter and its counts are index lookups.
CREATE TABLE conflict_actors (
  code        TEXT NOT NULL,
  conflict_id INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
  PRIMARY KEY (code, conflict_id)
) WITHOUT ROWID;
CREATE INDEX conflict_actors_conflict ON conflict_actors (conflict_id);

-- A conflict left with fewer than two claims (a document removed by hand) is none.
CREATE TRIGGER conflict_claims_gone AFTER DELETE ON conflict_claims
WHEN (SELECT count(*) FROM conflict_claims WHERE conflict_id = old.conflict_id) < 2
BEGIN
  DELETE FROM conflicts WHERE id = old.conflict_id;
END;

-- Conflicts were detected over the whole store on read; claims were read back from stored text
-- with no groups. Both are rebuilt, document by document, when the store is next opened.
DELETE FROM conflicts;
DELETE FROM claims;
DELETE FROM claim_scans;
DELETE FROM conflict_state;
