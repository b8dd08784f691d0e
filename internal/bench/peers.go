package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/yanyiwu/gojieba"
)

// Names of the peer configurations, as they appear in reports.
const (
	NameFangtan = "fangtan"
	NamePeerA   = "peerA-cjk"
	NamePeerB   = "peerB-jieba"
)

// peerBatchSize is the batch size the peers index with: the order of
// magnitude bleve's own examples and most adapters use.
const peerBatchSize = 1000

// Peer B's adapter, written the way public gojieba/bleve adapters are
// (gojieba's own bleve plugin is the model): search-mode Tokenize, one
// incrementing position per token, punctuation and whitespace dropped. It
// loads gojieba's bundled dictionary itself, as such an adapter does.
const (
	peerBTokenizerName = "bench_peer_gojieba"
	peerBAnalyzerName  = "bench_peer_gojieba"
)

var (
	jiebaOnce sync.Once
	jiebaInst *gojieba.Jieba
)

// peerJieba is the process's one gojieba instance for peer B, the query mix
// and the Cut ceiling. cppjieba's cutting is read-only, so it is shared.
func peerJieba() *gojieba.Jieba {
	jiebaOnce.Do(func() { jiebaInst = gojieba.NewJieba() })
	return jiebaInst
}

type jiebaTokenizer struct{ j *gojieba.Jieba }

func (t jiebaTokenizer) Tokenize(input []byte) analysis.TokenStream {
	words := t.j.Tokenize(string(input), gojieba.SearchMode, true)
	out := make(analysis.TokenStream, 0, len(words))
	pos := 1
	for _, w := range words {
		if !hasWordRune(w.Str) {
			continue
		}
		out = append(out, &analysis.Token{
			Term:     []byte(w.Str),
			Start:    w.Start,
			End:      w.End,
			Position: pos,
			Type:     analysis.Ideographic,
		})
		pos++
	}
	return out
}

func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

func init() {
	registry.RegisterTokenizer(peerBTokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return jiebaTokenizer{peerJieba()}, nil
	})
	registry.RegisterAnalyzer(peerBAnalyzerName, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		tok, err := cache.TokenizerNamed(peerBTokenizerName)
		if err != nil {
			return nil, err
		}
		return &analysis.DefaultAnalyzer{Tokenizer: tok}, nil
	})
}

// peer is a plain bleve configuration: title and text with one analyzer,
// stored, with term vectors, _all off, plus a keyword year so that the
// facet drill-down has a field to facet and filter on.
type peer struct {
	name     string
	analyzer string
}

var (
	peerA = peer{NamePeerA, cjk.AnalyzerName}
	peerB = peer{NamePeerB, peerBAnalyzerName}
)

func (p peer) Name() string { return p.name }

func (p peer) mapping() mapping.IndexMapping {
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = p.analyzer
		f.Store = true
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		return f
	}
	year := bleve.NewKeywordFieldMapping()
	year.IncludeInAll = false
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("title", text())
	doc.AddFieldMappingsAt("text", text())
	doc.AddFieldMappingsAt("year", year)
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = p.analyzer
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	return m
}

func (p peer) Build(ctx context.Context, corpusPath, dir string) (int, []string, error) {
	n, err := p.build(ctx, corpusPath, dir)
	return n, nil, err
}

func (p peer) build(ctx context.Context, corpusPath, dir string) (int, error) {
	recs, err := ReadRecords(corpusPath)
	if err != nil {
		return 0, err
	}
	idx, err := bleve.New(dir, p.mapping())
	if err != nil {
		return 0, fmt.Errorf("%s: create %s: %w", p.name, dir, err)
	}
	b := idx.NewBatch()
	for i := range recs {
		if err := ctx.Err(); err != nil {
			idx.Close()
			return 0, err
		}
		r := &recs[i]
		doc := map[string]interface{}{"title": r.Title, "text": r.Text, "year": r.Year()}
		if err := b.Index(r.ID, doc); err != nil {
			idx.Close()
			return 0, fmt.Errorf("%s: %s: %w", p.name, r.ID, err)
		}
		if b.Size() >= peerBatchSize {
			if err := idx.Batch(b); err != nil {
				idx.Close()
				return 0, fmt.Errorf("%s: batch: %w", p.name, err)
			}
			b.Reset()
		}
	}
	if b.Size() > 0 {
		if err := idx.Batch(b); err != nil {
			idx.Close()
			return 0, fmt.Errorf("%s: batch: %w", p.name, err)
		}
	}
	if err := idx.Close(); err != nil {
		return 0, fmt.Errorf("%s: close: %w", p.name, err)
	}
	return len(recs), nil
}

