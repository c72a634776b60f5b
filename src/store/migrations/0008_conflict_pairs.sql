-- The conflicts of one actor (b = '') or of a pair (a < b), in key order (issue 15): the
-- conflicts view's page and its counts by kind are one index range, instead of the two actors'
-- lists of conflicts intersected and sorted on every read (16 ms for a pair with 2,500
-- conflicts, growing with them). Kept by a trigger on conflict_actors, whose rows are only
-- inserted (after their conflict) or deleted with it.
CREATE TABLE conflict_pairs (
  a           TEXT NOT NULL,
  b           TEXT NOT NULL,
  key         TEXT NOT NULL,
  kind        TEXT NOT NULL,
  conflict_id INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
  PRIMARY KEY (a, b, key)
) WITHOUT ROWID;
CREATE INDEX conflict_pairs_conflict ON conflict_pairs (conflict_id);

CREATE TRIGGER conflict_actors_pairs AFTER INSERT ON conflict_actors
BEGIN
  INSERT OR IGNORE INTO conflict_pairs (a, b, key, kind, conflict_id)
    SELECT new.code, '', c.key, c.kind, c.id FROM conflicts c WHERE c.id = new.conflict_id;
  INSERT OR IGNORE INTO conflict_pairs (a, b, key, kind, conflict_id)
    SELECT min(new.code, o.code), max(new.code, o.code), c.key, c.kind, c.id
    FROM conflict_actors o JOIN conflicts c ON c.id = o.conflict_id
    WHERE o.conflict_id = new.conflict_id AND o.code <> new.code;
END;

INSERT OR IGNORE INTO conflict_pairs (a, b, key, kind, conflict_id)
  SELECT x.code, '', c.key, c.kind, c.id FROM conflict_actors x JOIN conflicts c ON c.id = x.conflict_id;
INSERT OR IGNORE INTO conflict_pairs (a, b, key, kind, conflict_id)
  SELECT x.code, y.code, c.key, c.kind, c.id
  FROM conflict_actors x JOIN conflict_actors y ON y.conflict_id = x.conflict_id AND x.code < y.code
  JOIN conflicts c ON c.id = x.conflict_id;
