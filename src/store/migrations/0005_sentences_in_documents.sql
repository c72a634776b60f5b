-- ties schema, version 5: a document's sentence spans live in its own row, and its sentences are
-- the FTS rows sentence_base … sentence_base + n - 1. The `sentences` table and its index are gone:
-- two b-tree inserts per sentence (one keyed by the 64-character document id) were a third of the
-- cost of storing a news article.
ALTER TABLE documents ADD COLUMN sentence_base INTEGER;
-- JSON [[start, end], …], in text order (UTF-16 offsets into `text`, as every span ties stores).
ALTER TABLE documents ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]';

-- A document's sentences were inserted one after another, so their ids are consecutive.
UPDATE documents SET
  sentence_base = (SELECT min(s.id) FROM sentences s WHERE s.document_id = documents.id),
  sentences = coalesce(
    (SELECT json_group_array(json_array(s.start, s."end")) FROM (SELECT start, "end" FROM sentences WHERE document_id = documents.id ORDER BY id) s),
    '[]');

-- The document an FTS row belongs to: the one with the greatest base not above the rowid.
CREATE UNIQUE INDEX documents_sentence_base ON documents (sentence_base) WHERE sentence_base IS NOT NULL;

DROP TRIGGER sentences_fts_delete;
DROP TABLE sentences;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents WHEN old.sentence_base IS NOT NULL BEGIN
  DELETE FROM sentences_fts WHERE rowid BETWEEN old.sentence_base AND old.sentence_base + json_array_length(old.sentences) - 1;
END;
