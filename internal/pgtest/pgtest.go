// Package pgtest starts private PostgreSQL clusters on loopback for tests and
// for the benchmark harness: a single node, a hot standby of it, or a
// coordinator with shard clusters reached through postgres_fdw.
//
// Each cluster lives in a directory of its own under os.TempDir(), owned by
// the postgres user when the caller is root (initdb refuses to run as root,
// and t.TempDir()'s parents are not always traversable by another user), and
// listens on 127.0.0.1 only. When PostgreSQL's binaries are absent the test
// helpers skip, saying what is missing; the Launch functions return
// ErrUnavailable for callers without a testing.TB.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrUnavailable says PostgreSQL cannot be started on this machine (binaries
// or the postgres user missing); the error wrapping it says which.
var ErrUnavailable = errors.New("postgresql unavailable")

// Options tune a cluster. The zero value is a trust-authenticated cluster.
type Options struct {
	// Password, when set, is the postgres user's password, and loopback TCP
	// connections must give it (scram-sha-256). Without it they are trusted.
	Password string
	// Settings are extra postgresql.conf lines (name → value, quoted by the
	// caller when PostgreSQL needs quotes).
	Settings map[string]string
}

// Cluster is one running (or stopped) PostgreSQL cluster on 127.0.0.1.
type Cluster struct {
	Name     string // for messages: "primary", "standby", "shard1", …
	Port     int
	Password string
	base     string // owned temp directory: data/, the socket, the log
	env      *env

	mu      sync.Mutex
	running bool
}

// Host is the only host a cluster listens on and the only one pgtest
// connects to.
const Host = "127.0.0.1"

// DSN is the URL of the cluster's postgres database as the postgres user.
func (c *Cluster) DSN() string { return c.DSNFor("postgres") }

// DSNFor is the URL of database db on the cluster.
func (c *Cluster) DSNFor(db string) string {
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(Host, strconv.Itoa(c.Port)), Path: "/" + db}
	if c.Password != "" {
		u.User = url.UserPassword("postgres", c.Password)
	} else {
		u.User = url.User("postgres")
	}
	u.RawQuery = "sslmode=disable&connect_timeout=5"
	return u.String()
}

// DataDir is the cluster's data directory.
func (c *Cluster) DataDir() string { return filepath.Join(c.base, "data") }

// LogFile is the server log, worth reading when a test fails.
func (c *Cluster) LogFile() string { return filepath.Join(c.base, "server.log") }

// Running says whether the cluster was started and not stopped since.
func (c *Cluster) Running() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.running
}

// env is what running PostgreSQL's programs needs: where they are and whom
// to run them as.
type env struct {
	bin    string // directory holding initdb, pg_ctl, pg_basebackup
	asUser bool   // run through runuser -u postgres (the caller is root)
	uid    int
	gid    int
}

var (
	envOnce sync.Once
	envVal  *env
	envErr  error
)

// Available reports whether clusters can be started here, and if not why.
func Available() error {
	envOnce.Do(func() { envVal, envErr = findEnv() })
	return envErr
}

func findEnv() (*env, error) {
	e := &env{}
	dir, err := findBin()
	if err != nil {
		return nil, err
	}
	e.bin = dir
	if os.Geteuid() == 0 {
		if _, err := exec.LookPath("runuser"); err != nil {
			return nil, fmt.Errorf("%w: running as root and runuser is not in PATH (initdb refuses root)", ErrUnavailable)
		}
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("%w: running as root and there is no postgres user to run initdb as: %v", ErrUnavailable, err)
		}
		e.asUser = true
		e.uid, _ = strconv.Atoi(u.Uid)
		e.gid, _ = strconv.Atoi(u.Gid)
	}
	return e, nil
}

var needed = []string{"initdb", "pg_ctl", "pg_basebackup", "postgres"}

