-- The indexes of schema.sql's tables. A build creates them after loading
-- its rows, which is several times faster than keeping GIN indexes up to
-- date row by row; run this file after schema.sql on an empty schema too.
-- The word vectors (title_words, words) have none: they only rank the
-- rows the other indexes find (compile.go).

CREATE INDEX articles_file ON articles (file);
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_print ON articles (print) WHERE print <> '';
CREATE INDEX articles_title_print ON articles (title_print) WHERE title_print <> '';
CREATE INDEX articles_keys ON articles USING gin (keys);
CREATE INDEX articles_title_bigrams ON articles USING gin (title_bigrams);
CREATE INDEX passages_bigrams ON passages USING gin (bigrams);
CREATE INDEX quotes_date ON quotes (date);
CREATE INDEX quotes_keys ON quotes USING gin (keys);
CREATE INDEX quotes_bigrams ON quotes USING gin (bigrams);