func (p peer) Open(ctx context.Context, dir string) (engine, error) {
	idx, err := bleve.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: open %s: %w", p.name, dir, err)
	}
	return &peerEngine{name: p.name, idx: idx}, nil
}

// Texts are the records themselves: the peers index them unchanged.
func (p peer) Texts(ctx context.Context, c *Corpus) ([]Record, error) { return c.Records, nil }

type peerEngine struct {
	name string
	idx  bleve.Index
}

func (e *peerEngine) Close() error { return e.idx.Close() }

// textQuery is the peer's equivalent of fangtan's query language: a quoted
// string is a phrase, otherwise every space-separated term must match
// (all of its tokens) in the title or the text.
func textQuery(text string) query.Query {
	field := func(mk func(field string) query.Query) query.Query {
		return bleve.NewDisjunctionQuery(mk("title"), mk("text"))
	}
	t := strings.TrimSpace(text)
	if len(t) >= 2 && strings.HasPrefix(t, `"`) && strings.HasSuffix(t, `"`) {
		phrase := t[1 : len(t)-1]
		return field(func(f string) query.Query {
			q := bleve.NewMatchPhraseQuery(phrase)
			q.SetField(f)
			return q
		})
	}
	var terms []query.Query
	for _, term := range strings.Fields(t) {
		terms = append(terms, field(func(f string) query.Query {
			q := bleve.NewMatchQuery(term)
			q.SetField(f)
			q.SetOperator(query.MatchQueryOperatorAnd)
			return q
		}))
	}
	if len(terms) == 1 {
		return terms[0]
	}
	return bleve.NewConjunctionQuery(terms...)
}

// request is what the peer's search page asks: the top ten with title,
// highlighted fragments of the text and a year facet, the work fangtan's
// result page does too.
func (e *peerEngine) request(q MixQuery) *bleve.SearchRequest {
	var qq query.Query = textQuery(q.Text)
	if q.Year != "" {
		year := bleve.NewTermQuery(q.Year)
		year.SetField("year")
		qq = bleve.NewConjunctionQuery(qq, year)
	}
	req := bleve.NewSearchRequestOptions(qq, 10, 0, false)
	req.Fields = []string{"title"}
	req.Highlight = bleve.NewHighlightWithStyle("html")
	req.Highlight.AddField("text")
	req.AddFacet("year", bleve.NewFacetRequest("year", 10))
	return req
}

func (e *peerEngine) Search(ctx context.Context, q MixQuery) (int, error) {
	res, err := e.idx.SearchInContext(ctx, e.request(q))
	if err != nil {
		return 0, err
	}
	return len(res.Hits), nil
}

func (e *peerEngine) Path(q MixQuery) string {
	v := url.Values{"q": {q.Text}}
	if q.Year != "" {
		v.Set("year", q.Year)
	}
	return "/search?" + v.Encode()
}

// Handler is the peer's minimal search API: GET /search?q=…&year=….
func (e *peerEngine) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /search", func(w http.ResponseWriter, r *http.Request) {
		q := MixQuery{Text: r.FormValue("q"), Year: r.FormValue("year")}
		if strings.TrimSpace(q.Text) == "" {
			http.Error(w, "q is required", http.StatusBadRequest)
			return
		}
		start := time.Now()
		res, err := e.idx.SearchInContext(r.Context(), e.request(q))
		if err != nil {
			http.Error(w, "search failed", http.StatusInternalServerError)
			return
		}
		type hit struct {
			ID        string   `json:"id"`
			Title     string   `json:"title"`
			Score     float64  `json:"score"`
			Fragments []string `json:"fragments"`
		}
		out := struct {
			Total  uint64              `json:"total"`
			TookMs float64             `json:"took_ms"`
			Hits   []hit               `json:"hits"`
			Facets map[string][]string `json:"facets"`
		}{Total: res.Total, Hits: []hit{}, Facets: map[string][]string{}}
		for _, h := range res.Hits {
			title, _ := h.Fields["title"].(string)
			out.Hits = append(out.Hits, hit{h.ID, title, h.Score, h.Fragments["text"]})
		}
		if f := res.Facets["year"]; f != nil && f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				out.Facets["year"] = append(out.Facets["year"], t.Term+":"+strconv.Itoa(t.Count))
			}
		}
		out.TookMs = float64(time.Since(start).Microseconds()) / 1000
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	})
	return mux
}

// Phrase returns every document the peer's natural phrase query finds.
func (e *peerEngine) Phrase(ctx context.Context, phrase string) ([]string, error) {
	n, err := e.idx.DocCount()
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(textQuery(`"`+phrase+`"`), int(n)+1, 0, false)
	res, err := e.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}
