package main

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/extract"
	"fangtan/index"
)

func TestEvidence(t *testing.T) {
	for _, c := range []struct {
		name, text, value, facet, want string
	}{
		{"whole name", "国务院总理李强在太原考察。", "李强", "official", "国务院总理【李强】在太原考察。"},
		{"short place", "国务院总理李强在太原考察。", "太原市", "city", "国务院总理李强在【太原】考察。"},
		{"whole place first", "太原市委书记说，太原要发展。", "太原市", "city", "【太原市】委书记说，太原要发展。"},
		{"absent", "他说。", "李强", "official", "(not in the text)"},
		{"three at most", "甲甲甲甲", "甲", "official", "【甲】甲甲甲 … 甲【甲】甲甲 … 甲甲【甲】甲"},
		{"theme phrase", "推进乡村振兴。", "乡村振兴", "theme", "推进【乡村振兴】。"},
		{"theme by another phrase", "建设和美乡村。", "乡村振兴", "theme", "建设【和美乡村】。"},
		{"theme's longest phrase", "巩固脱贫攻坚成果，防止返贫。", "脱贫攻坚", "theme", "巩固【脱贫攻坚】成果，防止返贫。 … 巩固脱贫攻坚成果，【防止返贫】。"},
		{"theme absent", "他说。", "乡村振兴", "theme", "(no phrase in the text)"},
		// sample passes folded text: Simplified.
		{"a place by its part", "港铁红磡站扩建工程。", "九龙城区", "district", "港铁【红磡】站扩建工程。"},
		{"a place and its part", "九龙城居民在红磡集会。", "九龙城区", "district", "【九龙城】居民在红磡集会。 … 九龙城居民在【红磡】集会。"},
		{"theme by weak words", "公路通车，公路里程增长。", "交通强国", "theme", "【公路】通车，公路里程增长。 … 公路通车，【公路】里程增长。"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := evidence(c.text, c.value, c.facet); got != c.want {
				t.Errorf("evidence(%q, %q) = %q, want %q", c.text, c.value, got, c.want)
			}
		})
	}
	long := strings.Repeat("前", 100) + "李强" + strings.Repeat("后", 100)
	if got := evidence(long, "李强", "official"); got != strings.Repeat("前", 40)+"【李强】"+strings.Repeat("后", 40) {
		t.Errorf("evidence keeps %d runes, want 40 either side", len([]rune(got))-4)
	}
}

func TestWilson(t *testing.T) {
	for _, c := range []struct {
		k, n   int
		lo, hi float64
	}{
		{95, 100, 0.888, 0.978},
		{100, 100, 0.963, 1},
		{0, 10, 0, 0.278},
	} {
		lo, hi := wilson(c.k, c.n)
		if math.Abs(lo-c.lo) > 0.001 || math.Abs(hi-c.hi) > 0.001 {
			t.Errorf("wilson(%d, %d) = %.3f–%.3f, want %.3f–%.3f", c.k, c.n, lo, hi, c.lo, c.hi)
		}
	}
}

