package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadJudgments(t *testing.T) {
	for _, c := range []struct {
		name, text, err string
		quotes          bool
	}{
		{"articles", "# header\nxwlb\t太原\txwlb-1\t2\tabout it\nxwlb\t太原\txwlb-2\t0\tin passing\n", "", false},
		{"quotes", "hkcnews\t普選\thkcnews-1#q0\t1\tslogan\t我要真普選\n", "", true},
		{"grade", "xwlb\t太原\txwlb-1\t3\t\n", "grade", false},
		{"archive", "people\t太原\tx-1\t2\t\n", "archive", false},
		{"columns", "xwlb\t太原\n", "tab-separated", false},
		{"empty", "# nothing\n", "no judgments", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "j.tsv")
			if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
				t.Fatal(err)
			}
			set, err := readJudgments(path)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one saying %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if set.quotes != c.quotes {
				t.Errorf("quotes %v, want %v", set.quotes, c.quotes)
			}
			// A quote's words carry its grade to the same words elsewhere.
			if g, ok := set.byWords[[3]string{"hkcnews", "普選", "我要真普選"}]; c.quotes && (!ok || g != 1) {
				t.Errorf("grade by words %d, %v; want 1", g, ok)
			}
		})
	}
}

// TestDCG: the ideal order scores highest, and a relevant hit further down
// counts less.
func TestDCG(t *testing.T) {
	ideal := dcg([]int{2, 1, 0})
	if got := dcg([]int{0, 1, 2}); got >= ideal {
		t.Errorf("reversed order %v, ideal %v", got, ideal)
	}
	if got, want := dcg([]int{2}), 3.0; math.Abs(got-want) > 1e-12 {
		t.Errorf("one hit of grade 2: %v, want %v", got, want)
	}
}

// TestShippedJudgments: every judgment file in testdata/relevance reads.
// A query none of whose graded hits is relevant is named: score leaves it
// out of the means, since its nDCG is not defined.
func TestShippedJudgments(t *testing.T) {
	files, err := filepath.Glob("../../../testdata/relevance/*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no judgment files: %v", err)
	}
	for _, f := range files {
		set, err := readJudgments(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range set.queries {
			best := 0
			for k, g := range set.grades {
				if k[0] == q[0] && k[1] == q[1] {
					best = max(best, g)
				}
			}
			if best == 0 {
				t.Logf("%s: %s %q has no relevant hit graded; it is left out of the means", f, q[0], q[1])
			}
		}
	}
}
