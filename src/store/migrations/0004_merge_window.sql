-- ties schema, version 4: the merge's candidate query reads a bounded slice of a pair's events.
-- An event overlapping [first, last] either starts within a year before `first` (every day, month
-- or year date does) or is wider than a year; the wide ones are few and get their own partial
-- index, so a dense pair is no longer read from its first event up to `last` for each mention.
CREATE INDEX events_pair_wide ON events (actor1, actor2, date_first) WHERE date_last - date_first > 366;
