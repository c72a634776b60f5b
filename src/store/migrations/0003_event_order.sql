-- ties schema, version 3: listings in date order (undated last) read an index instead of sorting
-- every event. The order key is an expression, so `ORDER BY … LIMIT 50` stops after 50 entries;
-- the rowid the index carries is the final tie-break (`e.id`). Replaces the plain date and type
-- indexes, which no query could use for that order (SQLite sorts NULL first).
DROP INDEX events_date;
DROP INDEX events_type;
CREATE INDEX events_order ON events (coalesce(date_first, 2147483647), date_last);
CREATE INDEX events_type_order ON events (type, coalesce(date_first, 2147483647), date_last);
