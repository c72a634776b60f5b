-- ties schema, version 10: figures are compared within a group per measure, unit, actor and
-- year ('figure:MEASURE|UNIT|ACTOR|YEAR') or subject ('…|=SUBJECT'), no longer one group per
-- measure, unit and actor: that group grew with the store and was detected again whole, pair by
-- pair, for every document adding a figure to it (issue 15: 39% of an ingest's time at 10,000
-- documents). The documents whose figures are grouped the old way are listed here; opening the
-- store groups them again from their stored figures (`regroupFigures`) and empties the list.
CREATE TABLE figure_regroup (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO figure_regroup SELECT DISTINCT document_id FROM conflict_inputs WHERE kind = 'figure';