// findBin finds one directory holding all of PostgreSQL's server programs:
// the one pg_ctl in PATH resolves to (Debian's /usr/bin has only wrappers,
// /usr/local/bin may hold symlinks), else the newest /usr/lib/postgresql/*/bin.
func findBin() (string, error) {
	var dirs []string
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			dirs = append(dirs, filepath.Dir(r))
		}
		dirs = append(dirs, filepath.Dir(p))
	}
	glob, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(glob, func(i, j int) bool { return versionOf(glob[i]) > versionOf(glob[j]) })
	dirs = append(dirs, glob...)
	for _, d := range dirs {
		ok := true
		for _, n := range needed {
			if fi, err := os.Stat(filepath.Join(d, n)); err != nil || fi.IsDir() {
				ok = false
				break
			}
		}
		if ok {
			return d, nil
		}
	}
	return "", fmt.Errorf("%w: PostgreSQL's server programs (%s) are neither in PATH nor in /usr/lib/postgresql/*/bin; install Debian's postgresql package",
		ErrUnavailable, strings.Join(needed, ", "))
}

func versionOf(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

// run runs one of PostgreSQL's programs as the postgres user when needed.
func (e *env) run(ctx context.Context, extraEnv []string, prog string, args ...string) error {
	path := filepath.Join(e.bin, prog)
	var cmd *exec.Cmd
	if e.asUser {
		full := append([]string{"-u", "postgres", "--", "env"}, extraEnv...)
		full = append(full, path)
		cmd = exec.CommandContext(ctx, "runuser", append(full, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, path, args...)
		cmd.Env = append(os.Environ(), extraEnv...)
	}
	// pg_ctl start leaves the postmaster running; its output goes to the
	// log file (-l), so these pipes close when pg_ctl returns.
	cmd.Dir = os.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w: %s", prog, strings.Join(redactArgs(args), " "), err, strings.TrimSpace(string(out)))
	}
	return nil
}

func redactArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if strings.Contains(a, "password=") {
			a = "[redacted]"
		}
		out[i] = a
	}
	return out
}

// own makes path belong to the postgres user when programs run as it.
func (e *env) own(path string) error {
	if !e.asUser {
		return nil
	}
	return filepath.Walk(path, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, e.uid, e.gid)
	})
}

// newBase makes the cluster's own directory: 0700, the postgres user's.
func (e *env) newBase(name string) (string, error) {
	base, err := os.MkdirTemp("", "pgtest-"+name+"-")
	if err != nil {
		return "", fmt.Errorf("cluster %s: temp dir: %w", name, err)
	}
	if err := os.Chmod(base, 0o700); err != nil {
		os.RemoveAll(base)
		return "", fmt.Errorf("cluster %s: %w", name, err)
	}
	if err := e.own(base); err != nil {
		os.RemoveAll(base)
		return "", fmt.Errorf("cluster %s: chown %s: %w", name, base, err)
	}
	return base, nil
}

// freePort asks the kernel for a free loopback port. Another process may
// take it before the postmaster binds it; start retries with a new one.
func freePort() (int, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(Host, "0"))
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// confLines are the settings every cluster gets: loopback only, the socket
// in the cluster's own directory, durability off (a test's cluster does not
// outlive a crash of the machine), small memory so several clusters fit.
func confLines(base string, port int, extra map[string]string) string {
	var b strings.Builder
	b.WriteString("\n# pgtest\n")
	fmt.Fprintf(&b, "port = %d\n", port)
	fmt.Fprintf(&b, "listen_addresses = '%s'\n", Host)
	fmt.Fprintf(&b, "unix_socket_directories = '%s'\n", base)
	for _, kv := range [][2]string{
		{"fsync", "off"}, {"synchronous_commit", "off"}, {"full_page_writes", "off"},
		{"shared_buffers", "32MB"}, {"max_connections", "60"},
		{"wal_level", "replica"}, {"max_wal_senders", "5"}, {"hot_standby", "on"},
		{"logging_collector", "off"},
	} {
		fmt.Fprintf(&b, "%s = %s\n", kv[0], kv[1])
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s = %s\n", k, extra[k])
	}
	return b.String()
}

