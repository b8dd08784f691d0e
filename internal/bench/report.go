package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
)

// Ratio is fangtan's figure divided by a peer's.
type Ratio struct {
	Metric string  `json:"metric"`
	Peer   string  `json:"peer"`
	Value  float64 `json:"value"`
	Better string  `json:"better"` // "higher" or "lower": which way favours fangtan
}

// Target is one goal of the benchmark issue and whether this run met it.
type Target struct {
	Goal string `json:"goal"`
	Got  string `json:"got"`
	Met  bool   `json:"met"`
	Note string `json:"note,omitempty"`
}

func (r *Report) result(name string) *Result {
	for i := range r.Results {
		if r.Results[i].Name == name && r.Results[i].Error == "" {
			return &r.Results[i]
		}
	}
	return nil
}

func div(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func ratios(results []Result) []Ratio {
	var f *Result
	for i := range results {
		if results[i].Name == NameFangtan {
			f = &results[i]
		}
	}
	if f == nil {
		return nil
	}
	var out []Ratio
	for _, p := range results {
		if p.Name == NameFangtan || isBackend(p.Name) {
			continue
		}
		add := func(metric string, fv, pv float64, better string) {
			out = append(out, Ratio{metric, p.Name, div(fv, pv), better})
		}
		add("indexing MB/s", f.Index.MBPerS, p.Index.MBPerS, "higher")
		add("indexing MB per CPU-s", f.Index.MBPerCPUS, p.Index.MBPerCPUS, "higher")
		add("index size", float64(f.Index.SizeBytes), float64(p.Index.SizeBytes), "lower")
		add("indexing peak RSS", float64(f.Index.PeakRSS), float64(p.Index.PeakRSS), "lower")
		add("p50, first pass", f.FirstPass.P50, p.FirstPass.P50, "lower")
		add("p99, first pass", f.FirstPass.P99, p.FirstPass.P99, "lower")
		add("p50, 1 client", f.InProcess.P50, p.InProcess.P50, "lower")
		add("p99, 1 client", f.InProcess.P99, p.InProcess.P99, "lower")
		add("p99, HTTP", f.HTTP.P99, p.HTTP.P99, "lower")
		add("queries/s, HTTP", f.HTTP.QPS, p.HTTP.QPS, "higher")
		add("startup", f.Startup.Seconds, p.Startup.Seconds, "lower")
		add("serve RSS", float64(f.Startup.RSSAfter), float64(p.Startup.RSSAfter), "lower")
		add("recall", f.Recall.Recall, p.Recall.Recall, "higher")
	}
	return out
}

// isBackend says whether name is fangtan on another backend (compared
// with fangtan on bleve, not as a peer).
func isBackend(name string) bool {
	return name == NamePG || name == NamePGShards || name == NamePGShardsSyn
}

// backendRatios are each PostgreSQL configuration's figures divided by
// fangtan's on bleve, and the sharded layouts' by one node's.
func backendRatios(results []Result) []Ratio {
	find := func(name string) *Result {
		for i := range results {
			if results[i].Name == name && results[i].Error == "" {
				return &results[i]
			}
		}
		return nil
	}
	var out []Ratio
	cmp := func(base *Result, r *Result, against string) {
		add := func(metric string, v, b float64, better string) {
			out = append(out, Ratio{metric, r.Name + " / " + against, div(v, b), better})
		}
		add("indexing s", r.Index.Seconds, base.Index.Seconds, "lower")
		add("index size", float64(r.Index.SizeBytes), float64(base.Index.SizeBytes), "lower")
		add("p50, first pass", r.FirstPass.P50, base.FirstPass.P50, "lower")
		add("p99, first pass", r.FirstPass.P99, base.FirstPass.P99, "lower")
		add("p50, 1 client", r.InProcess.P50, base.InProcess.P50, "lower")
		add("p99, 1 client", r.InProcess.P99, base.InProcess.P99, "lower")
		add("p50, HTTP", r.HTTP.P50, base.HTTP.P50, "lower")
		add("p99, HTTP", r.HTTP.P99, base.HTTP.P99, "lower")
		add("queries/s, HTTP", r.HTTP.QPS, base.HTTP.QPS, "higher")
	}
	f, one := find(NameFangtan), find(NamePG)
	for _, name := range []string{NamePG, NamePGShards, NamePGShardsSyn} {
		r := find(name)
		if r == nil {
			continue
		}
		if f != nil {
			cmp(f, r, NameFangtan)
		}
		if one != nil && name != NamePG {
			cmp(one, r, NamePG)
		}
	}
	return out
}

func (r *Report) ratio(metric, peer string) (float64, bool) {
	if r.result(NameFangtan) == nil || r.result(peer) == nil {
		return 0, false
	}
	for _, x := range r.Ratios {
		if x.Metric == metric && x.Peer == peer {
			return x.Value, true
		}
	}
	return 0, false
}

func targets(r *Report) []Target {
	f := r.result(NameFangtan)
	var out []Target
	ratioTarget := func(goal, metric, peer string, want float64, atLeast bool) {
		v, ok := r.ratio(metric, peer)
		if !ok {
			out = append(out, Target{Goal: goal, Got: "not measured", Note: "fangtan or " + peer + " did not run"})
			return
		}
		met := v >= want
		if !atLeast {
			met = v <= want
		}
		out = append(out, Target{Goal: goal, Got: fmt.Sprintf("%.2f×", v), Met: met})
	}
	ratioTarget("indexing MB/s ≥ 1.5× peer A", "indexing MB/s", NamePeerA, 1.5, true)
	ratioTarget("indexing MB/s ≥ 1.0× peer B", "indexing MB/s", NamePeerB, 1.0, true)
	ratioTarget("index size ≤ peer A's", "index size", NamePeerA, 1.0, false)
	ratioTarget("search p99 ≤ peer A's (1 client, same mix)", "p99, 1 client", NamePeerA, 1.0, false)
	out = append(out, backendTargets(r)...)
	if f == nil {
		out = append(out, Target{Goal: "fangtan measured", Got: "no", Note: "see its error"})
		return out
	}
	full := r.Corpus.Limit == 0
	note := ""
	if !full {
		note = fmt.Sprintf("run on %d documents only (--limit)", r.Corpus.Docs)
	}
	out = append(out,
		Target{Goal: "search p50 ≤ 5 ms (1 client)", Got: fmt.Sprintf("%.2f ms", f.InProcess.P50), Met: f.InProcess.P50 > 0 && f.InProcess.P50 <= 5, Note: note},
		Target{Goal: fmt.Sprintf("≥ 100 queries/s at %d clients over HTTP", f.HTTP.Clients), Got: fmt.Sprintf("%.0f q/s", f.HTTP.QPS), Met: f.HTTP.QPS >= 100, Note: note},
		Target{Goal: "exact-substring recall 100%", Got: fmt.Sprintf("%.2f%%", 100*f.Recall.Recall), Met: f.Recall.Errors == 0 && f.Recall.Found == f.Recall.Expected && f.Recall.Queries > 0},
		Target{Goal: "exact-substring precision 100%", Got: fmt.Sprintf("%.2f%%", 100*f.Recall.Precision), Met: f.Recall.Errors == 0 && f.Recall.Wrong == 0 && f.Recall.Queries > 0},
		Target{Goal: "startup < 1 s", Got: fmt.Sprintf("%.0f ms", 1000*f.Startup.Seconds), Met: f.Startup.Seconds > 0 && f.Startup.Seconds < 1, Note: note},
		Target{Goal: "serve RSS < 300 MB after the query mix", Got: fmt.Sprintf("%.0f MB", float64(f.Startup.RSSAfter)/1e6), Met: f.Startup.RSSAfter > 0 && f.Startup.RSSAfter < 300e6,
			Note: fmt.Sprintf("on %d documents; the goal is for the 30,000-document scale run", r.Corpus.Docs)},
	)
	return out
}

// backendTargets are issue 13's: recall and precision 100% on PostgreSQL,
// one node's p99 at most 3× bleve's (on xwlb), and the shards' overhead
// against one node reported.
func backendTargets(r *Report) []Target {
	var out []Target
	for _, name := range []string{NamePG, NamePGShards, NamePGShardsSyn} {
		var res *Result
		asked := false
		for i := range r.Results {
			if r.Results[i].Name == name {
				asked, res = true, &r.Results[i]
			}
		}
		if !asked {
			continue
		}
		if res.Error != "" && !slicesContains(res.Stages, "recall") {
			out = append(out, Target{Goal: name + " measured", Got: "no", Note: firstLine(res.Error)})
			continue
		}
		rc := res.Recall
		out = append(out,
			Target{Goal: name + ": exact-substring recall 100%", Got: fmt.Sprintf("%.2f%%", 100*rc.Recall), Met: rc.Errors == 0 && rc.Found == rc.Expected && rc.Queries > 0},
			Target{Goal: name + ": exact-substring precision 100%", Got: fmt.Sprintf("%.2f%%", 100*rc.Precision), Met: rc.Errors == 0 && rc.Wrong == 0 && rc.Queries > 0})
	}
	f, one := r.result(NameFangtan), r.result(NamePG)
	if one != nil {
		note := "on xwlb"
		if r.Corpus.Limit > 0 {
			note = fmt.Sprintf("run on %d documents only (--limit); the target is for xwlb", r.Corpus.Docs)
		}
		if f == nil {
			out = append(out, Target{Goal: "fangtan-pg p99 ≤ 3× fangtan's (1 client, same mix)", Got: "not measured", Note: "fangtan did not run"})
		} else {
			v := div(one.InProcess.P99, f.InProcess.P99)
			out = append(out, Target{Goal: "fangtan-pg p99 ≤ 3× fangtan's (1 client, same mix)", Got: fmt.Sprintf("%.2f× (%.2f ms against %.2f)", v, one.InProcess.P99, f.InProcess.P99),
				Met: v > 0 && v <= 3, Note: note})
		}
	}
	if sh := r.result(NamePGShards); sh != nil && one != nil {
		out = append(out, Target{Goal: "the shards' overhead against one node reported",
			Got: fmt.Sprintf("p50 %.2f×, p99 %.2f× (1 client); HTTP q/s %.2f×; indexing time %.2f×",
				div(sh.InProcess.P50, one.InProcess.P50), div(sh.InProcess.P99, one.InProcess.P99), div(sh.HTTP.QPS, one.HTTP.QPS), div(sh.Index.Seconds, one.Index.Seconds)),
			Met: true, Note: "reasons: docs/scale.md"})
	}
	return out
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// ScalePoint is one corpus size of a scale run.
type ScalePoint struct {
	Label   string     `json:"label"`
	Corpus  CorpusInfo `json:"corpus"`
	Results []Result   `json:"results"`
	Targets []Target   `json:"targets,omitempty"`
}

// RunScale measures opts.Configs on xwlb and hkcnews together, then on 1,
// 2 and 4 copies of xwlb with fresh ids. opts.Corpora is ignored.
func RunScale(ctx context.Context, opts Options, xwlb, hkcnews string) (*Report, error) {
	opts.defaults()
	began := time.Now()
	rep := &Report{Date: began.UTC().Format(time.RFC3339), Commit: gitCommit(), Machine: machine(),
		Search: SearchSetup{MaxRequests: opts.Search.Requests, MaxSeconds: opts.Search.Duration.Seconds(), Clients: opts.Clients}}
	points := []struct {
		label   string
		corpora []string
		copies  int
	}{
		{"xwlb + hkcnews", []string{xwlb, hkcnews}, 1},
		{"xwlb ×1", []string{xwlb}, 1},
		{"xwlb ×2", []string{xwlb}, 2},
		{"xwlb ×4", []string{xwlb}, 4},
	}
	for _, p := range points {
		o := opts
		o.Corpora, o.Copies = p.corpora, p.copies
		fmt.Fprintf(opts.Log, "bench: scale point %s\n", p.label)
		r, err := Run(ctx, o)
		if err != nil {
			return rep, fmt.Errorf("scale %s: %w", p.label, err)
		}
		sp := ScalePoint{Label: p.label, Corpus: r.Corpus, Results: r.Results}
		if p.copies == 1 && len(p.corpora) == 2 {
			if f := r.result(NameFangtan); f != nil {
				sp.Targets = []Target{
					{Goal: "serve RSS < 300 MB on xwlb + hkcnews", Got: fmt.Sprintf("%.0f MB", float64(f.Startup.RSSAfter)/1e6), Met: f.Startup.RSSAfter > 0 && f.Startup.RSSAfter < 300e6,
						Note: fmt.Sprintf("%.0f MB anonymous, the rest mapped pages of the index", float64(f.Startup.AnonAfter)/1e6)},
					{Goal: "startup < 1 s on xwlb + hkcnews", Got: fmt.Sprintf("%.0f ms", 1000*f.Startup.Seconds), Met: f.Startup.Seconds > 0 && f.Startup.Seconds < 1},
				}
			}
		}
		rep.Scale = append(rep.Scale, sp)
		rep.ScaleNotes = scaleNotes(rep.Scale)
		rep.Elapsed = time.Since(began).Seconds()
		if opts.OnScalePoint != nil {
			if err := opts.OnScalePoint(rep); err != nil {
				return rep, err
			}
		}
	}
	rep.ScaleNotes = scaleNotes(rep.Scale)
	rep.Elapsed = time.Since(began).Seconds()
	return rep, nil
}

// scaleNotes compares the 2× and 4× points with 1× for each configuration:
// linear indexing keeps seconds per document flat.
func scaleNotes(points []ScalePoint) []string {
	var base *ScalePoint
	for i := range points {
		if points[i].Label == "xwlb ×1" {
			base = &points[i]
		}
	}
	if base == nil {
		return nil
	}
	var notes []string
	for _, b := range base.Results {
		if b.Error != "" {
			continue
		}
		for _, p := range points {
			if p.Corpus.Copies <= 1 || len(p.Corpus.Sources) != 1 {
				continue
			}
			for _, r := range p.Results {
				if r.Name != b.Name || r.Error != "" {
					continue
				}
				notes = append(notes, fmt.Sprintf("%s at %s: %.2f× the documents, indexing time %.2f× (per document %.2f×; CPU per document %.2f×), index size %.2f×, p50 %.2f×, p99 %.2f×",
					r.Name, p.Label, div(float64(r.Index.Docs), float64(b.Index.Docs)),
					div(r.Index.Seconds, b.Index.Seconds),
					div(r.Index.Seconds/float64(r.Index.Docs), b.Index.Seconds/float64(b.Index.Docs)),
					div(r.Index.CPUSeconds/float64(r.Index.Docs), b.Index.CPUSeconds/float64(b.Index.Docs)),
					div(float64(r.Index.SizeBytes), float64(b.Index.SizeBytes)),
					div(r.InProcess.P50, b.InProcess.P50), div(r.InProcess.P99, b.InProcess.P99)))
			}
		}
	}
	return notes
}

// WriteJSON writes the report to path.
func WriteJSON(r *Report, path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

func mbs(b int64) string { return fmt.Sprintf("%.1f", float64(b)/1e6) }

// rows are the per-configuration lines of the tables.
func rows(results []Result) [][]string {
	out := [][]string{{"metric"}}
	for _, r := range results {
		out[0] = append(out[0], r.Name)
	}
	line := func(name string, f func(r *Result) string) {
		row := []string{name}
		for i := range results {
			r := &results[i]
			if r.Error != "" && len(r.Stages) == 0 {
				row = append(row, "—")
				continue
			}
			row = append(row, f(r))
		}
		out = append(out, row)
	}
	line("documents", func(r *Result) string { return fmt.Sprint(r.Index.Docs) })
	line("records left out", func(r *Result) string { return fmt.Sprint(r.Index.Skipped) })
	line("indexing s", func(r *Result) string { return fmt.Sprintf("%.1f", r.Index.Seconds) })
	line("docs/s", func(r *Result) string { return fmt.Sprintf("%.0f", r.Index.DocsPerS) })
	line("MB/s of text", func(r *Result) string { return fmt.Sprintf("%.2f", r.Index.MBPerS) })
	line("indexing CPU s", func(r *Result) string { return fmt.Sprintf("%.1f", r.Index.CPUSeconds) })
	line("MB per CPU-s", func(r *Result) string { return fmt.Sprintf("%.2f", r.Index.MBPerCPUS) })
	line("load avg at start", func(r *Result) string { return strings.Fields(r.Index.LoadAvg + " ?")[0] })
	line("index MB", func(r *Result) string { return mbs(r.Index.SizeBytes) })
	line("index / text", func(r *Result) string { return fmt.Sprintf("%.2f", r.Index.SizeRatio) })
	line("indexing peak RSS MB", func(r *Result) string { return mbs(r.Index.PeakRSS) })
	line("first pass p50 ms", func(r *Result) string { return fmt.Sprintf("%.2f", r.FirstPass.P50) })
	line("first pass p99 ms", func(r *Result) string { return fmt.Sprintf("%.2f", r.FirstPass.P99) })
	line("1 client p50 ms", func(r *Result) string { return fmt.Sprintf("%.2f", r.InProcess.P50) })
	line("1 client p95 ms", func(r *Result) string { return fmt.Sprintf("%.2f", r.InProcess.P95) })
	line("1 client p99 ms", func(r *Result) string { return fmt.Sprintf("%.2f", r.InProcess.P99) })
	line("1 client q/s", func(r *Result) string { return fmt.Sprintf("%.0f", r.InProcess.QPS) })
	var f *Result
	for i := range results {
		if results[i].Name == NameFangtan && results[i].Error == "" {
			f = &results[i]
		}
	}
	if f != nil {
		line("1 client p50 ÷ fangtan's", func(r *Result) string { return fmt.Sprintf("%.2f×", div(r.InProcess.P50, f.InProcess.P50)) })
		line("1 client p99 ÷ fangtan's", func(r *Result) string { return fmt.Sprintf("%.2f×", div(r.InProcess.P99, f.InProcess.P99)) })
	}
	line("HTTP p50 ms", func(r *Result) string { return fmt.Sprintf("%.2f", r.HTTP.P50) })
	line("HTTP p95 ms", func(r *Result) string { return fmt.Sprintf("%.2f", r.HTTP.P95) })
	line("HTTP p99 ms", func(r *Result) string { return fmt.Sprintf("%.2f", r.HTTP.P99) })
	line("HTTP q/s", func(r *Result) string { return fmt.Sprintf("%.0f", r.HTTP.QPS) })
	if f != nil {
		line("HTTP p50 ÷ fangtan's", func(r *Result) string { return fmt.Sprintf("%.2f×", div(r.HTTP.P50, f.HTTP.P50)) })
		line("HTTP p99 ÷ fangtan's", func(r *Result) string { return fmt.Sprintf("%.2f×", div(r.HTTP.P99, f.HTTP.P99)) })
	}
	line("startup ms", func(r *Result) string { return fmt.Sprintf("%.0f", 1000*r.Startup.Seconds) })
	line("serve RSS MB after mix", func(r *Result) string { return mbs(r.Startup.RSSAfter) })
	line("  of it anonymous MB", func(r *Result) string { return mbs(r.Startup.AnonAfter) })
	if hasServer(results) {
		line("PostgreSQL PSS MB, indexing peak", func(r *Result) string { return orDash(r.Index.ServerPeakPSS) })
		line("PostgreSQL PSS MB after mix", func(r *Result) string { return orDash(r.Startup.ServerPSS) })
	}
	line("recall %", func(r *Result) string { return fmt.Sprintf("%.2f", 100*r.Recall.Recall) })
	line("precision %", func(r *Result) string { return fmt.Sprintf("%.2f", 100*r.Recall.Precision) })
	for _, k := range []string{RecallCrossPunct, RecallInWord, RecallRandom} {
		line("recall % ("+k+")", func(r *Result) string { return fmt.Sprintf("%.2f", 100*r.Recall.ByKind[k]) })
	}
	line("queries exactly right", func(r *Result) string { return fmt.Sprintf("%d/%d", r.Recall.PerfectQueries, r.Recall.Queries) })
	return out
}

func hasServer(results []Result) bool {
	for _, r := range results {
		if r.Index.ServerPeakPSS > 0 {
			return true
		}
	}
	return false
}

func orDash(b int64) string {
	if b == 0 {
		return "—"
	}
	return mbs(b)
}

// WriteText prints the human table.
func WriteText(w io.Writer, r *Report) {
	if len(r.Scale) > 0 {
		fmt.Fprintln(w)
		writeTab(w, scaleRows(r.Scale))
		for _, p := range r.Scale {
			writeErrors(w, p.Results)
			for _, t := range p.Targets {
				fmt.Fprintf(w, "%s %s: %s\n", metMark(t.Met), t.Goal, t.Got)
			}
		}
		fmt.Fprintln(w)
		for _, n := range r.ScaleNotes {
			fmt.Fprintln(w, n)
		}
		return
	}
	fmt.Fprintf(w, "\ncorpus: %s, %d documents, %.1f MB of title+text\n", strings.Join(r.Corpus.Sources, " + "), r.Corpus.Docs, float64(r.Corpus.TextBytes)/1e6)
	writeTab(w, rows(r.Results))
	writeErrors(w, r.Results)
	fmt.Fprintf(w, "\n%s", ceilingLine(r))
	fmt.Fprintln(w)
	if len(r.Ratios) > 0 {
		fmt.Fprintln(w, "\nfangtan / peer:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, x := range r.Ratios {
			fmt.Fprintf(tw, "  %s\t%s\t%.2f×\t(%s is better)\n", x.Metric, x.Peer, x.Value, x.Better)
		}
		tw.Flush()
	}
	if len(r.Backends) > 0 {
		fmt.Fprintln(w, "\nother backend / base:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, x := range r.Backends {
			fmt.Fprintf(tw, "  %s\t%s\t%.2f×\t(%s is better)\n", x.Metric, x.Peer, x.Value, x.Better)
		}
		tw.Flush()
	}
	fmt.Fprintln(w, "\ntargets:")
	for _, t := range r.Targets {
		fmt.Fprintf(w, "  %s %s: %s", metMark(t.Met), t.Goal, t.Got)
		if t.Note != "" {
			fmt.Fprintf(w, " (%s)", t.Note)
		}
		fmt.Fprintln(w)
	}
}

func writeErrors(w io.Writer, results []Result) {
	for _, x := range results {
		if x.Error != "" {
			fmt.Fprintf(w, "%s failed after %v: %s\n", x.Name, x.Stages, x.Error)
		}
	}
}

func metMark(ok bool) string {
	if ok {
		return "MET    "
	}
	return "NOT MET"
}

func writeTab(w io.Writer, rows [][]string) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
	}
	tw.Flush()
}

func mdTable(b *bytes.Buffer, rows [][]string) {
	for i, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|---" + strings.Repeat("|--:", len(r)-1) + "|\n")
		}
	}
}

