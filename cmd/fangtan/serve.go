package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"fangtan/analyzer"
	"fangtan/index"
	"fangtan/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	bf := addBackendFlags(fs, "index directory to serve (required with --backend bleve)")
	dir := bf.dir
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dictDir := fs.String("dict-dir", "", "directory of jieba dictionaries (default: the embedded ones); use the one the index was built with")
	watch := fs.Duration("watch", 2*time.Second, "how often to check whether the index was rebuilt (0: only on SIGHUP)")
	searchTimeout := fs.Duration("search-timeout", 10*time.Second, "longest a search may run; a slower one answers 503")
	inboxF := addInboxFlags(fs)
	authFile := fs.String("auth-file", "", "htpasswd file of users with bcrypt hashes (htpasswd -B); every request then needs one (default: no accounts)")
	tlsCert := fs.String("tls-cert", "", "PEM certificate (chain) to serve HTTPS with; needs --tls-key")
	tlsKey := fs.String("tls-key", "", "PEM private key of --tls-cert")
	accessLog := fs.String("access-log", "", "file to append a Common Log Format line per request to ('-': stderr); query strings only with --auth-file")
	allowedHosts := fs.String("allowed-hosts", "", "comma-separated host names the server answers to besides the loopback ones (default: only localhost, 127.0.0.1 and ::1 when --addr is a loopback address; any host otherwise)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan serve --index DIR [--addr HOST:PORT] [--dict-dir D] [--watch 2s] [--inbox DIR]")
		fmt.Fprintln(stderr, "       fangtan serve --backend postgres --dsn postgres://USER@HOST/DB [--addr HOST:PORT]")
		fmt.Fprintln(stderr, "Serves the search page, the JSON API and exports of the index at DIR.")
		fmt.Fprintln(stderr, "The server only reads the index. When 'fangtan index' rebuilds DIR, or on")
		fmt.Fprintln(stderr, "SIGHUP, it moves to the new index without dropping a request. SIGINT or")
		fmt.Fprintln(stderr, "SIGTERM stops it after the requests in flight have finished. With --inbox DIR")
		fmt.Fprintln(stderr, "it also adds the files dropped into DIR (write them elsewhere and rename them")
		fmt.Fprintln(stderr, "in), then moves them to DIR/done, or to DIR/failed with NAME.reason.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := bf.check(); err != nil {
		return usageError(fs, stderr, err)
	}
	if fs.NArg() > 0 {
		return usageError(fs, stderr, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	if bf.postgres() && *inboxF.dir != "" {
		// PostgreSQL takes adds from other processes while serving.
		return usageError(fs, stderr, errors.New("--inbox needs --backend bleve; with PostgreSQL, run 'fangtan add --backend postgres' while serve runs"))
	}

	logger := slog.New(slog.NewTextHandler(stderr, nil))
	// The inbox extracts documents, which needs the full segmenter: it is
	// configured before the query-only one, which it then also serves.
	var inb *inbox
	if *inboxF.dir != "" {
		var err error
		if inb, err = newInbox(inboxF, *dictDir, *dir, logger); err != nil {
			return err
		}
	}
	// Load the dictionaries before listening: a bad --dict-dir fails now,
	// and the first query does not pay for the load. The server only
	// segments queries, so jieba loads without its keyword tables.
	if err := analyzer.ConfigureForQueries(*dictDir); err != nil {
		return err
	}
	if _, err := analyzer.Default(); err != nil {
		return fmt.Errorf("open dictionaries: %w", err)
	}
	// Every option that can be wrong is checked before the index opens.
	var users map[string][]byte
	if *authFile != "" {
		var err error
		if users, err = web.LoadHtpasswd(*authFile); err != nil {
			return err
		}
	}
	var tlsConfig *tls.Config
	if (*tlsCert == "") != (*tlsKey == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	if *tlsCert != "" {
		pair, err := tls.LoadX509KeyPair(*tlsCert, *tlsKey)
		if err != nil {
			return fmt.Errorf("TLS certificate %s and key %s: %w", *tlsCert, *tlsKey, err)
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
	}
	var logOut io.Writer
	switch *accessLog {
	case "":
	case "-":
		logOut = stderr
	default:
		f, err := os.OpenFile(*accessLog, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o640)
		if err != nil {
			return fmt.Errorf("access log: %w", err)
		}
		defer f.Close()
		logOut = f
	}
	if bf.postgres() {
		// No reloader: PostgreSQL serves a rebuild's switch and every add
		// as soon as they commit.
		db, err := bf.searcher(ctx)
		if err != nil {
			return err
		}
		defer db.Close()
		ov, err := db.Overview(ctx)
		if err != nil {
			return err
		}
		ln, scheme, err := listen(*addr, tlsConfig)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "fangtan: serving %s (%d articles, %d quotes) at %s://%s/\n", oneLine(fmt.Sprint(db)), ov.Articles, ov.Quotes, scheme, ln.Addr())
		if err := web.Serve(ctx, ln, web.New(db, web.Options{
			Logger: logger, SearchTimeout: *searchTimeout, AllowedHosts: hostAllowList(*addr, *allowedHosts), Users: users, AccessLog: logOut,
		}), logger); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "fangtan: stopped")
		return nil
	}
	var (
		idx  *index.Index
		seen indexStamp
		err  error
	)
	if inb != nil {
		var opened os.FileInfo
		if idx, opened, err = openLive(*dir); err != nil {
			return err
		}
		seen = indexStamp{dir: opened}
		inb.live = &liveIndex{path: filepath.Clean(*dir), idx: idx, opened: opened}
	} else if idx, seen, err = openForServing(*dir); err != nil {
		return err
	}
	articles, quotes, err := idx.Count(ctx)
	if err != nil {
		idx.Close()
		return err
	}
	searcher := web.NewSwappable(idx, idx)
	ln, scheme, err := listen(*addr, tlsConfig)
	if err != nil {
		searcher.Close()
		return err
	}
	hosts := hostAllowList(*addr, *allowedHosts)

	r := &reloader{dir: *dir, searcher: searcher, log: logger, seen: seen}
	if inb != nil {
		r.live = inb.live
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	rctx, stopReloading := context.WithCancel(ctx)
	reloaderDone := make(chan struct{})
	go func() {
		defer close(reloaderDone)
		r.run(rctx, hup, *watch)
	}()
	inboxDone := startInbox(rctx, inb)
	// The reloader and the inbox stop before the index closes, so that
	// neither swaps in a new index nor adds behind the final Close.
	defer func() {
		stopReloading()
		<-reloaderDone
		<-inboxDone
		signal.Stop(hup)
		searcher.Close()
	}()

	fmt.Fprintf(stdout, "fangtan: serving %s (%d articles, %d quotes) at %s://%s/\n", *dir, articles, quotes, scheme, ln.Addr())
	if err := web.Serve(ctx, ln, web.New(searcher, web.Options{
		Logger: logger, SearchTimeout: *searchTimeout, AllowedHosts: hosts, Users: users, AccessLog: logOut,
	}), logger); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "fangtan: stopped")
	return nil
}

// listen listens on addr, with TLS when tlsConfig is set.
func listen(addr string, tlsConfig *tls.Config) (net.Listener, string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, "", fmt.Errorf("listen on %s: %w", addr, err)
	}
	if tlsConfig != nil {
		return tls.NewListener(ln, tlsConfig), "https", nil
	}
	return ln, "http", nil
}

