// Command facetpanel measures the precision of an index's facets on a
// whole archive, where the gold set (a few dozen articles labelled
// completely) cannot: it samples (article, facet value) pairs uniformly
// from what the facet counts, so a labelled sample estimates the share of
// the counts a researcher sees that are right.
//
//	go run ./internal/bench/facetpanel sample -index DIR -facet official -n 100 -seed 1 > panel.tsv
//	go run ./internal/bench/facetpanel sample -index NEW -since OLD -facet official -n 60 -seed 1 > added.tsv
//	go run ./internal/bench/facetpanel score -index DIR panel.tsv...
//	go run ./internal/bench/facetpanel show -index DIR ID...
//
// show prints articles whole, for a labeller who needs more than the
// evidence. sample prints one line per pair: an empty label column, the article's
// id, the facet, the value and the evidence a labeller needs (the post
// for an official; the article's places for a place; the phrases for a
// theme; and up to three passages of the text, folded to Simplified,
// around the value, its short name or the theme's phrases). A labeller
// writes y (the article is about or names this official, is about this
// place, or speaks of this theme) or n in the first column, and a reason
// in the last.
//
// score reads labelled panels and looks each pair up in an index (built
// by the code to compare): the panel's precision, the wrong pairs the
// index still counts and the right pairs it no longer counts. A panel
// labelled from one build and scored on another estimates only what
// changed among its own pairs; a new sample measures the new build.
// sample -since OLD draws only from the pairs the index counts and the
// index OLD (built by the code before a change) does not: the precision
// of what the change added, which a uniform panel sees only a few of.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/extract"
	"fangtan/index"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "sample":
		err = sampleCmd(os.Args[2:])
	case "score":
		err = scoreCmd(os.Args[2:])
	case "show":
		err = showCmd(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "facetpanel:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: facetpanel sample -index DIR [-since OLD] -facet official|province|city|district|theme [-n N] [-seed S]\n       facetpanel score -index DIR PANEL...\n       facetpanel show -index DIR ID...")
	os.Exit(2)
}

// openIndex opens the -index directory each command reads.
func openIndex(dir string) (*index.Index, error) {
	if dir == "" {
		return nil, errors.New("-index DIR is required")
	}
	return index.OpenReadOnly(dir)
}

// values is what an article's facet counts it under.
func values(h fangtan.Hit, facet string) []string {
	switch facet {
	case "official":
		var v []string
		for _, o := range h.Officials {
			v = append(v, o.Name)
		}
		return v
	case "province":
		return h.Provinces
	case "city":
		return h.Cities
	case "district":
		return h.Districts
	case "theme":
		return h.Themes
	}
	return nil
}

// facets are the facets a panel can sample.
var facets = []string{"official", "province", "city", "district", "theme"}

// everyArticle emits each dated article of the index, a year at a time
// (an export is bounded; undated articles are left out).
func everyArticle(ctx context.Context, x *index.Index, emit func(fangtan.Hit) error) error {
	for y := 1949; y <= 2030; y++ {
		q := fangtan.Query{Years: []string{strconv.Itoa(y)}, Sort: "oldest"}
		if err := x.Export(ctx, q, index.MaxExport, func(uint64) error { return nil }, emit); err != nil {
			return fmt.Errorf("year %d: %w", y, err)
		}
	}
	return nil
}

type pair struct {
	id, value, post string
	places          string
}

func sampleCmd(args []string) error {
	fs := flag.NewFlagSet("sample", flag.ExitOnError)
	dir := fs.String("index", "", "index directory")
	facet := fs.String("facet", "official", strings.Join(facets, ", "))
	n := fs.Int("n", 100, "pairs to sample")
	seed := fs.Uint64("seed", 1, "random seed: the same index and seed give the same sample")
	since := fs.String("since", "", "an older index: draw only from the pairs it does not count")
	fs.Parse(args)
	if !slices.Contains(facets, *facet) {
		return fmt.Errorf("unknown facet %q: use one of %s", *facet, strings.Join(facets, ", "))
	}
	x, err := openIndex(*dir)
	if err != nil {
		return err
	}
	defer x.Close()
	var old *index.Index
	if *since != "" {
		if old, err = openIndex(*since); err != nil {
			return fmt.Errorf("-since: %w", err)
		}
		defer old.Close()
	}
	w := bufio.NewWriter(os.Stdout)
	if err := sample(context.Background(), w, x, old, *facet, *n, *seed); err != nil {
		return err
	}
	return w.Flush()
}

