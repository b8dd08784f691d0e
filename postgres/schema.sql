-- fangtan's PostgreSQL schema. Every name is unqualified: the backend runs
-- this file with search_path set to the schema it builds into (a fresh
-- schema per rebuild, renamed to the live name in the build's own
-- transaction), and other deployments (shards, a coordinator) can run it
-- the same way.
--
-- Analysis happens in Go (package analyzer, as for the bleve index): the
-- tsvectors below arrive as tsvector text built there, never from
-- to_tsvector, so PostgreSQL's text search configurations play no part.
--
-- Partitioning and Citus. Every row of articles, passages and quotes
-- carries its article's id and `part`, the article's date (or 0001-01-01
-- when it has none); every primary key holds both, and no table has a
-- foreign key into another (the backend deletes an article's passages and
-- quotes itself, in the same transaction). So:
--
--   * articles, passages and quotes can each be declared
--       CREATE TABLE articles (...) PARTITION BY RANGE (part);
--     with partitions that are postgres_fdw foreign tables on shard
--     servers, by date, e.g.
--       CREATE FOREIGN TABLE articles_2023 PARTITION OF articles
--         FOR VALUES FROM ('2023-01-01') TO ('2024-01-01') SERVER shard1
--         OPTIONS (schema_name 'fangtan', table_name 'articles');
--       CREATE FOREIGN TABLE articles_undated PARTITION OF articles
--         FOR VALUES FROM (MINVALUE) TO ('1000-01-01') SERVER shard1 ...;
--     (primary keys and GIN indexes are then created on the shards'
--     tables, not on the partitioned parent: PostgreSQL cannot build a
--     unique index over foreign partitions). The search SQL joins
--     passages and quotes to articles on (article_id, part), so a join
--     stays within one partition.
--   * with Citus, articles is distributed by id and passages and quotes by
--     article_id, colocated (SELECT create_distributed_table('passages',
--     'article_id', colocate_with => 'articles')); meta, registry and
--     registry_aliases are reference tables. Each primary key holds the
--     distribution column, as Citus requires.

CREATE TABLE meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE articles (
    id            text NOT NULL,
    part          date NOT NULL,
    date          date,            -- NULL: undated
    file          text NOT NULL DEFAULT '',
    doc           jsonb NOT NULL,  -- the Document without text, paragraphs and quotes; paragraph_lens split body again
    title         text NOT NULL DEFAULT '',
    body          text NOT NULL DEFAULT '',  -- the text, raw, in its original script
    title_norm    text NOT NULL DEFAULT '',  -- folded, letters and digits only: what quoted phrases are checked against (strpos)
    norm          text NOT NULL DEFAULT '',
    title_words   tsvector NOT NULL DEFAULT '',  -- the word analyzer's terms (jieba search mode), for ranking
    words         tsvector NOT NULL DEFAULT '',
    title_bigrams tsvector NOT NULL DEFAULT '',  -- character bigrams with positions, for phrases; the body's are in passages
    facets        text[] NOT NULL DEFAULT '{}',  -- 'facet<US>value' as shown (and 'month<US>2021-07'), counted
    keys          text[] NOT NULL DEFAULT '{}',  -- 'facet<US>value' as filtered (places in their short form, authors), matched with &&
    posts         text[] NOT NULL DEFAULT '{}',  -- 'name<US>year<US>post<US>country', for an official's profile
    print         text NOT NULL DEFAULT '',  -- fangtan.Print of the text: an add finds what a new document reprints by it
    title_print   text NOT NULL DEFAULT '',  -- fangtan.TitlePrint of the title, for an article with a print: an add finds what a version cuts by it
    PRIMARY KEY (id, part)
);

-- An article's text as overlapping passages of character bigrams: a
-- tsvector keeps positions only up to 16,383 and 256 per lexeme, and holds
-- at most 1 MB. `complete` is false when some bigram occurs more than 256
-- times in the passage, where a <-> chain could miss a later occurrence.
-- A text of several passages has one more row, seq -1: the set of all its
-- bigrams without positions (never complete), for a bare word's bigrams
-- anywhere in the text, as a bleve index matches them.
CREATE TABLE passages (
    article_id text NOT NULL,
    part       date NOT NULL,
    seq        int NOT NULL,
    bigrams    tsvector NOT NULL,
    complete   boolean NOT NULL,
    PRIMARY KEY (article_id, part, seq)
);

CREATE TABLE quotes (
    article_id    text NOT NULL,
    part          date NOT NULL,
    n             int NOT NULL,    -- the quote's number in its article: its id is article_id || '#q' || n
    date          date,
    file          text NOT NULL DEFAULT '',
    text          text NOT NULL,
    speaker       text NOT NULL DEFAULT '',
    speaker_title text NOT NULL DEFAULT '',
    kind          text NOT NULL,
    paragraph     int NOT NULL,    -- 0-based, as fangtan.Quote.Paragraph
    hit           jsonb NOT NULL,  -- the QuoteHit without fragments
    norm          text NOT NULL DEFAULT '',
    words         tsvector NOT NULL DEFAULT '',
    bigrams       tsvector NOT NULL DEFAULT '',
    complete      boolean NOT NULL DEFAULT true,
    facets        text[] NOT NULL DEFAULT '{}',
    keys          text[] NOT NULL DEFAULT '{}',
    weight        real NOT NULL DEFAULT 1,  -- fangtan.QuoteWeight: a quote's rank is multiplied by it
    PRIMARY KEY (article_id, part, n)
);

-- Reprints (fangtan.Reprint): ids folded into the article they reprint,
-- each with its record. Kept beside meta and the registry, not sharded.
CREATE TABLE reprints (
    id     text PRIMARY KEY,
    of     text NOT NULL,
    file   text NOT NULL DEFAULT '',
    record jsonb NOT NULL
);
CREATE INDEX reprints_of ON reprints (of);
CREATE INDEX reprints_file ON reprints (file);

-- The corpus-level registry of officials (fangtan.Registry).
CREATE TABLE registry (
    name     text PRIMARY KEY,
    country  text NOT NULL DEFAULT '',
    posts    jsonb NOT NULL,   -- post → articles giving it
    articles int NOT NULL,
    post_months jsonb NOT NULL DEFAULT '{}'  -- post → month (YYYY-MM) → articles
);

CREATE TABLE registry_aliases (
    alias text PRIMARY KEY,
    name  text NOT NULL
);
