// Command archiveaudit extracts whole archives as `fangtan index` does, to
// read what the facets will count where the gold set cannot show it. It
// lists the registered officials (names seen with a post) that may not be
// people: names jieba cuts as one word of a tag other than a person's
// (nr…) or an unknown word's (x), and names it cuts into words one of which
// is a verb, adverb, preposition or conjunction (a name run into the next
// word: 李强乘). Most such names are real (普京/ns, 李家/nrfg 超/v), but
// every junk official the registry spread to hundreds of articles was
// among them (特别/d, 本次/r, 澳门/ns; see docs/extraction.md, "On the
// whole archives"):
//
//	go run ./internal/bench/archiveaudit ../shared/corpus/xwlb.jsonl
//
// Each line gives the articles that name the person with a post, the
// jieba cut and tags, and up to three of the posts seen. With -names
// FILE it also writes every registered name, its articles, best post and
// country, one per line, and with -places FILE every province, city and
// district with the articles that name it, to compare two versions of the
// extractor.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
)

func main() {
	names := flag.String("names", "", "write every registered name to this file")
	places := flag.String("places", "", "write every place and its articles to this file")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: archiveaudit [-names FILE] [-places FILE] CORPUS...")
		os.Exit(2)
	}
	if err := run(os.Stdout, *names, *places, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "archiveaudit:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, namesFile, placesFile string, paths []string) error {
	seg, err := analyzer.Default()
	if err != nil {
		return err
	}
	ex, err := extract.NewExtractor(seg)
	if err != nil {
		return err
	}
	reg, places, err := register(ex, paths)
	if err != nil {
		return err
	}
	if placesFile != "" {
		keys := make([]string, 0, len(places))
		for k := range places {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, "%s\t%d\n", k, places[k])
		}
		if err := os.WriteFile(placesFile, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	if namesFile != "" {
		var b strings.Builder
		for _, n := range reg.Names() {
			o, _ := reg.Lookup(n)
			fmt.Fprintf(&b, "%s\t%d\t%s\t%s\n", n, o.Articles, o.BestPost(), o.Country)
		}
		if err := os.WriteFile(namesFile, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	rows := wordLike(seg, reg)
	for _, r := range rows {
		fmt.Fprintln(w, r)
	}
	fmt.Fprintf(w, "%d registered, %d to read: one word not tagged a person or unknown, or cut around a verb, adverb, preposition or conjunction\n", reg.Len(), len(rows))
	return nil
}

// register extracts every record of paths that a build would index, on
// every core and without a registry to consult, notes each article's
// officials, and counts the articles naming each place ("city\t太原市").
func register(ex *extract.Extractor, paths []string) (*fangtan.Registry, map[string]int, error) {
	reg := fangtan.NewRegistry()
	places := map[string]int{}
	var mu sync.Mutex
	in := make(chan fangtan.Document, 64)
	var wg sync.WaitGroup
	// As a build prepares a document, but with no registry to consult.
	prepare := fangtan.BuildOptions{Prepare: ex.Extract, Registry: reg}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range in {
				prepare.Ready(&d)
				mu.Lock()
				for _, l := range []struct {
					level string
					names []string
				}{{"province", d.Places.Provinces}, {"city", d.Places.Cities}, {"district", d.Places.Districts}} {
					for _, n := range l.names {
						places[l.level+"\t"+n]++
					}
				}
				mu.Unlock()
			}
		}()
	}
	seen := map[string]string{}
	_, err := corpus.Load(context.Background(), corpus.Options{}, paths, func(d fangtan.Document) error {
		// The documents a build would index: no duplicates, long ones cut.
		if skip, _ := fangtan.Admit(&d, seen); skip == "" {
			in <- d
		}
		return nil
	})
	close(in)
	wg.Wait()
	return reg, places, err
}

// wordLike returns a line for each registered name jieba cuts as one word
// whose tag is neither a person's nor unknown, or into words one of which
// is a verb, adverb, preposition or conjunction, most articles first.
func wordLike(seg analyzer.Segmenter, reg *fangtan.Registry) []string {
	type row struct {
		articles int
		line     string
	}
	var rows []row
	for _, n := range reg.Names() {
		segs := seg.Tag(n)
		var cut []string
		runOn := false
		for _, sg := range segs {
			cut = append(cut, sg.Text+"/"+sg.Tag)
			runOn = runOn || (len(segs) > 1 && sg.Tag != "" && strings.ContainsRune("vdpc", rune(sg.Tag[0])))
		}
		word := len(segs) == 1 && !strings.HasPrefix(segs[0].Tag, "nr") && segs[0].Tag != "x"
		if !word && !runOn {
			continue
		}
		o, _ := reg.Lookup(n)
		posts := make([]string, 0, len(o.Posts))
		for p := range o.Posts {
			posts = append(posts, p)
		}
		sort.Slice(posts, func(i, j int) bool {
			if o.Posts[posts[i]] != o.Posts[posts[j]] {
				return o.Posts[posts[i]] > o.Posts[posts[j]]
			}
			return posts[i] < posts[j]
		})
		for i, p := range posts {
			posts[i] = fmt.Sprintf("%s×%d", p, o.Posts[p])
		}
		rows = append(rows, row{o.Articles, fmt.Sprintf("%d\t%s\t%s", o.Articles, strings.Join(cut, " "), strings.Join(posts[:min(3, len(posts))], " "))})
	}
	slices.SortStableFunc(rows, func(a, b row) int { return b.articles - a.articles })
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.line
	}
	return out
}