// sample writes n pairs of the facet drawn uniformly, with the seed, from
// every pair the index counts, or, given an older index, from those the
// older one does not count.
func sample(ctx context.Context, w io.Writer, x, old *index.Index, facet string, n int, seed uint64) error {
	pairs, err := allPairs(ctx, x, facet)
	if err != nil {
		return err
	}
	drawnFrom := x.Path()
	if old != nil {
		before, err := allPairs(ctx, old, facet)
		if err != nil {
			return fmt.Errorf("%s: %w", old.Path(), err)
		}
		counted := make(map[[2]string]bool, len(before))
		for _, p := range before {
			counted[[2]string{p.id, p.value}] = true
		}
		pairs = slices.DeleteFunc(pairs, func(p pair) bool { return counted[[2]string{p.id, p.value}] })
		drawnFrom = fmt.Sprintf("%s not in %s", x.Path(), old.Path())
	}
	r := rand.New(rand.NewPCG(seed, 0))
	r.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	pairs = pairs[:min(n, len(pairs))]
	slices.SortFunc(pairs, func(a, b pair) int { return strings.Compare(a.id+a.value, b.id+b.value) })
	// A sample of what changed is no uniform panel: its header does not
	// start "# facetpanel sample", which make panels scores as one.
	kind := "sample"
	if old != nil {
		kind = "since-sample -since " + old.Path()
	}
	fmt.Fprintf(w, "# facetpanel %s -facet %s -n %d -seed %d: %d pairs of %s\n", kind, facet, n, seed, len(pairs), drawnFrom)
	fmt.Fprintln(w, "# label\tid\tfacet\tvalue\tpost or places\tevidence\treason")
	for _, p := range pairs {
		d, err := x.Document(ctx, p.id, "")
		if err != nil {
			return fmt.Errorf("document %s: %w", p.id, err)
		}
		about := p.post
		switch facet {
		case "theme":
			about = "(phrases: " + strings.Join(themePhrases[p.value], ", ") + ")"
		case "official": // the post, as set above
		default:
			about = p.places
		}
		ev := evidence(analyzer.Fold(d.Title+"。"+d.Text), p.value, facet)
		fmt.Fprintf(w, "\t%s\t%s\t%s\t%s\t%s\t\n", p.id, facet, p.value, about, ev)
	}
	return nil
}

// allPairs is every (article, value) pair of the facet that the index
// counts.
func allPairs(ctx context.Context, x *index.Index, facet string) ([]pair, error) {
	var pairs []pair
	err := everyArticle(ctx, x, func(h fangtan.Hit) error {
		for _, v := range values(h, facet) {
			p := pair{id: h.ID, value: v, places: strings.Join(slices.Concat(h.Provinces, h.Cities, h.Districts), " ")}
			if facet == "official" {
				for _, o := range h.Officials {
					if o.Name == v {
						p.post = o.Title
						if o.Country != "" {
							p.post += " [" + o.Country + "]"
						}
						// The date, since a post is right only while it is held.
						if o.Inferred {
							p.post += " (inferred from the registry; article of " + h.Date + ")"
						} else {
							p.post += " (article of " + h.Date + ")"
						}
					}
				}
			}
			pairs = append(pairs, p)
		}
		return nil
	})
	return pairs, err
}

// placeSuffixes are cut from a place's name to find it where the text
// writes it short (太原市 as 太原).
var placeSuffixes = []string{"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区", "省", "市", "区", "县", "盟", "旗"}

// themePhrases are the default theme set's phrases by theme, weak ones
// included (a theme found only by its weak words shows them), which are
// the evidence for a theme: an index built with --themes FILE is sampled
// with its names, but the passages shown are the default set's.
var themePhrases = func() map[string][]string {
	m := map[string][]string{}
	for _, th := range extract.DefaultThemes().List() {
		m[th.Name] = slices.Concat(th.Phrases, th.Weak)
	}
	return m
}()

