package bench

import (
	"context"
	"net/http"
	"net/url"
	"runtime"
	"strings"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
	"fangtan/index"
	"fangtan/web"
)

// fangtanSystem is the real fangtan pipeline, plugged in through the
// public APIs of corpus, index and web, wired as `fangtan index` and
// `fangtan serve` wire them: corpus.Load reads the JSONL, the extractor
// runs in the build's workers, index.Build writes word and exact fields,
// quote documents and facets, and web.New serves the JSON API.
type fangtanSystem struct{}

func (fangtanSystem) Name() string { return NameFangtan }

func (fangtanSystem) Build(ctx context.Context, corpusPath, dir string) (int, []string, error) {
	seg, err := analyzer.Default()
	if err != nil {
		return 0, nil, err
	}
	ext, err := extract.NewExtractor(seg)
	if err != nil {
		return 0, nil, err
	}
	var problems []corpus.Problem
	src := func(ctx context.Context, emit func(fangtan.Document) error) error {
		rep, err := corpus.Load(ctx, corpus.Options{}, []string{corpusPath}, emit)
		problems = rep.Problems
		return err
	}
	stats, err := index.Build(ctx, dir, src, index.BuildOptions{Prepare: ext.Extract})
	if err != nil {
		return 0, nil, err
	}
	var skipped []string
	for _, p := range problems {
		skipped = append(skipped, p.Error())
	}
	for _, s := range stats.Skipped {
		skipped = append(skipped, s.ID+": "+s.Reason)
	}
	return stats.Documents, skipped, nil
}

func (fangtanSystem) Open(ctx context.Context, dir string) (engine, error) {
	idx, err := index.OpenReadOnly(dir)
	if err != nil {
		return nil, err
	}
	return &fangtanEngine{idx: idx}, nil
}

// Texts are the documents as fangtan's corpus reader produced them: the
// oracle must look at the text fangtan indexed.
func (fangtanSystem) Texts(ctx context.Context, c *Corpus) ([]Record, error) {
	var recs []Record
	_, err := corpus.Load(ctx, corpus.Options{}, []string{c.Path}, func(d fangtan.Document) error {
		recs = append(recs, Record{ID: d.ID, Date: d.Date, Title: d.Title, Text: d.Text})
		return nil
	})
	return recs, err
}

// fangtanEngine searches a fangtan index of either backend through
// fangtan.Searcher, as web does.
type fangtanEngine struct {
	idx interface {
		fangtan.Searcher
		Close() error
	}
}

func (e *fangtanEngine) Close() error { return e.idx.Close() }

func (e *fangtanEngine) query(q MixQuery) fangtan.Query {
	fq := fangtan.Query{Text: q.Text}
	if q.Year != "" {
		fq.Years = []string{q.Year}
	}
	return fq
}

func (e *fangtanEngine) Search(ctx context.Context, q MixQuery) (int, error) {
	if q.Kind == KindQuote {
		res, err := e.idx.SearchQuotes(ctx, e.query(q))
		if err != nil {
			return 0, err
		}
		return len(res.Hits), nil
	}
	res, err := e.idx.Search(ctx, e.query(q))
	if err != nil {
		return 0, err
	}
	return len(res.Hits), nil
}

// Handler serves the index as fangtan serve does, except that the
// benchmark's HTTP clients, which stand for distinct users, all connect
// from 127.0.0.1: the per-client limit is raised to the shared one.
func (e *fangtanEngine) Handler() http.Handler {
	all := 4 * runtime.GOMAXPROCS(0)
	return web.New(e.idx, web.Options{MaxConcurrent: all, PerClient: all, PerClientQueued: 64})
}

func (e *fangtanEngine) Path(q MixQuery) string {
	v := url.Values{"q": {q.Text}}
	if q.Year != "" {
		v.Set("year", q.Year)
	}
	if q.Kind == KindQuote {
		return "/api/quotes?" + v.Encode()
	}
	return "/api/search?" + v.Encode()
}

// fangtanPage is the largest page index.Search accepts.
const fangtanPage = 500

// Phrase pages through every article the quoted query finds, and names
// the reprints each hit lists (fangtan.Reprint): fangtan folds a record
// repeating an article's text into that article, which the hit names, so
// the oracle's record is found through it. A version (a shorter cut) is
// named only where its own text holds the phrase, as the oracle reads
// it: the hit does not claim the others match.
func (e *fangtanEngine) Phrase(ctx context.Context, phrase string) ([]string, error) {
	var ids []string
	articles := 0
	want := oracleNorm(phrase)
	for from := 0; ; from += fangtanPage {
		res, err := e.idx.Search(ctx, fangtan.Query{Text: `"` + phrase + `"`, From: from, Size: fangtanPage})
		if err != nil {
			return ids, err
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
			for _, r := range h.Reprints {
				if r.Version {
					v, err := e.idx.Document(ctx, r.ID, "")
					if err != nil {
						return ids, err
					}
					if v.AsReprint == nil || !strings.Contains(oracleNorm(v.AsReprint.Title), want) && !strings.Contains(oracleNorm(v.AsReprint.Text), want) {
						continue
					}
				}
				ids = append(ids, r.ID)
			}
		}
		articles += len(res.Hits)
		if len(res.Hits) < fangtanPage || uint64(articles) >= res.Total {
			return ids, nil
		}
	}
}
