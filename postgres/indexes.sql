-- The indexes of schema.sql's tables. A build creates them after loading
-- its rows, which is several times faster than keeping GIN indexes up to
-- date row by row; run this file after schema.sql on an empty schema too.

CREATE INDEX articles_file ON articles (file);
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_keys ON articles USING gin (keys);
CREATE INDEX articles_title_words ON articles USING gin (title_words);
CREATE INDEX articles_words ON articles USING gin (words);
CREATE INDEX articles_title_bigrams ON articles USING gin (title_bigrams);
CREATE INDEX passages_bigrams ON passages USING gin (bigrams);
CREATE INDEX quotes_date ON quotes (date);
CREATE INDEX quotes_keys ON quotes USING gin (keys);
CREATE INDEX quotes_words ON quotes USING gin (words);
CREATE INDEX quotes_bigrams ON quotes USING gin (bigrams);