// evidence is up to three passages of text around value, or around its
// short name or family name when the text never writes it whole; for a
// theme, around its phrases.
func evidence(text, value, facet string) string {
	if facet == "theme" {
		return themeEvidence(text, value)
	}
	keys := []string{value}
	if facet != "official" {
		for _, s := range placeSuffixes {
			if short, ok := strings.CutSuffix(value, s); ok && len([]rune(short)) >= 2 {
				keys = append(keys, short)
				break
			}
		}
	}
	var out []string
	for _, k := range keys {
		if out = passages(text, k, 3); len(out) > 0 {
			break
		}
	}
	// A place the article names by a part (紅磡 for 九龙城区): passages
	// around its parts' names too, two of each and six in all.
	if facet != "official" {
		for _, part := range regionParts[value] {
			if !slices.Contains(keys, part) { // 九龙城 is 九龙城区's short name and a part
				out = append(out, passages(text, part, min(2, 6-len(out)))...)
			}
		}
	}
	if len(out) == 0 {
		return "(not in the text)"
	}
	return strings.Join(out, " … ")
}

var regionParts = extract.RegionPartNames()

// passages is up to limit passages of text around k.
func passages(text, k string, limit int) []string {
	var out []string
	rest, base := text, 0
	for len(out) < limit {
		i := strings.Index(rest, k)
		if i < 0 {
			break
		}
		at := base + i
		out = append(out, around(text, at, len(k), 40))
		base = at + len(k)
		rest = text[base:]
	}
	return out
}

// themeEvidence is up to three passages around the theme's phrases, in
// the order the text writes them; where phrases overlap (脱贫攻坚 and 脱贫)
// the longest is marked.
func themeEvidence(text, theme string) string {
	var out []string
	for at := 0; at < len(text) && len(out) < 3; {
		best := 0
		for _, p := range themePhrases[theme] {
			if len(p) > best && strings.HasPrefix(text[at:], p) {
				best = len(p)
			}
		}
		if best == 0 {
			_, w := utf8.DecodeRuneInString(text[at:])
			at += w
			continue
		}
		out = append(out, around(text, at, best, 40))
		at += best
	}
	if len(out) == 0 {
		return "(no phrase in the text)"
	}
	return strings.Join(out, " … ")
}

// around is width runes either side of text[at:at+n], with the match in 【】.
func around(text string, at, n, width int) string {
	before := []rune(text[:at])
	after := []rune(text[at+n:])
	b := string(before[max(0, len(before)-width):])
	a := string(after[:min(width, len(after))])
	s := b + "【" + text[at:at+n] + "】" + a
	return strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
}

// showCmd prints articles whole, folded to Simplified, with what the
// index counts them under: for a labeller who needs more than the
// evidence.
func showCmd(args []string) error {
	fs := flag.NewFlagSet("show", flag.ExitOnError)
	dir := fs.String("index", "", "index directory")
	fs.Parse(args)
	x, err := openIndex(*dir)
	if err != nil {
		return err
	}
	defer x.Close()
	for _, id := range fs.Args() {
		d, err := x.Document(context.Background(), id, "")
		if err != nil {
			return fmt.Errorf("document %s: %w", id, err)
		}
		fmt.Printf("== %s %s %s\n%s\n\n%s\n", d.ID, d.Date, d.Source, analyzer.Fold(d.Title), analyzer.Fold(d.Text))
		fmt.Printf("-- officials:")
		for _, o := range d.Officials {
			fmt.Printf(" %s(%s)", o.Name, o.Title)
		}
		fmt.Printf("\n-- places: %v %v %v\n\n", d.Places.Provinces, d.Places.Cities, d.Places.Districts)
	}
	return nil
}