// hostAllowList is the Host allow-list for a server listening on addr:
// the loopback names plus extra when addr is a loopback address or extra is
// given, and none (any host) for a server bound to a network address
// without --allowed-hosts, whose names fangtan cannot know.
func hostAllowList(addr, extra string) []string {
	var hosts []string
	for _, h := range strings.Split(extra, ",") {
		if h = strings.TrimSpace(h); h != "" {
			hosts = append(hosts, h)
		}
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	ip := net.ParseIP(host)
	loopback := host == "localhost" || (ip != nil && ip.IsLoopback())
	if !loopback && len(hosts) == 0 {
		return nil
	}
	return append(hosts, web.LoopbackHosts...)
}

// indexStamp identifies one build of an index directory: a rebuild moves a
// new directory into place, and an update rewrites the store's root.
type indexStamp struct {
	dir  os.FileInfo
	root time.Time
}

func stampOf(dir string) (indexStamp, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return indexStamp{}, err
	}
	var root time.Time
	if ri, err := os.Stat(filepath.Join(dir, "store", "root.bolt")); err == nil {
		root = ri.ModTime()
	}
	return indexStamp{dir: fi, root: root}, nil
}

func (s indexStamp) same(o indexStamp) bool {
	return s.dir != nil && o.dir != nil && os.SameFile(s.dir, o.dir) && s.root.Equal(o.root)
}

// openForServing opens dir read-only and says which build it opened.
func openForServing(dir string) (*index.Index, indexStamp, error) {
	before, err := stampOf(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, indexStamp{}, fmt.Errorf("index %s: %w", dir, err)
	}
	idx, err := index.OpenReadOnly(dir)
	if err != nil {
		return nil, indexStamp{}, err
	}
	return idx, before, nil
}

// reloader moves the server to a rebuilt index: on SIGHUP, or when it sees
// that the directory now holds a different build. A build only ever moves a
// complete index into place, so the server never sees a half-built one; an
// index that does not open is logged and the current one kept.
type reloader struct {
	dir      string
	searcher *web.Swappable
	log      *slog.Logger
	seen     indexStamp // the build being served
	live     *liveIndex // with --inbox: the index is open for writing
}

func (r *reloader) run(ctx context.Context, hup <-chan os.Signal, every time.Duration) {
	var tick <-chan time.Time
	if every > 0 {
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			r.reload("SIGHUP")
		case <-tick:
			now, err := stampOf(r.dir)
			if err != nil || now.same(r.seen) || (r.live != nil && now.sameDir(r.seen)) {
				continue // mid-swap (the directory is briefly absent) or unchanged
			}
			// Let a write settle: reload once the stamp holds still.
			time.Sleep(every / 4)
			if again, err := stampOf(r.dir); err == nil && again.same(now) {
				r.reload("the index changed on disk")
			}
		}
	}
}

func (r *reloader) reload(why string) {
	if r.live != nil {
		r.reloadLive(why)
		return
	}
	idx, stamp, err := openForServing(r.dir)
	if err != nil {
		r.log.Error("reloading the index failed; still serving the previous one", "index", r.dir, "reason", why, "err", err)
		if s, serr := stampOf(r.dir); serr == nil {
			r.seen = s // do not retry the same broken build on every tick
		}
		return
	}
	r.seen = stamp
	articles, quotes, _ := idx.Count(context.Background())
	if err := r.searcher.Swap(idx, idx); err != nil {
		r.log.Warn("closing the previous index", "err", err)
	}
	r.log.Info("now serving the reloaded index", "index", r.dir, "reason", why, "articles", articles, "quotes", quotes)
}
