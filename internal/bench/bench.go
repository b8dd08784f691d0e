// Package bench measures fangtan against the peers a Go user would pick for
// Chinese full-text search — bleve's built-in cjk analyzer (peer A) and a
// plain gojieba adapter (peer B) — on the same corpus, machine and minute:
// indexing speed, index size and peak memory, search latency in process and
// over HTTP, startup, and recall and precision of quoted queries against an
// exact-substring oracle. It writes a table, JSON and Markdown.
package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"syscall"
	"time"

	"fangtan/internal/pgtest"
	"fangtan/internal/procstat"
)

// system is one configuration under test.
type system interface {
	Name() string
	// Build indexes the JSONL corpus at corpusPath into dir and returns the
	// number of documents indexed and why any record was left out (fangtan's
	// reader drops records with no text). It runs in a child process.
	Build(ctx context.Context, corpusPath, dir string) (docs int, skipped []string, err error)
	// Open opens an index Build wrote.
	Open(ctx context.Context, dir string) (engine, error)
	// Texts returns the documents as the configuration indexed them, for
	// the recall oracle.
	Texts(ctx context.Context, c *Corpus) ([]Record, error)
}

// engine is an open index of one configuration.
type engine interface {
	// Search runs one query of the mix the way the configuration's result
	// page would, and returns how many hits it shows.
	Search(ctx context.Context, q MixQuery) (int, error)
	// Handler serves the configuration's search API; Path is the URL
	// (path and query) that asks it q.
	Handler() http.Handler
	Path(q MixQuery) string
	// Phrase returns the ids of every article the quoted phrase finds.
	Phrase(ctx context.Context, phrase string) ([]string, error)
	Close() error
}

// systems are every configuration; the PostgreSQL ones are fresh values
// each call, since they hold the clusters of one run.
func systems() []system {
	return []system{fangtanSystem{}, peerA, peerB,
		&pgSystem{name: NamePG}, &pgSystem{name: NamePGShards, shards: 2, async: true},
		&pgSystem{name: NamePGShardsSyn, shards: 2}}
}

// ConfigNames are the configurations a run measures by default: every one
// but the hand-run fangtan-pg-shards-sync.
func ConfigNames() []string {
	var names []string
	for _, s := range systems() {
		if s.Name() != NamePGShardsSyn {
			names = append(names, s.Name())
		}
	}
	return names
}

func systemNamed(name string) (system, error) {
	var known []string
	for _, s := range systems() {
		if s.Name() == name {
			return s, nil
		}
		known = append(known, s.Name())
	}
	return nil, fmt.Errorf("bench: unknown configuration %q (known: %s)", name, strings.Join(known, ", "))
}

// Options configure a run.
type Options struct {
	Corpora []string // JSONL files, combined in order
	Limit   int      // records read from each corpus, 0 = all
	Copies  int      // replicate the corpus this many times with fresh ids
	Configs []string // configurations to measure; nil = all

	Seed          uint64 // for the query mix and the recall sample
	RecallQueries int    // size of the recall sample
	Search        Limits // bound of each latency run
	Clients       int    // concurrent HTTP clients

	WorkDir string // where indexes go; "" = a temporary directory, removed after
	// ProfileDir, when set, receives CPU profiles of each configuration's
	// indexing (<name>.index.cpu.pprof) and 1-client search run
	// (<name>.search.cpu.pprof).
	ProfileDir string
	// Self re-executes this program; the harness adds childEnv and the
	// program must hand over to RunChild when it sees it.
	Self []string
	// ServeArgs, when set, is the command that serves a fangtan index at
	// addr (the real `fangtan serve`); the startup and HTTP figures for
	// fangtan are then taken from it. Nil serves fangtan like the peers, in
	// a child running the same index.Open and web handler.
	ServeArgs func(indexDir, addr string) []string
	// Fangtan is the fangtan binary, which indexes and serves the
	// PostgreSQL configurations (fangtan index|serve --backend postgres).
	Fangtan string
	Log     io.Writer // progress; nil = discard
	// OnScalePoint, if set, is called with the report so far after each
	// point of a scale run, so that a long run leaves its results behind
	// as it goes.
	OnScalePoint func(*Report) error
}