func scoreCmd(args []string) error {
	fs := flag.NewFlagSet("score", flag.ExitOnError)
	dir := fs.String("index", "", "index directory")
	fs.Parse(args)
	x, err := openIndex(*dir)
	if err != nil {
		return err
	}
	defer x.Close()
	ctx := context.Background()
	for _, path := range fs.Args() {
		if err := score(ctx, os.Stdout, x, path); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}

// labelled is one labelled pair of a panel.
type labelled struct {
	line                       int
	right                      bool
	id, facet, value, evidence string
}

// readPanel reads a labelled panel: every pair must carry y or n, and a
// wrong one its reason.
func readPanel(path string) ([]labelled, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []labelled
	for n, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) != 7 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 7 (label, id, facet, value, post or places, evidence, reason)", path, n+1, len(col))
		}
		if col[0] != "y" && col[0] != "n" {
			return nil, fmt.Errorf("%s:%d: label %q, want y or n", path, n+1, col[0])
		}
		if col[0] == "n" && strings.TrimSpace(col[6]) == "" {
			return nil, fmt.Errorf("%s:%d: a wrong pair without a reason", path, n+1)
		}
		out = append(out, labelled{line: n + 1, right: col[0] == "y", id: col[1], facet: col[2], value: col[3], evidence: col[5]})
	}
	return out, nil
}

func score(ctx context.Context, w io.Writer, x *index.Index, path string) error {
	pairs, err := readPanel(path)
	if err != nil {
		return err
	}
	aliases := extract.DefaultAliases()
	var right, wrong, keptWrong, lostRight, gone int
	var lines []string
	for _, p := range pairs {
		d, err := x.Document(ctx, p.id, "")
		if errors.Is(err, fangtan.ErrNotFound) {
			gone++
			continue
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, p.line, err)
		}
		h := fangtan.Hit{Officials: d.Officials, Provinces: d.Places.Provinces, Cities: d.Places.Cities, Districts: d.Places.Districts, Themes: d.Themes}
		// A panel keeps the value as the index folded it then; Fold has
		// since learnt variants (朱凯廸 is 朱凯迪), so fold it as now.
		value := analyzer.Fold(p.value)
		counted := slices.Contains(values(h, p.facet), value)
		if !counted && p.facet == "official" {
			// The same person, listed by the name the alias file gives
			// them now (阿萨德 and 巴沙尔·阿萨德 as 巴沙尔), or by the
			// whole name the registry's pass gives a short one (夏巴兹 as
			// 夏巴兹·谢里夫), or the other way where the aliases chose the
			// short one.
			value = aliases.Canonical(value)
			counted = slices.ContainsFunc(values(h, p.facet), func(v string) bool {
				return v == value || extract.WholeNameOf(v, value) || extract.WholeNameOf(value, v)
			})
		}
		switch {
		case p.right:
			right++
			if !counted {
				lostRight++
				lines = append(lines, fmt.Sprintf("  lost (labelled right): %s %s %s", p.id, p.facet, p.value))
			}
		default:
			wrong++
			if counted {
				keptWrong++
				lines = append(lines, fmt.Sprintf("  still counted (labelled wrong): %s %s %s", p.id, p.facet, p.value))
			}
		}
	}
	total := right + wrong
	if total == 0 {
		return errors.New("no labelled pairs")
	}
	p := float64(right) / float64(total)
	lo, hi := wilson(right, total)
	fmt.Fprintf(w, "%s: %d pairs labelled, precision %.3f (95%% interval %.3f–%.3f)", path, total, p, lo, hi)
	fmt.Fprintf(w, "; in %s: %d of %d wrong pairs still counted, %d of %d right pairs no longer counted", x.Path(), keptWrong, wrong, lostRight, right)
	if gone > 0 {
		fmt.Fprintf(w, ", %d articles not in the index", gone)
	}
	fmt.Fprintln(w)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return nil
}

// wilson is the 95% Wilson score interval of k successes in n.
func wilson(k, n int) (float64, float64) {
	z := 1.96
	p := float64(k) / float64(n)
	d := 1 + z*z/float64(n)
	c := (p + z*z/(2*float64(n))) / d
	m := z * math.Sqrt(p*(1-p)/float64(n)+z*z/(4*float64(n)*float64(n))) / d
	return c - m, c + m
}
