package extract

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"

	"fangtan"
	"fangtan/analyzer"
)

// GoldFile is a file of hand-labelled articles (testdata/gold/README.md).
type GoldFile struct {
	Items []GoldItem `json:"items"`
}

// GoldItem is one article and what a careful reader finds in it. A nil
// label is not scored for the item; an empty one says there is none.
type GoldItem struct {
	ID         string   `json:"id"`
	Origin     string   `json:"origin"`
	Title      string   `json:"title"`
	Date       string   `json:"date"`
	Source     string   `json:"source"`
	Paragraphs []string `json:"paragraphs"`

	Officials []GoldOfficial `json:"officials"`
	Provinces []string       `json:"provinces"`
	Cities    []string       `json:"cities"`
	Districts []string       `json:"districts"`
	Themes    []string       `json:"themes"`
	Quotes    []GoldQuote    `json:"quotes"`
	Reported  []GoldQuote    `json:"reported"`
	Notes     string         `json:"notes"`
}

// GoldOfficial is an official as labelled: canonical name, post as
// written, and country ("" for China).
type GoldOfficial struct {
	Name    string `json:"name"`
	Post    string `json:"post"`
	Country string `json:"country"`
}

// GoldQuote is a quotation or a reported statement; Paragraph is 1-based
// (0 is the title).
type GoldQuote struct {
	Paragraph int    `json:"paragraph"`
	Text      string `json:"text"`
	Speaker   string `json:"speaker"`
}

// Document is the item's input as a fangtan.Document.
func (it *GoldItem) Document() fangtan.Document {
	paras := append([]string(nil), it.Paragraphs...)
	return fangtan.Document{ID: it.ID, Title: it.Title, Date: it.Date, Source: it.Source,
		Paragraphs: paras, Text: strings.Join(paras, "\n")}
}

// LoadGold reads gold files. A malformed file, or an item whose quote is not
// in the paragraph it names, is an error naming the file and the item.
func LoadGold(paths ...string) ([]GoldItem, error) {
	var all []GoldItem
	seen := map[string]string{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("gold: %w", err)
		}
		var f GoldFile
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				line := 1 + strings.Count(string(data[:min(int(se.Offset), len(data))]), "\n")
				return nil, fmt.Errorf("gold %s:%d: %w", p, line, err)
			}
			return nil, fmt.Errorf("gold %s: %w", p, err)
		}
		for i := range f.Items {
			it := &f.Items[i]
			if it.ID == "" {
				return nil, fmt.Errorf("gold %s: item %d has no id", p, i+1)
			}
			if other, dup := seen[it.ID]; dup {
				return nil, fmt.Errorf("gold %s: item %s is also in %s", p, it.ID, other)
			}
			seen[it.ID] = p
			for _, qs := range [][]GoldQuote{it.Quotes, it.Reported} {
				for _, q := range qs {
					if q.Paragraph < 0 || q.Paragraph > len(it.Paragraphs) {
						return nil, fmt.Errorf("gold %s: item %s: paragraph %d of %d", p, it.ID, q.Paragraph, len(it.Paragraphs))
					}
					para := it.Title
					if q.Paragraph > 0 {
						para = it.Paragraphs[q.Paragraph-1]
					}
					if q.Text == "" || !strings.Contains(para, q.Text) {
						return nil, fmt.Errorf("gold %s: item %s: %q is not in paragraph %d", p, it.ID, q.Text, q.Paragraph)
					}
				}
			}
		}
		all = append(all, f.Items...)
	}
	return all, nil
}

// Score counts one field's matches over many items.
type Score struct {
	Gold, Found, Matched int
}

// Precision is Matched/Found, or 1 when nothing was found.
func (s Score) Precision() float64 { return ratio(s.Matched, s.Found) }

// Recall is Matched/Gold, or 1 when there was nothing to find.
func (s Score) Recall() float64 { return ratio(s.Matched, s.Gold) }

// F1 is the harmonic mean of Precision and Recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// The fields an evaluation scores, in the order it prints them. Speaker
// scores count, among matched quotes, those whose extracted speaker is not
// empty (Found), the gold speakers that are not empty (Gold), and the
// extracted speakers equal to the gold one (Matched).
const (
	FieldOfficials        = "officials"
	FieldProvinces        = "provinces"
	FieldCities           = "cities"
	FieldDistricts        = "districts"
	FieldThemes           = "themes"
	FieldQuotes           = "quotes"
	FieldQuoteSpeakers    = "quote speakers"
	FieldReported         = "reported"
	FieldReportedSpeakers = "reported speakers"
)