// Markdown renders the report as the generated section of
// docs/benchmarks.md.
func Markdown(r *Report) string {
	var b bytes.Buffer
	m := r.Machine
	fmt.Fprintf(&b, "Run %s at commit `%s` on %d CPUs (%s), %d MB memory, %s, GOMAXPROCS %d; took %.0f s.\n\n",
		r.Date, r.Commit, m.CPUs, m.CPUModel, m.MemoryMB, m.GoVersion, m.GOMAXPROCS, r.Elapsed)
	fmt.Fprintf(&b, "Latency runs stop at %d queries or %.0f s, whichever comes first; HTTP runs use %d concurrent clients, each from its own 127.0.0.x address.\n\n",
		r.Search.MaxRequests, r.Search.MaxSeconds, r.Search.Clients)
	if len(r.Scale) > 0 {
		mdTable(&b, scaleRows(r.Scale))
		for _, p := range r.Scale {
			mdErrors(&b, p.Results)
		}
		b.WriteString("\n")
		for _, p := range r.Scale {
			for _, t := range p.Targets {
				fmt.Fprintf(&b, "- %s — %s: **%s**\n", t.Goal, t.Got, metWord(t.Met))
			}
		}
		b.WriteString("\nGrowth against xwlb ×1:\n\n")
		for _, n := range r.ScaleNotes {
			b.WriteString("- " + n + "\n")
		}
		return b.String()
	}
	fmt.Fprintf(&b, "Corpus: %s — %d documents, %.1f MB of title+text", strings.Join(r.Corpus.Sources, " + "), r.Corpus.Docs, float64(r.Corpus.TextBytes)/1e6)
	if r.Corpus.Limit > 0 {
		fmt.Fprintf(&b, " (first %d of each)", r.Corpus.Limit)
	}
	fmt.Fprintf(&b, ". Query mix: %d queries; recall sample: %d quoted queries.\n\n", len(r.Mix), r.RecallSize)
	mdTable(&b, rows(r.Results))
	mdErrors(&b, r.Results)
	fmt.Fprintf(&b, "\n%s", ceilingLine(r))
	b.WriteString("\n\n")
	if len(r.Ratios) > 0 {
		b.WriteString("fangtan / peer:\n\n| metric | peer | ratio | better |\n|---|---|--:|---|\n")
		for _, x := range r.Ratios {
			fmt.Fprintf(&b, "| %s | %s | %.2f× | %s |\n", x.Metric, x.Peer, x.Value, x.Better)
		}
		b.WriteString("\n")
	}
	if len(r.Backends) > 0 {
		b.WriteString("fangtan on PostgreSQL / fangtan on bleve, and sharded / one node:\n\n| metric | configurations | ratio | better |\n|---|---|--:|---|\n")
		for _, x := range r.Backends {
			fmt.Fprintf(&b, "| %s | %s | %.2f× | %s |\n", x.Metric, x.Peer, x.Value, x.Better)
		}
		b.WriteString("\n")
	}
	b.WriteString("1-client latency by query kind (p50 / p99 ms):\n\n")
	mdTable(&b, kindRows(r.Results))
	b.WriteString("\n")
	b.WriteString("Targets:\n\n| target | measured | |\n|---|--:|---|\n")
	for _, t := range r.Targets {
		got := t.Got
		if t.Note != "" {
			got += " (" + t.Note + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | **%s** |\n", t.Goal, got, metWord(t.Met))
	}
	return b.String()
}

func mdErrors(b *bytes.Buffer, results []Result) {
	for _, x := range results {
		if x.Error != "" {
			fmt.Fprintf(b, "\n%s failed after stages %v: `%s`\n", x.Name, x.Stages, x.Error)
		}
	}
}

func metWord(ok bool) string {
	if ok {
		return "met"
	}
	return "not met"
}

// WriteMarkdown replaces the section named section (between
// "<!-- section:begin -->" and "<!-- section:end -->") of the Markdown file
// at path with body, keeping the hand-written rest of the file; a missing
// file or section is created.
func WriteMarkdown(path, section, body string) error {
	begin, end := "<!-- "+section+":begin -->", "<!-- "+section+":end -->"
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	block := begin + "\n" + body + "\n" + end
	s := string(old)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	switch {
	case i >= 0 && j > i:
		s = s[:i] + block + s[j+len(end):]
	case s == "":
		s = "# Benchmarks\n\n" + block + "\n"
	default:
		s = strings.TrimRight(s, "\n") + "\n\n" + block + "\n"
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(s), 0o644)
}

func ceilingLine(r *Report) string {
	c := r.Ceiling
	s := fmt.Sprintf("gojieba Cut ceiling on the same text: %.2f MB/s on 1 worker (%.2f MB per CPU-s), %.2f MB/s on %d workers.",
		c.MBPerS1, c.MBPerCPUS, c.MBPerSN, c.Workers)
	if f := r.result(NameFangtan); f != nil {
		s += fmt.Sprintf(" fangtan indexes at %.0f%% of the %d-worker wall-clock ceiling and at %.0f%% of it per CPU-second.",
			100*div(f.Index.MBPerS, c.MBPerSN), c.Workers, 100*div(f.Index.MBPerCPUS, c.MBPerCPUS))
	}
	return s
}

// scaleRows is one line per scale point and configuration.
func scaleRows(points []ScalePoint) [][]string {
	out := [][]string{{"corpus", "config", "docs", "MB text", "indexing s", "CPU s", "CPU ms/doc", "index MB", "index/text",
		"p50 ms", "p99 ms", "HTTP p99 ms", "HTTP q/s", "startup ms", "serve RSS MB", "recall %", "precision %"}}
	for _, p := range points {
		for _, r := range p.Results {
			if r.Error != "" && len(r.Stages) == 0 {
				out = append(out, []string{p.Label, r.Name, "failed"})
				continue
			}
			out = append(out, []string{p.Label, r.Name, fmt.Sprint(r.Index.Docs), fmt.Sprintf("%.1f", float64(p.Corpus.TextBytes)/1e6),
				fmt.Sprintf("%.1f", r.Index.Seconds), fmt.Sprintf("%.1f", r.Index.CPUSeconds),
				fmt.Sprintf("%.2f", 1000*div(r.Index.CPUSeconds, float64(r.Index.Docs))),
				mbs(r.Index.SizeBytes), fmt.Sprintf("%.2f", r.Index.SizeRatio),
				fmt.Sprintf("%.2f", r.InProcess.P50), fmt.Sprintf("%.2f", r.InProcess.P99), fmt.Sprintf("%.2f", r.HTTP.P99),
				fmt.Sprintf("%.0f", r.HTTP.QPS), fmt.Sprintf("%.0f", 1000*r.Startup.Seconds), mbs(r.Startup.RSSAfter),
				fmt.Sprintf("%.2f", 100*r.Recall.Recall), fmt.Sprintf("%.2f", 100*r.Recall.Precision)})
		}
	}
	return out
}

// kindRows shows the 1-client latency of each kind of query in the mix.
func kindRows(results []Result) [][]string {
	out := [][]string{{"kind"}}
	for _, r := range results {
		out[0] = append(out[0], r.Name)
	}
	for _, k := range []string{KindWord, KindMulti, KindPhrase, KindFacet, KindQuote, KindTraditional} {
		row := []string{k}
		for _, r := range results {
			l, ok := r.ByKind[k]
			if !ok {
				row = append(row, "—")
				continue
			}
			row = append(row, fmt.Sprintf("%.2f / %.2f", l.P50, l.P99))
		}
		out = append(out, row)
	}
	return out
}
