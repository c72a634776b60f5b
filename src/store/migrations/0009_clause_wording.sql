-- ties schema, version 9: what the fulfilment check compares of a mention's or a prospect's clause
-- (its content words, the people it names, its domains: JSON {"words", "people", "domains"}) is
-- read once, when its document is stored, so listing prospects reads no text and runs no
-- extraction. Rows stored before are read from their stored sentences when the store is opened.
ALTER TABLE mentions ADD COLUMN wording TEXT;
ALTER TABLE prospects ADD COLUMN wording TEXT;