// EvalFields lists the fields in report order.
var EvalFields = []string{FieldOfficials, FieldProvinces, FieldCities, FieldDistricts, FieldThemes,
	FieldQuotes, FieldQuoteSpeakers, FieldReported, FieldReportedSpeakers}

// Evaluation is the outcome of scoring an extractor against gold items.
type Evaluation struct {
	Items  int
	Scores map[string]*Score
	// Misses lists, per item, what was missed (-) and what was found but
	// is not in the gold (+), for reading where extraction goes wrong.
	Misses []string
}

// Evaluate extracts every gold item with ex and scores the result. The
// items are treated as one corpus, as an index build treats its input:
// the officials seen with a post in any item are registered
// (fangtan.Registry) and then found in every item that names them.
func Evaluate(ex *Extractor, items []GoldItem) *Evaluation {
	ev := &Evaluation{Items: len(items), Scores: map[string]*Score{}}
	for _, f := range EvalFields {
		ev.Scores[f] = &Score{}
	}
	docs := make([]fangtan.Document, len(items))
	reg := fangtan.NewRegistry()
	for i := range items {
		docs[i] = items[i].Document()
		ex.Extract(&docs[i])
		reg.Note(&docs[i])
	}
	names := reg.Names()
	for i := range items {
		ex.AddRegistered(&docs[i], reg, names)
		ev.item(&items[i], &docs[i], ex.canonicalName)
	}
	return ev
}

// item scores one document against its gold. canonical gives a labelled
// name the name the extractor lists that person by (its aliases): the
// gold names people as the article does (托马斯·巴赫), and which of a
// person's names the facets list is the alias file's choice, not the
// labeller's.
func (ev *Evaluation) item(it *GoldItem, doc *fangtan.Document, canonical func(string) string) {
	miss := func(field, sign, v string) {
		ev.Misses = append(ev.Misses, fmt.Sprintf("%s %s %s %s", it.ID, field, sign, v))
	}
	sets := func(field string, gold []string, found []string) {
		if gold == nil {
			return
		}
		g, f := setOf(gold), setOf(found)
		s := ev.Scores[field]
		s.Gold += len(g)
		s.Found += len(f)
		for v := range f {
			if g[v] {
				s.Matched++
			} else {
				miss(field, "+", v)
			}
		}
		for _, v := range sortedKeys(g) {
			if !f[v] {
				miss(field, "-", v)
			}
		}
	}
	if it.Officials != nil {
		var gold, found []string
		for _, o := range it.Officials {
			gold = append(gold, canonical(analyzer.Fold(o.Name)))
		}
		for _, o := range doc.Officials {
			found = append(found, analyzer.Fold(o.Name))
		}
		sets(FieldOfficials, gold, found)
	}
	sets(FieldProvinces, it.Provinces, doc.Places.Provinces)
	sets(FieldCities, it.Cities, doc.Places.Cities)
	sets(FieldDistricts, it.Districts, doc.Places.Districts)
	sets(FieldThemes, it.Themes, doc.Themes)

	var direct, reported []fangtan.Quote
	for _, q := range doc.Quotes {
		if q.Kind == fangtan.QuoteReported {
			reported = append(reported, q)
		} else {
			direct = append(direct, q)
		}
	}
	if it.Quotes != nil {
		ev.quotes(it.ID, FieldQuotes, FieldQuoteSpeakers, it.Quotes, direct, canonical, miss)
	}
	if it.Reported != nil {
		ev.quotes(it.ID, FieldReported, FieldReportedSpeakers, it.Reported, reported, canonical, miss)
	}
}