func appendConf(dataDir, text string) error {
	f, err := os.OpenFile(filepath.Join(dataDir, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Launch initialises and starts a cluster. Close stops and removes it.
func Launch(ctx context.Context, name string, opts Options) (*Cluster, error) {
	if err := Available(); err != nil {
		return nil, err
	}
	e := envVal
	base, err := e.newBase(name)
	if err != nil {
		return nil, err
	}
	c := &Cluster{Name: name, Password: opts.Password, base: base, env: e}
	args := []string{"-D", c.DataDir(), "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"}
	if opts.Password != "" {
		pw := filepath.Join(base, "pwfile")
		if err := os.WriteFile(pw, []byte(opts.Password+"\n"), 0o600); err != nil {
			c.remove()
			return nil, fmt.Errorf("cluster %s: %w", name, err)
		}
		if err := e.own(pw); err != nil {
			c.remove()
			return nil, fmt.Errorf("cluster %s: %w", name, err)
		}
		args = append(args, "--pwfile="+pw, "--auth-local=trust", "--auth-host=scram-sha-256")
	} else {
		args = append(args, "--auth=trust")
	}
	if err := e.run(ctx, nil, "initdb", args...); err != nil {
		c.remove()
		return nil, fmt.Errorf("cluster %s: %w", name, err)
	}
	if err := c.configureAndStart(ctx, opts.Settings); err != nil {
		c.remove()
		return nil, err
	}
	return c, nil
}

// configureAndStart picks a port, writes the settings and starts the
// server, trying again with another port when the first was taken.
func (c *Cluster) configureAndStart(ctx context.Context, settings map[string]string) error {
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		port, err := freePort()
		if err != nil {
			return fmt.Errorf("cluster %s: free port: %w", c.Name, err)
		}
		c.Port = port
		if err := appendConf(c.DataDir(), confLines(c.base, port, settings)); err != nil {
			return fmt.Errorf("cluster %s: postgresql.conf: %w", c.Name, err)
		}
		// A failed start is most often the port taken since freePort.
		if last = c.Start(ctx); last == nil {
			return nil
		}
	}
	return last
}

// Start starts a stopped cluster on its port and waits until it accepts
// connections (a standby: until it accepts read-only ones).
func (c *Cluster) Start(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.running {
		return nil
	}
	if err := c.env.run(ctx, nil, "pg_ctl", "start", "-w", "-t", "60", "-D", c.DataDir(), "-l", c.LogFile()); err != nil {
		return fmt.Errorf("cluster %s: %w (log: %s)", c.Name, err, tail(c.LogFile()))
	}
	c.running = true
	return c.waitReady(ctx)
}

func (c *Cluster) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := pgx.Connect(ctx, c.DSN())
		if err == nil {
			conn.Close(ctx)
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("cluster %s: not accepting connections on %s:%d: %w", c.Name, Host, c.Port, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Stop stops the cluster (fast shutdown: sessions are ended), keeping its
// data so Start can bring it back.
func (c *Cluster) Stop(ctx context.Context) error { return c.stop(ctx, "fast") }

// Crash stops the cluster as a power cut would (immediate mode: no
// checkpoint, recovery on the next start).
func (c *Cluster) Crash(ctx context.Context) error { return c.stop(ctx, "immediate") }

func (c *Cluster) stop(ctx context.Context, mode string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.running {
		return nil
	}
	if err := c.env.run(ctx, nil, "pg_ctl", "stop", "-w", "-t", "60", "-m", mode, "-D", c.DataDir()); err != nil {
		return fmt.Errorf("cluster %s: %w", c.Name, err)
	}
	c.running = false
	return nil
}

// Close stops the cluster and removes its directory.
func (c *Cluster) Close() error {
	err := c.stop(context.Background(), "immediate")
	if rerr := c.remove(); err == nil {
		err = rerr
	}
	return err
}

func (c *Cluster) remove() error { return os.RemoveAll(c.base) }

func tail(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "no log"
	}
	s := strings.TrimSpace(string(b))
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	return s
}

// Exec runs SQL statements on the cluster's postgres database.
func (c *Cluster) Exec(ctx context.Context, sql string, args ...any) error {
	conn, err := pgx.Connect(ctx, c.DSN())
	if err != nil {
		return fmt.Errorf("cluster %s: connect: %w", c.Name, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		return fmt.Errorf("cluster %s: %w", c.Name, err)
	}
	return nil
}

// LaunchStandby makes a hot standby of primary with pg_basebackup -R
// (streaming replication, primary_conninfo written for it) and starts it.
func LaunchStandby(ctx context.Context, primary *Cluster, name string) (*Cluster, error) {
	e := primary.env
	base, err := e.newBase(name)
	if err != nil {
		return nil, err
	}
	c := &Cluster{Name: name, Password: primary.Password, base: base, env: e}
	var extraEnv []string
	if primary.Password != "" {
		pass := filepath.Join(base, "pgpass")
		line := fmt.Sprintf("%s:%d:*:postgres:%s\n", Host, primary.Port, pgpassEscape(primary.Password))
		if err := os.WriteFile(pass, []byte(line), 0o600); err != nil {
			c.remove()
			return nil, fmt.Errorf("cluster %s: %w", name, err)
		}
		if err := e.own(pass); err != nil {
			c.remove()
			return nil, fmt.Errorf("cluster %s: %w", name, err)
		}
		extraEnv = append(extraEnv, "PGPASSFILE="+pass)
	}
	if err := e.run(ctx, extraEnv, "pg_basebackup", "-h", Host, "-p", strconv.Itoa(primary.Port), "-U", "postgres",
		"-D", c.DataDir(), "-R", "-X", "stream", "--no-sync", "-c", "fast"); err != nil {
		c.remove()
		return nil, fmt.Errorf("cluster %s: standby of %s: %w", name, primary.Name, err)
	}
	// The copied postgresql.conf names the primary's port and socket
	// directory; settings later in the file win.
	if err := c.configureAndStart(ctx, nil); err != nil {
		c.remove()
		return nil, err
	}
	return c, nil
}

func pgpassEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `:`, `\:`).Replace(s)
}

// ShardSet is a coordinator and its shards. On the coordinator,
// postgres_fdw is installed and each shard is a foreign server named as in
// Servers, with a user mapping for every user (PUBLIC).
type ShardSet struct {
	Coordinator *Cluster
	Shards      []*Cluster
	Servers     []string // "shard1", "shard2", …: foreign server names
}

// Close stops and removes every cluster of the set.
func (s *ShardSet) Close() error {
	var first error
	for _, c := range append([]*Cluster{s.Coordinator}, s.Shards...) {
		if c == nil {
			continue
		}
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// LaunchShards starts a coordinator and n shard clusters and connects them
// with postgres_fdw. The foreign servers are asynchronous (PostgreSQL 14+
// scans partitions on several shards at once) and give up connecting after
// connect_timeout seconds, so a stopped shard is an error, not a hang.
func LaunchShards(ctx context.Context, n int, opts Options) (*ShardSet, error) {
	if n < 1 {
		return nil, fmt.Errorf("shards: need at least one shard, got %d", n)
	}
	set := &ShardSet{}
	var err error
	if set.Coordinator, err = Launch(ctx, "coordinator", opts); err != nil {
		return nil, err
	}
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("shard%d", i)
		sh, err := Launch(ctx, name, opts)
		if err != nil {
			set.Close()
			return nil, err
		}
		set.Shards = append(set.Shards, sh)
		set.Servers = append(set.Servers, name)
	}
	if err := set.Coordinator.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS postgres_fdw"); err != nil {
		set.Close()
		return nil, fmt.Errorf("shards: %w", err)
	}
	for i, sh := range set.Shards {
		// Server and mapping options are literals in DDL (no parameters
		// there); every value is ours: a number, a fixed name, or the
		// password, quoted as a literal.
		stmt := fmt.Sprintf(`CREATE SERVER %s FOREIGN DATA WRAPPER postgres_fdw
			OPTIONS (host '%s', port '%d', dbname 'postgres', connect_timeout '3', async_capable 'true', fetch_size '1000')`,
			set.Servers[i], Host, sh.Port)
		if err := set.Coordinator.Exec(ctx, stmt); err != nil {
			set.Close()
			return nil, fmt.Errorf("shards: %w", err)
		}
		mapping := fmt.Sprintf("CREATE USER MAPPING FOR PUBLIC SERVER %s OPTIONS (user 'postgres'", set.Servers[i])
		if opts.Password != "" {
			mapping += ", password " + QuoteLiteral(opts.Password)
		}
		if err := set.Coordinator.Exec(ctx, mapping+")"); err != nil {
			set.Close()
			return nil, fmt.Errorf("shards: %w", err)
		}
	}
	return set, nil
}

// QuoteLiteral quotes s as an SQL string literal, for DDL that takes no
// parameters (standard_conforming_strings is on, so only ' doubles).
func QuoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
