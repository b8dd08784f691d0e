package bench

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fangtan/internal/pgtest"
)

// TestSmokePostgres runs the harness's PostgreSQL configurations on the
// head of xwlb with a fangtan binary built from this tree, and checks that
// every stage ran, that quoted queries find exactly the oracle's documents
// on one node and on the shards, and that the comparisons with fangtan on
// bleve are made. It asserts no timing.
func TestSmokePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("smoke run of the PostgreSQL configurations skipped in -short mode")
	}
	if err := pgtest.Available(); err != nil {
		t.Skipf("skipping: %v", err)
	}
	if _, err := os.Stat(sharedXWLB); err != nil {
		t.Skipf("skipping: the shared corpus %s is absent (%v)", sharedXWLB, err)
	}
	bin := filepath.Join(t.TempDir(), "fangtan")
	if out, err := exec.Command("go", "build", "-o", bin, "fangtan/cmd/fangtan").CombinedOutput(); err != nil {
		t.Fatalf("go build fangtan: %v\n%s", err, out)
	}
	var log strings.Builder
	rep, err := Run(context.Background(), Options{
		Corpora: []string{sharedXWLB},
		// Small: three clusters, a go build and five stages per
		// configuration must fit this package's share of make test.
		Limit:   150,
		Configs: []string{NameFangtan, NamePG, NamePGShards},
		Search:  Limits{Requests: 30, Duration: 3 * time.Second},
		// A sample this small still crosses both shards.
		RecallQueries: 25,
		WorkDir:       t.TempDir(),
		Self:          []string{os.Args[0]},
		Fangtan:       bin,
		ServeArgs: func(dir, addr string) []string {
			return []string{bin, "serve", "--index", dir, "--addr", addr}
		},
		Log: &log,
	})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log.String())
	}
	want := []string{"index", "search-1-client", "recall", "startup", "search-http"}
	for _, r := range rep.Results {
		t.Run(r.Name, func(t *testing.T) {
			if r.Error != "" || !slices.Equal(r.Stages, want) {
				t.Fatalf("stages %v, error %q; want stages %v and no error\n%s", r.Stages, r.Error, want, log.String())
			}
			if r.Index.Docs+r.Index.Skipped != rep.Corpus.Docs || r.Index.Docs == 0 {
				t.Errorf("indexed %d documents and left out %d, want %d in all", r.Index.Docs, r.Index.Skipped, rep.Corpus.Docs)
			}
			if r.Index.SizeBytes <= 0 || r.Index.PeakRSS <= 0 || r.Index.CPUSeconds <= 0 {
				t.Errorf("size %d, peak RSS %d, CPU %.2f s: want each measured", r.Index.SizeBytes, r.Index.PeakRSS, r.Index.CPUSeconds)
			}
			if isBackend(r.Name) && (r.Index.ServerPeakPSS <= 0 || r.Startup.ServerPSS <= 0) {
				t.Errorf("the servers' PSS: %d while indexing, %d after the mix; want both measured", r.Index.ServerPeakPSS, r.Startup.ServerPSS)
			}
			rc := r.Recall
			if rc.Queries < 15 || rc.Expected == 0 {
				t.Fatalf("recall sample: %d queries, %d expected documents; want a real sample", rc.Queries, rc.Expected)
			}
			if rc.Found != rc.Expected || rc.Wrong != 0 || rc.Errors != 0 {
				t.Errorf("found %d of %d oracle documents, %d wrong, %d errors (%s); examples: %v",
					rc.Found, rc.Expected, rc.Wrong, rc.Errors, rc.FirstError, rc.Misses)
			}
		})
	}
	for _, peer := range []string{NamePG + " / " + NameFangtan, NamePGShards + " / " + NameFangtan, NamePGShards + " / " + NamePG} {
		if !slices.ContainsFunc(rep.Backends, func(x Ratio) bool { return x.Peer == peer && x.Metric == "p99, 1 client" && x.Value > 0 }) {
			t.Errorf("no p99 ratio %s in %+v", peer, rep.Backends)
		}
	}
	if !slices.ContainsFunc(rep.Targets, func(x Target) bool { return strings.HasPrefix(x.Goal, "the shards' overhead") && x.Met }) {
		t.Errorf("the shards' overhead is not among the targets: %+v", rep.Targets)
	}
	md := Markdown(rep)
	for _, s := range []string{NamePGShards, "PostgreSQL PSS MB", "÷ fangtan's"} {
		if !strings.Contains(md, s) {
			t.Errorf("the Markdown report has no %q", s)
		}
	}
}

func TestSplitDates(t *testing.T) {
	recs := func(dates ...string) []Record {
		var out []Record
		for _, d := range dates {
			out = append(out, Record{Date: d})
		}
		return out
	}
	for _, c := range []struct {
		name string
		recs []Record
		n    int
		want []string
	}{
		{"two shards at the median, compact dates", recs("20220103", "20220101", "20220104", "20220102"), 2, []string{"2022-01-03"}},
		{"ISO dates, undated left out", recs("2021-05-01", "", "2021-06-01", "2021-07-01"), 2, []string{"2021-06-01"}},
		{"one date: no split", recs("20220101", "20220101"), 2, nil},
		{"three shards", recs("20200101", "20210101", "20220101", "20230101", "20240101", "20250101"), 3, []string{"2022-01-01", "2024-01-01"}},
		{"no dates", recs("", "x"), 2, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := splitDates(c.recs, c.n); !slices.Equal(got, c.want) {
				t.Errorf("splitDates = %v, want %v", got, c.want)
			}
		})
	}
}
