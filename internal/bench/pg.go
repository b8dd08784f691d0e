package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"fangtan/internal/pgtest"
	"fangtan/postgres"
)

// Names of the PostgreSQL configurations. fangtan-pg-shards-sync is the
// sharded layout with async_capable off on the foreign servers, measured
// by hand (--configs) to show what scanning the shards concurrently buys;
// it is not in the default run.
const (
	NamePG          = "fangtan-pg"
	NamePGShards    = "fangtan-pg-shards"
	NamePGShardsSyn = "fangtan-pg-shards-sync"
)

// service is a configuration whose index lives in a server the harness
// starts (PostgreSQL), indexed and served by the real fangtan binary rather
// than by a bench child: its indexing figures are those of `fangtan index
// --backend postgres`, and its HTTP figures those of `fangtan serve
// --backend postgres`.
type service interface {
	system
	// start launches the servers and prepares an empty index; stop removes
	// them. recs are the documents as fangtan reads them (their dates
	// place the shard boundary).
	start(ctx context.Context, recs []Record, logf func(string, ...any)) (stop func(), err error)
	// index runs `fangtan index` into the servers; serverPeak is the
	// highest sum of the servers' proportional set sizes seen meanwhile.
	index(ctx context.Context, fangtanBin, corpusPath string, log io.Writer) (res childResult, serverPeak int64, err error)
	size(ctx context.Context) (int64, error)
	serveArgs(fangtanBin, addr string) []string
	// serverPSS is the servers' memory now.
	serverPSS() int64
}

// pgSystem is fangtan on PostgreSQL: one node, or a coordinator with
// shards connected by postgres_fdw (postgres.CreateSharded), split at the
// median date of the corpus.
type pgSystem struct {
	name   string
	shards int  // 0: one node
	async  bool // foreign servers' async_capable

	mu       sync.Mutex
	clusters []*pgtest.Cluster
	closers  []func() error
	dsn      string // the node, or the coordinator
}

func (p *pgSystem) Name() string { return p.name }

// Build is never called for a service (it is indexed by fangtan index).
func (p *pgSystem) Build(ctx context.Context, corpusPath, dir string) (int, []string, error) {
	return 0, nil, fmt.Errorf("%s: indexed by 'fangtan index --backend postgres', not in a bench child", p.name)
}

func (p *pgSystem) Open(ctx context.Context, dir string) (engine, error) {
	db, err := postgres.Open(ctx, p.dsn, postgres.Options{})
	if err != nil {
		return nil, err
	}
	return &fangtanEngine{idx: db}, nil
}

// Texts are fangtan's own reading of the corpus, as for the bleve backend.
func (p *pgSystem) Texts(ctx context.Context, c *Corpus) ([]Record, error) {
	return fangtanSystem{}.Texts(ctx, c)
}

func (p *pgSystem) start(ctx context.Context, recs []Record, logf func(string, ...any)) (func(), error) {
	stop := func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		for _, c := range p.closers {
			c()
		}
		p.closers, p.clusters = nil, nil
	}
	if p.shards == 0 {
		c, err := pgtest.Launch(ctx, "bench", pgtest.Options{})
		if err != nil {
			return nil, err
		}
		p.clusters, p.closers, p.dsn = []*pgtest.Cluster{c}, []func() error{c.Close}, c.DSN()
		logf("%s: PostgreSQL cluster on port %d (%s)", p.name, c.Port, c.DataDir())
		return stop, nil
	}
	set, err := pgtest.LaunchShards(ctx, p.shards, pgtest.Options{})
	if err != nil {
		return nil, err
	}
	p.clusters = append([]*pgtest.Cluster{set.Coordinator}, set.Shards...)
	p.closers, p.dsn = []func() error{set.Close}, set.Coordinator.DSN()
	if !p.async {
		for _, s := range set.Servers {
			if err := set.Coordinator.Exec(ctx, "ALTER SERVER "+pgx.Identifier{s}.Sanitize()+" OPTIONS (SET async_capable 'false')"); err != nil {
				stop()
				return nil, err
			}
		}
	}
	bounds := splitDates(recs, p.shards)
	if len(bounds) != p.shards-1 {
		stop()
		return nil, fmt.Errorf("%s: the corpus's dates cannot be split over %d shards (split at %v)", p.name, p.shards, bounds)
	}
	var specs []postgres.ShardSpec
	for i, sh := range set.Shards {
		spec := postgres.ShardSpec{Server: set.Servers[i], DSN: sh.DSN()}
		if i > 0 {
			spec.From = bounds[i-1]
		}
		if i < len(bounds) {
			spec.To = bounds[i]
		}
		specs = append(specs, spec)
	}
	if err := postgres.CreateSharded(ctx, p.dsn, postgres.Options{}, specs); err != nil {
		stop()
		return nil, err
	}
	var desc []string
	for _, s := range specs {
		desc = append(desc, fmt.Sprintf("%s [%s, %s)", s.Server, s.From, s.To))
	}
	logf("%s: coordinator and %d shards (async_capable %v): %s", p.name, p.shards, p.async, strings.Join(desc, ", "))
	return stop, nil
}

