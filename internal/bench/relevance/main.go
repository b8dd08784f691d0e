// Command relevance measures how well an index ranks: the first page of
// hits of researchers' queries against readers' relevance grades
// (testdata/relevance), as nDCG@10 and the share of the first five hits
// that are mainly about the query. Facet panels measure what a facet
// counts; this measures the order a researcher reads the hits in.
//
//	go run ./internal/bench/relevance score -xwlb DIR -hkcnews DIR testdata/relevance/articles.tsv testdata/relevance/quotes.tsv
//	go run ./internal/bench/relevance pool -xwlb DIR -hkcnews DIR testdata/relevance/articles.tsv > unjudged.tsv
//	go run ./internal/bench/relevance score -xwlb-dsn postgres://USER@HOST:PORT/DB -hkcnews-dsn … testdata/relevance/*.tsv
//
// A judgment file holds one (query, hit) pair a line: the archive
// (xwlb or hkcnews), the query as typed, the hit's id (an article's, or a
// quote's with #q), the grade (2: mainly about the query's subject; 1:
// partly, or thin; 0: in passing or not at all), the reader's reason and,
// for a quote, its words. Quotes are graded on their words alone, so a
// hit with the same words as a graded quote (the same statement in
// another article, which a rebuild may rank in its place among equal
// scores) has that quote's grade.
// A file whose ids are quotes' is scored on quote search. A hit in a first
// page that no reader graded counts as 0 and is listed; pool prints those
// pairs, ungraded, for readers to grade before a ranking change is
// judged, so that both rankings are scored on fully graded pages.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/index"
	"fangtan/postgres"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "score":
		err = run(os.Args[2:], false)
	case "pool":
		err = run(os.Args[2:], true)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "relevance:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: relevance score|pool [-xwlb DIR | -xwlb-dsn DSN] [-hkcnews DIR | -hkcnews-dsn DSN] JUDGMENTS.tsv...")
	os.Exit(2)
}

// depth is how many hits a query's first page is judged on.
const depth = 10

// judgment is one graded (query, hit) pair.
type judgment struct {
	archive, query, id string
	grade              int
}

// querySet is the judgments of one file, by archive and query in file order.
type querySet struct {
	file    string
	quotes  bool
	queries [][2]string       // archive, query
	grades  map[[3]string]int // by archive, query and id
	byWords map[[3]string]int // a quote's, by archive, query and words
}