// TestSampleAndScore samples every city pair of a small index, labels one
// of them wrong and one pair the index does not count right, and scores
// the panel against the same index.
func TestSampleAndScore(t *testing.T) {
	ctx := context.Background()
	x := buildIndex(t, []fangtan.Document{
		{ID: "a", Title: "考察", Date: "2022-09-24", Text: "山西省委书记在太原市小店区考察。要推进乡村振兴。"},
		{ID: "b", Title: "会议", Date: "2023-01-05", Text: "大同市召开会议，朔州市代表出席。"},
	})
	var panel strings.Builder
	if err := sample(ctx, &panel, x, nil, "city", 100, 1); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(panel.String(), "\n"), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		lines = append(lines, l)
	}
	want := []string{"a\tcity\t太原市", "b\tcity\t大同市", "b\tcity\t朔州市"}
	if len(lines) != len(want) {
		t.Fatalf("sampled %d pairs, want %d:\n%s", len(lines), len(want), panel.String())
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], "\t"+w+"\t") {
			t.Errorf("pair %d = %q, want %q", i, lines[i], w)
		}
	}
	if !strings.Contains(lines[0], "【太原市】") {
		t.Errorf("no evidence: %q", lines[0])
	}
	labelled := "y" + lines[0] + "\n" + "n" + lines[1] + "wrong on purpose\n" + "y" + lines[2] + "\n" + "y\ta\tcity\t朔州市\t\t\t\n"
	path := filepath.Join(t.TempDir(), "panel.tsv")
	if err := os.WriteFile(path, []byte(labelled), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := score(ctx, &out, x, path); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"4 pairs labelled, precision 0.750", "1 of 1 wrong pairs still counted", "1 of 3 right pairs no longer counted", "still counted (labelled wrong): b city 大同市", "lost (labelled right): a city 朔州市"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("score lacks %q:\n%s", w, out.String())
		}
	}
	// Theme pairs are scored on the themes the index stored.
	panel.Reset()
	if err := sample(ctx, &panel, x, nil, "theme", 100, 1); err != nil {
		t.Fatal(err)
	}
	themeLine := strings.Split(strings.TrimRight(panel.String(), "\n"), "\n")[2]
	if !strings.HasPrefix(themeLine, "\ta\ttheme\t乡村振兴\t") || !strings.Contains(themeLine, "【乡村振兴】") {
		t.Fatalf("theme pair = %q, want a's 乡村振兴 with its evidence", themeLine)
	}
	if err := os.WriteFile(path, []byte("y"+themeLine+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := score(ctx, &out, x, path); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "0 of 1 right pairs no longer counted") {
		t.Errorf("a theme pair the index counts is scored as lost:\n%s", out.String())
	}
	for _, bad := range []string{"x\ta\tcity\t太原市\t\t\t\n", "\ta\tcity\t太原市\t\t\t\n", "n\ta\tcity\t太原市\t\t\t\n", "y\ta\tcity\t太原市\n"} {
		if err := os.WriteFile(path, []byte("# panel\n"+bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := score(ctx, &out, x, path); err == nil || !strings.Contains(err.Error(), "panel.tsv:2:") {
			t.Errorf("%q gave %v, want an error naming line 2", bad, err)
		}
	}
}

// TestSampleSince: a sample since an older index draws only from the
// pairs the older one does not count.
func TestSampleSince(t *testing.T) {
	ctx := context.Background()
	docs := []fangtan.Document{
		{ID: "a", Title: "考察", Date: "2022-09-24", Text: "山西省委书记在太原市小店区考察。"},
		{ID: "b", Title: "会议", Date: "2023-01-05", Text: "大同市召开会议，朔州市代表出席。"},
	}
	old := buildIndex(t, docs[:1])
	x := buildIndex(t, docs)
	var panel strings.Builder
	if err := sample(ctx, &panel, x, old, "city", 100, 1); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimRight(panel.String(), "\n"), "\n") {
		if !strings.HasPrefix(l, "#") {
			got = append(got, strings.Join(strings.Split(l, "\t")[1:4], " "))
		}
	}
	if want := []string{"b city 大同市", "b city 朔州市"}; !slices.Equal(got, want) {
		t.Errorf("sampled %q, want %q:\n%s", got, want, panel.String())
	}
	if strings.HasPrefix(panel.String(), "# facetpanel sample") {
		t.Errorf("make panels would score this sample as a uniform panel:\n%s", panel.String())
	}
	if !strings.Contains(panel.String(), "-since "+old.Path()) {
		t.Errorf("the header does not say what the sample was drawn from:\n%s", panel.String())
	}
}

// buildIndex indexes docs with the real extractor and opens the index
// for reading, closed when the test ends.
func buildIndex(t *testing.T, docs []fangtan.Document) *index.Index {
	t.Helper()
	seg, err := analyzer.Default()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.NewExtractor(seg)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "x")
	if _, err := index.Build(context.Background(), dir, index.DocumentsSource(docs), index.BuildOptions{Prepare: ex.Extract}); err != nil {
		t.Fatal(err)
	}
	x, err := index.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// TestPanelsAreLabelled checks the labelled panels in testdata/facets:
// every pair labelled, every wrong one with its reason, and the
// precision they report in README.md computable.
func TestPanelsAreLabelled(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "facets", "*.tsv"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no panels (%v)", err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			pairs, err := readPanel(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(pairs) == 0 {
				t.Fatal("no pairs")
			}
			seen := map[string]bool{}
			for _, q := range pairs {
				k := q.id + "\t" + q.facet + "\t" + q.value
				if seen[k] {
					t.Errorf("line %d: %s twice", q.line, k)
				}
				seen[k] = true
			}
		})
	}
}

// TestScoreWholeNames: a pair labelled with another name of an official
// the index lists (巴沙尔·阿萨德 and 阿萨德, which the alias file makes
// 巴沙尔), or with a part inside the whole name it lists (拉索 of
// 吉列尔莫·拉索·门多萨), is the same person, still
// counted; a name that is no part of it is not.
func TestScoreWholeNames(t *testing.T) {
	ctx := context.Background()
	x := buildIndex(t, []fangtan.Document{
		{ID: "c", Title: "会谈", Date: "2023-05-01", Text: "叙利亚总统巴沙尔·阿萨德会见代表团。"},
		{ID: "m", Title: "访华", Date: "2023-09-08", Text: "厄瓜多尔总统吉列尔莫·拉索·门多萨将访华。"},
	})
	path := filepath.Join(t.TempDir(), "panel.tsv")
	labelled := "y\tc\tofficial\t巴沙尔\t\t\t\ny\tc\tofficial\t阿萨德\t\t\t\ny\tc\tofficial\t巴沙\t\t\t\ny\tm\tofficial\t拉索\t\t\t\n"
	if err := os.WriteFile(path, []byte(labelled), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := score(ctx, &out, x, path); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 of 4 right pairs no longer counted") || !strings.Contains(out.String(), "lost (labelled right): c official 巴沙\n") {
		t.Errorf("whole names scored wrong:\n%s", out.String())
	}
}