// splitDates are the n-1 dates that split recs' dates into n parts of
// about equal size (YYYY-MM-DD, each a From bound).
func splitDates(recs []Record, n int) []string {
	var dates []string
	for _, r := range recs {
		if d := isoDay(r.Date); d != "" {
			dates = append(dates, d)
		}
	}
	sort.Strings(dates)
	var out []string
	for i := 1; i < n && len(dates) > 0; i++ {
		d := dates[i*len(dates)/n]
		if len(out) > 0 && d <= out[len(out)-1] || d == dates[0] {
			continue // too few distinct dates: fewer, larger shards
		}
		out = append(out, d)
	}
	return out
}

var digits8 = regexp.MustCompile(`^\d{8}$`)

// isoDay is d as YYYY-MM-DD, from either that or YYYYMMDD; "" otherwise.
func isoDay(d string) string {
	switch {
	case digits8.MatchString(d):
		return d[:4] + "-" + d[4:6] + "-" + d[6:]
	case len(d) >= 10 && d[4] == '-' && d[7] == '-':
		return d[:10]
	}
	return ""
}

var indexedLine = regexp.MustCompile(`(?m)^indexed (\d+) documents`)
var skippedLine = regexp.MustCompile(`(?m)^skipped (\d+):\n\s*(.*)$`)

func (p *pgSystem) index(ctx context.Context, fangtanBin, corpusPath string, log io.Writer) (childResult, int64, error) {
	var res childResult
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, fangtanBin, "index", "--backend", "postgres", "--dsn", p.dsn, "--quiet", corpusPath)
	cmd.Stdout = &out
	cmd.Stderr = io.MultiWriter(log, &errOut)
	cmd.Cancel = func() error { return cmd.Process.Kill() }
	done := make(chan struct{})
	var peak int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			if m := p.serverPSS(); m > peak {
				peak = m
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	start := time.Now()
	err := cmd.Run()
	res.Seconds = time.Since(start).Seconds()
	close(done)
	wg.Wait()
	if err != nil {
		return res, peak, fmt.Errorf("%s: %s: %w: %s", p.name, strings.Join(cmd.Args[:4], " "), err, lastLine(errOut.String()))
	}
	m := indexedLine.FindStringSubmatch(out.String())
	if m == nil {
		return res, peak, fmt.Errorf("%s: fangtan index printed no count: %.300s", p.name, out.String())
	}
	res.Docs, _ = strconv.Atoi(m[1])
	if m := skippedLine.FindStringSubmatch(out.String()); m != nil {
		res.Skipped, _ = strconv.Atoi(m[1])
		res.FirstSkip = m[2]
	}
	st := cmd.ProcessState
	res.CPUSeconds = (st.UserTime() + st.SystemTime()).Seconds()
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		res.PeakRSS = ru.Maxrss * 1024 // Linux: KiB
	}
	return res, peak, nil
}

// size is the size of the index's tables with their indexes and TOAST on
// every cluster (the coordinator's foreign tables hold nothing), without
// the catalog every database has.
func (p *pgSystem) size(ctx context.Context) (int64, error) {
	var total int64
	for _, c := range p.clusters {
		conn, err := pgx.Connect(ctx, c.DSN())
		if err != nil {
			return 0, fmt.Errorf("size on %s: %w", c.Name, err)
		}
		var n int64
		err = conn.QueryRow(ctx, `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			AND n.nspname NOT LIKE 'pg\_%'`).Scan(&n)
		conn.Close(ctx)
		if err != nil {
			return 0, fmt.Errorf("size on %s: %w", c.Name, err)
		}
		total += n
	}
	return total, nil
}

func (p *pgSystem) serveArgs(fangtanBin, addr string) []string {
	return []string{fangtanBin, "serve", "--backend", "postgres", "--dsn", p.dsn, "--addr", addr}
}

// serverPSS sums the proportional set size of every process of the
// clusters (postmaster and its children): PSS divides shared_buffers
// among the processes that map it, so the sum counts it once.
func (p *pgSystem) serverPSS() int64 {
	p.mu.Lock()
	var roots []int
	for _, c := range p.clusters {
		if pid, err := postmasterPID(c.DataDir()); err == nil {
			roots = append(roots, pid)
		}
	}
	p.mu.Unlock()
	if len(roots) == 0 {
		return 0
	}
	isRoot := map[int]bool{}
	for _, r := range roots {
		isRoot[r] = true
	}
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var total int64
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if !isRoot[pid] && !isRoot[parentPID(pid)] {
			continue
		}
		total += pss(pid)
	}
	return total
}

func postmasterPID(dataDir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		return 0, err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strconv.Atoi(strings.TrimSpace(line))
}

func parentPID(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: fields follow
	// the last ')'.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(f[1])
	return ppid
}

func pss(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "Pss:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// errNoFangtan says a service configuration was asked for without the
// fangtan binary that indexes and serves it.
var errNoFangtan = errors.New("needs the fangtan binary (Options.Fangtan, --fangtan) to index and serve")