// quotes matches extracted quotes to gold ones, best overlap first, each at
// most once.
func (ev *Evaluation) quotes(id, field, speakerField string, gold []GoldQuote, found []fangtan.Quote, canonical func(string) string, miss func(field, sign, v string)) {
	s, sp := ev.Scores[field], ev.Scores[speakerField]
	s.Gold += len(gold)
	s.Found += len(found)
	type pair struct {
		g, f    int
		overlap float64
	}
	var pairs []pair
	gb := make([]map[string]bool, len(gold))
	for i, g := range gold {
		gb[i] = bigrams(g.Text)
	}
	for j, f := range found {
		fb := bigrams(f.Text)
		for i := range gold {
			if o := overlap(gb[i], fb); o >= 0.6 {
				// The same paragraph first: a headline that repeats the
				// statement is another item.
				if gold[i].Paragraph == f.Paragraph+1 {
					o++
				}
				pairs = append(pairs, pair{i, j, o})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].overlap > pairs[b].overlap })
	gUsed, fUsed := make([]bool, len(gold)), make([]bool, len(found))
	for _, p := range pairs {
		if gUsed[p.g] || fUsed[p.f] {
			continue
		}
		gUsed[p.g], fUsed[p.f] = true, true
		s.Matched++
		g, f := gold[p.g], found[p.f]
		gs, fs := canonical(analyzer.Fold(g.Speaker)), analyzer.Fold(f.Speaker)
		if gs != "" {
			sp.Gold++
		}
		if fs != "" {
			sp.Found++
		}
		if fs != "" && fs == gs {
			sp.Matched++
		} else if fs != gs {
			miss(speakerField, "≠", fmt.Sprintf("%q said by %q, not %q", short(g.Text), g.Speaker, f.Speaker))
		}
	}
	for i, g := range gold {
		if !gUsed[i] {
			miss(field, "-", fmt.Sprintf("%q (%s)", short(g.Text), g.Speaker))
		}
	}
	for j, f := range found {
		if !fUsed[j] {
			miss(field, "+", fmt.Sprintf("%q (%s)", short(f.Text), f.Speaker))
		}
	}
}

func short(s string) string {
	rs := []rune(s)
	if len(rs) > 24 {
		return string(rs[:24]) + "…"
	}
	return s
}

// bigrams are the folded text's pairs of adjacent letters or digits, so
// that punctuation and script do not decide a match.
func bigrams(s string) map[string]bool {
	var rs []rune
	for _, r := range analyzer.Fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	m := make(map[string]bool, len(rs))
	if len(rs) == 1 {
		m[string(rs)] = true
	}
	for i := 0; i+1 < len(rs); i++ {
		m[string(rs[i:i+2])] = true
	}
	return m
}

// overlap is the share of the smaller set that the larger one holds.
func overlap(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

func setOf(vs []string) map[string]bool {
	m := make(map[string]bool, len(vs))
	for _, v := range vs {
		if v != "" {
			m[v] = true
		}
	}
	return m
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// WriteTable prints the evaluation as a Markdown table.
func (ev *Evaluation) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%d items\n\n", ev.Items)
	fmt.Fprintln(w, "| field | gold | found | matched | precision | recall | F1 |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|--:|")
	for _, f := range EvalFields {
		s := ev.Scores[f]
		if s.Gold == 0 && s.Found == 0 {
			fmt.Fprintf(w, "| %s | 0 | 0 | 0 | – | – | – |\n", f)
			continue
		}
		fmt.Fprintf(w, "| %s | %d | %d | %d | %.3f | %.3f | %.3f |\n", f, s.Gold, s.Found, s.Matched, s.Precision(), s.Recall(), s.F1())
	}
}

// Floors are the lowest scores a change may leave: field → "precision" or
// "recall" → minimum. make test holds the extractor to them.
type Floors map[string]map[string]float64

// LoadFloors reads a floors file.
func LoadFloors(path string) (Floors, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("floors: %w", err)
	}
	var f Floors
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("floors %s: %w", path, err)
	}
	for field, m := range f {
		if !slices.Contains(EvalFields, field) {
			return nil, fmt.Errorf("floors %s: unknown field %q (fields: %s)", path, field, strings.Join(EvalFields, ", "))
		}
		for k, v := range m {
			if k != "precision" && k != "recall" || math.IsNaN(v) || v < 0 || v > 1 {
				return nil, fmt.Errorf("floors %s: %s: %q %v: want precision or recall between 0 and 1", path, field, k, v)
			}
		}
	}
	return f, nil
}

// Below lists the scores under their floors, e.g.
// "officials recall 0.871 < 0.900".
func (ev *Evaluation) Below(f Floors) []string {
	var out []string
	for _, field := range EvalFields {
		for _, k := range []string{"precision", "recall"} {
			min, ok := f[field][k]
			if !ok {
				continue
			}
			s := ev.Scores[field]
			got := s.Precision()
			if k == "recall" {
				got = s.Recall()
			}
			// Scores are printed to three places; compare at that precision.
			if math.Round(got*1000) < math.Round(min*1000) {
				out = append(out, fmt.Sprintf("%s %s %.3f < %.3f", field, k, got, min))
			}
		}
	}
	return out
}