func (o *Options) defaults() {
	if o.Copies < 1 {
		o.Copies = 1
	}
	if len(o.Configs) == 0 {
		o.Configs = ConfigNames()
	}
	if o.Seed == 0 {
		o.Seed = 20260601
	}
	if o.RecallQueries <= 0 {
		o.RecallQueries = 200
	}
	if o.Search.Requests <= 0 {
		o.Search.Requests = 2000
	}
	if o.Search.Duration <= 0 {
		o.Search.Duration = 30 * time.Second
	}
	if o.Clients <= 0 {
		o.Clients = 8
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Result is what one configuration measured.
type Result struct {
	Name      string             `json:"name"`
	Index     IndexStats         `json:"index"`
	FirstPass Latency            `json:"search_first_pass"` // the mix once, cold
	InProcess Latency            `json:"search_1_client"`
	ByKind    map[string]Latency `json:"search_1_client_by_kind"`
	HTTP      Latency            `json:"search_http"`
	Startup   Startup            `json:"startup"`
	Recall    Recall             `json:"recall"`
	Stages    []string           `json:"stages_done"`
	Error     string             `json:"error,omitempty"`
}

// IndexStats are the indexing figures of one configuration.
type IndexStats struct {
	Docs      int     `json:"docs"`
	Skipped   int     `json:"skipped"` // corpus records left out
	FirstSkip string  `json:"first_skipped,omitempty"`
	Seconds   float64 `json:"seconds"`
	DocsPerS  float64 `json:"docs_per_s"`
	MBPerS    float64 `json:"mb_per_s"` // MB (10^6 bytes) of title+text per second
	SizeBytes int64   `json:"size_bytes"`
	SizeRatio float64 `json:"size_ratio"` // index size / raw title+text bytes
	PeakRSS   int64   `json:"peak_rss_bytes"`
	// CPUSeconds is the indexing process's user + system time (it includes
	// loading the corpus and the dictionaries); MBPerCPUS divides the text
	// by it. On a shared machine they vary less than the wall-clock figures.
	CPUSeconds float64 `json:"cpu_seconds"`
	MBPerCPUS  float64 `json:"mb_per_cpu_s"`
	// LoadAvg is /proc/loadavg when indexing began: other work competing
	// for the CPUs.
	LoadAvg string `json:"loadavg_at_start"`
	// ServerPeakPSS is, for a configuration whose index lives in a
	// server (PostgreSQL), the highest sum of the server processes'
	// proportional set sizes during indexing, sampled every 250 ms;
	// PeakRSS is then the fangtan index process alone.
	ServerPeakPSS int64 `json:"server_peak_pss_bytes,omitempty"`
}

// Startup is the time from launching a server process to its first
// answered query, and its memory after the HTTP query run.
type Startup struct {
	Command  string  `json:"command"`
	Seconds  float64 `json:"seconds"`
	RSSAfter int64   `json:"rss_after_bytes"`
	// AnonAfter is the part of RSSAfter that is the process's own memory
	// (RssAnon); the rest is mostly pages of the mmapped index, which
	// depends on what the page cache holds: with the index just written,
	// and so cached, page faults map more of it.
	AnonAfter int64  `json:"anon_rss_after_bytes,omitempty"`
	PeakRSS   int64  `json:"peak_rss_bytes"`
	FirstPath string `json:"first_query"`
	// ServerPSS is, for a configuration whose index lives in a server,
	// the server processes' summed PSS after the HTTP run (RSSAfter is
	// fangtan serve alone).
	ServerPSS int64 `json:"server_pss_after_bytes,omitempty"`
}

// Ceiling is gojieba's raw Cut (precise mode, HMM on) throughput on the
// corpus text: the segmentation limit of any jieba-based indexer.
type Ceiling struct {
	MBPerS1   float64 `json:"mb_per_s_1_worker"`
	MBPerSN   float64 `json:"mb_per_s_n_workers"`
	Workers   int     `json:"workers"`
	MBPerCPUS float64 `json:"mb_per_cpu_s"` // of the 1-worker run
	TextBytes int64   `json:"text_bytes"`
}

// Report is a whole run.
type Report struct {
	Date       string      `json:"date"`
	Commit     string      `json:"commit"`
	Machine    Machine     `json:"machine"`
	Corpus     CorpusInfo  `json:"corpus"`
	Search     SearchSetup `json:"search_setup"`
	Mix        []MixQuery  `json:"query_mix"`
	RecallSize int         `json:"recall_sample"`
	Ceiling    Ceiling     `json:"cut_ceiling"`
	Results    []Result    `json:"results"`
	Ratios     []Ratio     `json:"ratios"`
	// Backends compare fangtan on PostgreSQL with fangtan on bleve
	// (Peer reads "fangtan-pg / fangtan"), and the shards with one node.
	Backends   []Ratio      `json:"backend_ratios,omitempty"`
	Targets    []Target     `json:"targets"`
	Elapsed    float64      `json:"elapsed_s"`
	Scale      []ScalePoint `json:"scale,omitempty"`
	ScaleNotes []string     `json:"scale_notes,omitempty"`
}

// CorpusInfo describes the corpus of a run.
type CorpusInfo struct {
	Sources   []string `json:"sources"`
	Limit     int      `json:"limit"`
	Copies    int      `json:"copies"`
	Docs      int      `json:"docs"`
	TextBytes int64    `json:"text_bytes"`
}

// SearchSetup records the bounds of the latency runs.
type SearchSetup struct {
	MaxRequests int     `json:"max_requests"`
	MaxSeconds  float64 `json:"max_seconds"`
	Clients     int     `json:"http_clients"`
}

// Run measures every configuration of opts on one corpus.
func Run(ctx context.Context, opts Options) (*Report, error) {
	opts.defaults()
	// Child processes write their stderr into the log while Run writes its
	// progress: one lock for both.
	opts.Log = &lockedWriter{w: opts.Log}
	began := time.Now()
	logf := func(format string, a ...any) { fmt.Fprintf(opts.Log, "bench: "+format+"\n", a...) }
	work := opts.WorkDir
	if work == "" {
		d, err := os.MkdirTemp("", "fangtan-bench-")
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(d)
		work = d
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	var syss []system
	for _, name := range opts.Configs {
		s, err := systemNamed(name)
		if err != nil {
			return nil, err
		}
		syss = append(syss, s)
	}

	logf("reading %s (limit %d, copies %d)", strings.Join(opts.Corpora, " + "), opts.Limit, opts.Copies)
	c, err := BuildCorpus(opts.Corpora, opts.Limit, opts.Copies, filepath.Join(work, "corpus.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	rep := &Report{
		Date:    began.UTC().Format(time.RFC3339),
		Commit:  gitCommit(),
		Machine: machine(),
		Corpus:  CorpusInfo{Sources: opts.Corpora, Limit: opts.Limit, Copies: opts.Copies, Docs: len(c.Records), TextBytes: c.TextBytes},
		Search:  SearchSetup{MaxRequests: opts.Search.Requests, MaxSeconds: opts.Search.Duration.Seconds(), Clients: opts.Clients},
	}
	logf("%d documents, %.1f MB of title+text", len(c.Records), float64(c.TextBytes)/1e6)

	// Copies add no new text, so the mix, the sample and the ceiling come
	// from one copy.
	distinct := c.Records[:len(c.Records)/c.Copies]
	mix, err := BuildMix(distinct, opts.Seed)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	rep.Mix = mix
	sample := capSample(BuildRecallSample(distinct, 3*opts.RecallQueries, opts.Seed), newOracle(distinct), opts.RecallQueries)
	rep.RecallSize = len(sample)
	logf("query mix: %d queries; recall sample: %d quoted queries", len(mix), len(sample))

	rep.Ceiling = cutCeiling(distinct)
	logf("gojieba Cut ceiling: %.2f MB/s on 1 worker, %.2f MB/s on %d", rep.Ceiling.MBPerS1, rep.Ceiling.MBPerSN, rep.Ceiling.Workers)

	oracles := map[string]*oracle{}
	for _, s := range syss {
		res := Result{Name: s.Name()}
		if _, ok := s.(service); ok {
			if err := pgtest.Available(); err != nil {
				res.Error = "skipped: " + err.Error()
				logf("%s: skipped: %v", s.Name(), err)
				rep.Results = append(rep.Results, res)
				continue
			}
		}
		if err := measure(ctx, opts, s, c, work, mix, sample, oracles, &res, logf); err != nil {
			res.Error = err.Error()
			logf("%s: %v", s.Name(), err)
		}
		rep.Results = append(rep.Results, res)
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
	}
	rep.Ratios = ratios(rep.Results)
	rep.Backends = backendRatios(rep.Results)
	rep.Targets = targets(rep)
	rep.Elapsed = time.Since(began).Seconds()
	return rep, nil
}

// measure runs every stage for one configuration, recording each stage
// that completed in res.Stages.
func measure(ctx context.Context, opts Options, s system, c *Corpus, work string, mix []MixQuery, sample []RecallQuery, oracles map[string]*oracle, res *Result, logf func(string, ...any)) error {
	name := s.Name()
	dir := filepath.Join(work, name+".index")
	os.RemoveAll(dir)

	if _, ok := s.(service); ok {
		logf("%s: indexing with fangtan index --backend postgres", name)
	} else {
		logf("%s: indexing in a child process", name)
	}
	profile := ""
	if opts.ProfileDir != "" {
		profile, _ = filepath.Abs(filepath.Join(opts.ProfileDir, name+".index.cpu.pprof"))
	}
	var (
		cr         childResult
		size       int64
		serverPeak int64
		err        error
	)
	load := loadAvg()
	if sv, ok := s.(service); ok {
		if opts.Fangtan == "" {
			return fmt.Errorf("%s: %w", name, errNoFangtan)
		}
		texts, err := sv.Texts(ctx, c)
		if err != nil {
			return fmt.Errorf("%s: read the corpus: %w", name, err)
		}
		stop, err := sv.start(ctx, texts, logf)
		if err != nil {
			return fmt.Errorf("%s: start PostgreSQL: %w", name, err)
		}
		defer stop()
		load = loadAvg()
		if cr, serverPeak, err = sv.index(ctx, opts.Fangtan, c.Path, opts.Log); err != nil {
			return err
		}
		if size, err = sv.size(ctx); err != nil {
			return fmt.Errorf("index size: %w", err)
		}
	} else {
		if cr, err = indexInChild(ctx, opts.Self, name, c.Path, dir, profile, opts.Log); err != nil {
			return err
		}
		if size, err = dirSize(dir); err != nil {
			return fmt.Errorf("index size: %w", err)
		}
	}
	mb := float64(c.TextBytes) / 1e6
	res.Index = IndexStats{
		Docs: cr.Docs, Skipped: cr.Skipped, FirstSkip: cr.FirstSkip, Seconds: cr.Seconds, DocsPerS: float64(cr.Docs) / cr.Seconds, MBPerS: mb / cr.Seconds,
		SizeBytes: size, SizeRatio: float64(size) / float64(c.TextBytes), PeakRSS: cr.PeakRSS,
		CPUSeconds: cr.CPUSeconds, MBPerCPUS: div(mb, cr.CPUSeconds), LoadAvg: load, ServerPeakPSS: serverPeak,
	}
	res.Stages = append(res.Stages, "index")
	logf("%s: %d docs in %.1fs (%.2f MB/s; %.1f CPU-s), %.1f MB on disk (%.2f× text), peak RSS %.0f MB; load average was %s",
		name, cr.Docs, cr.Seconds, res.Index.MBPerS, cr.CPUSeconds, float64(size)/1e6, res.Index.SizeRatio, float64(cr.PeakRSS)/1e6, load)
	if serverPeak > 0 {
		logf("%s: the PostgreSQL servers' processes peaked at %.0f MB (summed PSS) while indexing", name, float64(serverPeak)/1e6)
	}

	if err := searchInProcess(ctx, opts, s, c, dir, mix, sample, oracles, res, logf); err != nil {
		return err
	}
	return searchOverHTTP(ctx, opts, s, dir, mix, res, logf)
}

func searchInProcess(ctx context.Context, opts Options, s system, c *Corpus, dir string, mix []MixQuery, sample []RecallQuery, oracles map[string]*oracle, res *Result, logf func(string, ...any)) error {
	name := s.Name()
	e, err := s.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer e.Close()
	// One pass over the mix first, so every configuration is measured warm.
	// The pass is reported too: the measured runs repeat the mix, so a
	// configuration that caches per query (fangtan caches facet counts)
	// answers them from its cache, and the first pass shows the cost of a
	// query seen for the first time.
	var cold []time.Duration
	coldStart := time.Now()
	for _, q := range mix {
		t := time.Now()
		if _, err := e.Search(ctx, q); err != nil {
			return fmt.Errorf("warm-up query %q: %w", q.Text, err)
		}
		cold = append(cold, time.Since(t))
	}
	res.FirstPass = summarize(1, cold, 0, nil, time.Since(coldStart))
	stopProfile, err := startProfile(opts.ProfileDir, name+".search.cpu.pprof")
	if err != nil {
		return err
	}
	lat, per := loadRecorded(ctx, 1, len(mix), opts.Search, func(ctx context.Context, _, i int) error {
		_, err := e.Search(ctx, mix[i])
		return err
	})
	stopProfile()
	res.InProcess = lat
	res.ByKind = byKind(mix, per)
	res.Stages = append(res.Stages, "search-1-client")
	logf("%s: 1 client in process: p50 %.2f ms, p95 %.2f, p99 %.2f, %.0f q/s (%d queries, %d errors)",
		name, lat.P50, lat.P95, lat.P99, lat.QPS, lat.Requests, lat.Errors)

	texts, err := s.Texts(ctx, c)
	if err != nil {
		return fmt.Errorf("oracle texts: %w", err)
	}
	key := fmt.Sprintf("%p/%d", texts, len(texts))
	if len(texts) > 0 {
		key = fmt.Sprintf("%p/%d", &texts[0], len(texts))
	}
	o := oracles[key]
	if o == nil {
		o = newOracle(texts)
		oracles[key] = o
	}
	expected := make([]map[string]bool, len(sample))
	parallel(len(sample), func(i int) { expected[i] = o.match(sample[i].Text) })
	res.Recall = measureRecall(ctx, e, o, sample, expected)
	res.Stages = append(res.Stages, "recall")
	logf("%s: recall %.2f%%, precision %.2f%% over %d quoted queries (%d of %d documents found, %d wrong)",
		name, 100*res.Recall.Recall, 100*res.Recall.Precision, res.Recall.Queries, res.Recall.Found, res.Recall.Expected, res.Recall.Wrong)
	return nil
}

func searchOverHTTP(ctx context.Context, opts Options, s system, dir string, mix []MixQuery, res *Result, logf func(string, ...any)) error {
	name := s.Name()
	// Paths come from an engine opened only to build URLs; it is closed
	// before the server starts so that the server owns the index alone.
	e, err := s.Open(ctx, dir)
	if err != nil {
		return err
	}
	paths := make([]string, len(mix))
	for i, q := range mix {
		paths[i] = e.Path(q)
	}
	e.Close()

	addr, err := freeLoopbackAddr()
	if err != nil {
		return err
	}
	var cmd *exec.Cmd
	sv, isService := s.(service)
	if name == NameFangtan && opts.ServeArgs != nil || isService {
		var args []string
		if isService {
			args = sv.serveArgs(opts.Fangtan, addr)
		} else {
			args = opts.ServeArgs(dir, addr)
		}
		cmd = exec.CommandContext(ctx, args[0], args[1:]...)
		cmd.Stderr = opts.Log
		res.Startup.Command = strings.Join(append([]string{filepath.Base(args[0])}, args[1:]...), " ")
	} else {
		cmd, err = childCmd(ctx, opts.Self, childSpec{Mode: "serve", System: name, Dir: dir, Addr: addr}, opts.Log)
		if err != nil {
			return err
		}
		res.Startup.Command = "bench child: open + handler"
	}
	cmd.Cancel = func() error { return cmd.Process.Kill() }
	base := "http://" + addr
	client := &http.Client{Timeout: 10 * time.Second}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start server: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		select {
		case err := <-exited: // already gone
			exited <- err
			return
		default:
		}
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	}
	defer stop()
	res.Startup.FirstPath = paths[0]
	deadline := time.Now().Add(60 * time.Second)
	for {
		err := getOK(ctx, client, base+paths[0])
		if err == nil {
			break
		}
		select {
		case werr := <-exited:
			exited <- werr
			return fmt.Errorf("server exited before answering: %v", werr)
		default:
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("server did not answer within 60s: %w", err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	res.Startup.Seconds = time.Since(start).Seconds()
	res.Stages = append(res.Stages, "startup")
	logf("%s: server answered its first query %.0f ms after launch", name, 1000*res.Startup.Seconds)

	lat := httpLoad(ctx, base, paths, opts.Clients, opts.Search)
	res.HTTP = lat
	res.Startup.RSSAfter, _ = procstat.Bytes(cmd.Process.Pid, "VmRSS")
	res.Startup.AnonAfter, _ = procstat.Bytes(cmd.Process.Pid, "RssAnon")
	res.Startup.PeakRSS, _ = procstat.Bytes(cmd.Process.Pid, "VmHWM")
	if isService {
		res.Startup.ServerPSS = sv.serverPSS()
	}
	res.Stages = append(res.Stages, "search-http")
	logf("%s: %d clients over HTTP: p50 %.2f ms, p95 %.2f, p99 %.2f, %.0f q/s (%d queries, %d errors); server RSS %.0f MB (%.0f MB anonymous)",
		name, lat.Clients, lat.P50, lat.P95, lat.P99, lat.QPS, lat.Requests, lat.Errors, float64(res.Startup.RSSAfter)/1e6, float64(res.Startup.AnonAfter)/1e6)
	if lat.Errors > 0 {
		return fmt.Errorf("%d of %d HTTP queries failed, first: %s", lat.Errors, lat.Requests, lat.FirstError)
	}
	return nil
}

func byKind(mix []MixQuery, per [][]time.Duration) map[string]Latency {
	m := map[string][]time.Duration{}
	for i, q := range mix {
		m[q.Kind] = append(m[q.Kind], per[i]...)
	}
	out := map[string]Latency{}
	for k, d := range m {
		var total time.Duration
		for _, x := range d {
			total += x
		}
		out[k] = summarize(1, d, 0, nil, total)
	}
	return out
}

// cutCeiling times gojieba's Cut over the text, on one worker and on
// GOMAXPROCS workers.
func cutCeiling(recs []Record) Ceiling {
	j := peerJieba()
	var total int64
	for i := range recs {
		total += int64(len(recs[i].Title) + len(recs[i].Text))
	}
	c := Ceiling{Workers: runtime.GOMAXPROCS(0), TextBytes: total}
	t, cpu := time.Now(), cpuTime()
	for i := range recs {
		j.Cut(recs[i].Title, true)
		j.Cut(recs[i].Text, true)
	}
	c.MBPerS1 = float64(total) / 1e6 / time.Since(t).Seconds()
	c.MBPerCPUS = div(float64(total)/1e6, (cpuTime() - cpu).Seconds())
	t = time.Now()
	parallel(len(recs), func(i int) {
		j.Cut(recs[i].Title, true)
		j.Cut(recs[i].Text, true)
	})
	c.MBPerSN = float64(total) / 1e6 / time.Since(t).Seconds()
	return c
}

// Machine describes where a run happened.
type Machine struct {
	CPUs       int    `json:"nproc"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	CPUModel   string `json:"cpu_model"`
	MemoryMB   int64  `json:"memory_mb"`
	GoVersion  string `json:"go_version"`
	OS         string `json:"os"`
}

func machine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0), GoVersion: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			var kb int64
			if _, err := fmt.Sscanf(line, "MemTotal: %d kB", &kb); err == nil {
				m.MemoryMB = kb / 1024
				break
			}
		}
	}
	return m
}

// gitCommit is the short commit of the working tree, marked when the tree
// has uncommitted changes.
func gitCommit() string {
	out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	commit := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		commit += " (with uncommitted changes)"
	}
	return commit
}

func walkFiles(dir string, fn func(size int64)) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			fn(info.Size())
		}
		return nil
	})
}

// errNotReady marks a configuration whose code has not landed.
var errNotReady = errors.New("not available in this build")

// maxOracleDocs caps how many documents of one copy of the corpus a recall
// query may match, so that every configuration can list all its results
// (fangtan pages at most 10,000 hits deep; 4 copies × 2,000 stay under).
const maxOracleDocs = 2000

// capSample keeps the first n candidates that match between 1 and
// maxOracleDocs documents.
func capSample(cands []RecallQuery, o *oracle, n int) []RecallQuery {
	counts := make([]int, len(cands))
	parallel(len(cands), func(i int) { counts[i] = len(o.match(cands[i].Text)) })
	var out []RecallQuery
	for i, q := range cands {
		if len(out) < n && counts[i] >= 1 && counts[i] <= maxOracleDocs {
			out = append(out, q)
		}
	}
	return out
}

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// cpuTime is this process's user + system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// startProfile starts a CPU profile into dir/name; with no dir it does
// nothing. The returned function stops it.
func startProfile(dir, name string) (func(), error) {
	if dir == "" {
		return func() {}, nil
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// lockedWriter serializes writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