func readJudgments(path string) (*querySet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	set := &querySet{file: path, grades: map[[3]string]int{}, byWords: map[[3]string]int{}}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 4 {
			return nil, fmt.Errorf("%s line %d: want archive, query, id, grade and reason, tab-separated", path, n)
		}
		g, err := strconv.Atoi(c[3])
		if err != nil || g < 0 || g > 2 {
			return nil, fmt.Errorf("%s line %d: grade %q is not 0, 1 or 2", path, n, c[3])
		}
		j := judgment{archive: c[0], query: c[1], id: c[2], grade: g}
		if j.archive != "xwlb" && j.archive != "hkcnews" {
			return nil, fmt.Errorf("%s line %d: archive %q is not xwlb or hkcnews", path, n, j.archive)
		}
		q := [2]string{j.archive, j.query}
		if !slices.Contains(set.queries, q) {
			set.queries = append(set.queries, q)
		}
		set.grades[[3]string{j.archive, j.query, j.id}] = g
		set.quotes = set.quotes || strings.Contains(j.id, "#q")
		if len(c) > 5 && strings.TrimSpace(c[5]) != "" {
			set.byWords[[3]string{j.archive, j.query, c[5]}] = g
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(set.queries) == 0 {
		return nil, fmt.Errorf("%s: no judgments", path)
	}
	return set, nil
}

func run(args []string, pool bool) error {
	fs := flag.NewFlagSet("relevance", flag.ExitOnError)
	dirs := map[string]*string{
		"xwlb":    fs.String("xwlb", "", "index of ../shared/corpus/xwlb.jsonl"),
		"hkcnews": fs.String("hkcnews", "", "index of ../shared/corpus/hkcnews-10k.jsonl"),
	}
	dsns := map[string]*string{
		"xwlb":    fs.String("xwlb-dsn", "", "instead of -xwlb: the PostgreSQL database xwlb was indexed into (fangtan index --backend postgres)"),
		"hkcnews": fs.String("hkcnews-dsn", "", "instead of -hkcnews: the PostgreSQL database hkcnews was indexed into"),
	}
	fs.Parse(args)
	if fs.NArg() == 0 {
		usage()
	}
	analyzer.ConfigureForQueries("")
	ctx := context.Background()
	indexes := map[string]fangtan.Searcher{}
	for archive, dir := range dirs {
		switch dsn := *dsns[archive]; {
		case *dir != "" && dsn != "":
			return fmt.Errorf("-%s and -%s-dsn: give one", archive, archive)
		case *dir != "":
			x, err := index.OpenReadOnly(*dir)
			if err != nil {
				return err
			}
			defer x.Close()
			indexes[archive] = x
		case dsn != "":
			db, err := postgres.Open(ctx, dsn, postgres.Options{})
			if err != nil {
				return err
			}
			defer db.Close()
			indexes[archive] = db
		}
	}
	for _, path := range fs.Args() {
		set, err := readJudgments(path)
		if err != nil {
			return err
		}
		if err := score(set, indexes, pool); err != nil {
			return err
		}
	}
	return nil
}

// firstPage returns the ids of the first depth hits of query and, for
// quotes, their words.
func firstPage(ctx context.Context, x fangtan.Searcher, query string, quotes bool) (ids, words []string, err error) {
	q := fangtan.Query{Text: query, Size: depth}
	if quotes {
		res, err := x.SearchQuotes(ctx, q)
		if err != nil {
			return nil, nil, err
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
			words = append(words, h.Text)
		}
		return ids, words, nil
	}
	res, err := x.Search(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
		words = append(words, "")
	}
	return ids, words, nil
}

// dcg is the discounted cumulative gain of grades in rank order.
func dcg(grades []int) float64 {
	s := 0.0
	for i, g := range grades {
		s += (math.Exp2(float64(g)) - 1) / math.Log2(float64(i+2))
	}
	return s
}

// score prints each query's nDCG@10 and share of grade-2 hits in the first
// five, and the means by archive; with pool, the unjudged pairs instead.
func score(set *querySet, indexes map[string]fangtan.Searcher, pool bool) error {
	ctx := context.Background()
	type sums struct {
		ndcg, p5 float64
		n        int
	}
	by := map[string]*sums{}
	unjudged := 0
	if !pool {
		fmt.Printf("== %s (%s search)\n", set.file, map[bool]string{false: "article", true: "quote"}[set.quotes])
	}
	for _, aq := range set.queries {
		x := indexes[aq[0]]
		if x == nil {
			continue
		}
		ids, words, err := firstPage(ctx, x, aq[1], set.quotes)
		if err != nil {
			return fmt.Errorf("%s %q: %w", aq[0], aq[1], err)
		}
		var all []int
		for k, g := range set.grades {
			if k[0] == aq[0] && k[1] == aq[1] {
				all = append(all, g)
			}
		}
		slices.Sort(all)
		slices.Reverse(all)
		ideal := dcg(all[:min(depth, len(all))])
		var got []int
		good := 0
		var missing []string
		for i, id := range ids {
			g, ok := set.grades[[3]string{aq[0], aq[1], id}]
			if !ok && words[i] != "" {
				g, ok = set.byWords[[3]string{aq[0], aq[1], words[i]}]
			}
			if !ok {
				missing = append(missing, id)
				if pool {
					fmt.Printf("%s\t%s\t%s\t\t\n", aq[0], aq[1], id)
				}
			}
			got = append(got, g)
			if i < 5 && g == 2 {
				good++
			}
		}
		unjudged += len(missing)
		if pool || ideal == 0 {
			continue // a query no hit of which is relevant says nothing of order
		}
		n := dcg(got) / ideal
		p5 := float64(good) / 5
		for _, k := range []string{aq[0], "all"} {
			if by[k] == nil {
				by[k] = &sums{}
			}
			by[k].ndcg += n
			by[k].p5 += p5
			by[k].n++
		}
		note := ""
		if len(missing) > 0 {
			note = "  unjudged: " + strings.Join(missing, " ")
		}
		fmt.Printf("%-8s %-12s nDCG@10 %.3f  P@5 %.1f%s\n", aq[0], aq[1], n, p5, note)
	}
	if pool {
		return nil
	}
	for _, k := range []string{"xwlb", "hkcnews", "all"} {
		if s := by[k]; s != nil {
			fmt.Printf("%-8s %d queries: nDCG@10 %.3f, P@5 %.3f\n", k, s.n, s.ndcg/float64(s.n), s.p5/float64(s.n))
		}
	}
	fmt.Printf("unjudged hits in the first pages: %d\n", unjudged)
	if len(by) == 0 {
		return errors.New("no query was scored: give the indexes the judgments' archives need")
	}
	return nil
}
