// Package web serves a fangtan.Searcher over HTTP: the HTML search, document,
// quote and help pages, a JSON API that returns the same shapes as the CLI's
// --json output, and CSV/JSON export of a whole filtered result set.
//
// Templates and assets are embedded, so the binary is the whole app and no
// page needs a CDN. The handler only reads: no route changes the index.
// Every response carries a strict Content-Security-Policy; the only HTML that
// is not escaped by html/template is the Searcher's highlighted text, and
// even that is re-sanitized to allow nothing but <mark>.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"fangtan"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options tune a handler. The zero value is usable: every field has a default.
type Options struct {
	// Logger receives the errors users only see as "internal error".
	// Nil logs to slog.Default().
	Logger *slog.Logger
	// SearchTimeout bounds one call to the Searcher, so that a pathological
	// query answers 503 instead of holding a worker. Default 10s.
	SearchTimeout time.Duration
	// ExportTimeout bounds a whole export, which pages through the Searcher
	// many times. Default 60s.
	ExportTimeout time.Duration
	// ExportLimit caps the rows of one export. Default 10,000.
	ExportLimit int
	// MaxQueryRunes caps the length of q (and of prefix). Default 500.
	MaxQueryRunes int
	// PageSize is the number of hits on a page when size is not given. Default 10.
	PageSize int
	// MaxConcurrent caps the searches running at once; a request waits for a
	// slot until its deadline and then answers 503. Default 4×GOMAXPROCS.
	MaxConcurrent int
	// AllowedHosts are the host names (without port) a request's Host
	// header may name; any other answers 403. Empty allows every host.
	// A server bound to loopback should allow only the loopback names
	// (LoopbackHosts): a page on another site can point its own DNS name at
	// 127.0.0.1 (DNS rebinding) and then read the index through the
	// user's browser, and the Host header is what tells it apart.
	AllowedHosts []string
	// PerClient caps the searches one client (one remote IP address) may
	// have running at once, and PerClientQueued those it may have waiting
	// for a slot besides; a request beyond both answers 429 at once rather
	// than take a place in the queue every other client waits in. Defaults:
	// half the cores (at least 1), so that one client's costly searches
	// leave CPU to the others (with 4 running of 8 on 2 cores, a flood of
	// one client kept another's p99 at 750 ms), and 4.
	PerClient       int
	PerClientQueued int
	// Users, if set, are the only ones served: name → bcrypt hash (see
	// LoadHtpasswd); every other request answers 401.
	Users map[string][]byte
	// AccessLog, if set, receives a line per request in the Common Log
	// Format. Query strings are logged only with Users: without accounts,
	// what anonymous readers search for stays their own.
	AccessLog io.Writer
}

// LoopbackHosts are the names a browser sends for a server on loopback.
var LoopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

// errHostNotAllowed marks a request for a host not in Options.AllowedHosts.
var errHostNotAllowed = errors.New("host not allowed")

// Limits on parameters, shared by the pages, the API and the export.
const (
	maxSize        = 100    // largest page size a client may ask for
	maxQueryTerms  = 32     // space-separated terms in q
	maxWindow      = 10_000 // from+size cap: deep paging is expensive in bleve
	maxFilterVals  = 20     // values of one filter parameter
	maxFilterRunes = 100    // length of one filter value
	maxIDBytes     = 512    // length of a document id
	maxSuggest     = 50     // largest suggestion limit
	defaultSuggest = 8
	exportPageSize = 100
	maxFacetValues = 1000 // a facet's values with more=NAME
	shownFacets    = 50   // a facet's values otherwise
)

func (o Options) withDefaults() Options {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.SearchTimeout <= 0 {
		o.SearchTimeout = 10 * time.Second
	}
	if o.ExportTimeout <= 0 {
		o.ExportTimeout = 60 * time.Second
	}
	if o.ExportLimit <= 0 {
		o.ExportLimit = 10_000
	}
	if o.MaxQueryRunes <= 0 {
		o.MaxQueryRunes = 500
	}
	if o.PageSize <= 0 || o.PageSize > maxSize {
		o.PageSize = 10
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 4 * runtime.GOMAXPROCS(0)
	}
	if o.PerClient <= 0 {
		o.PerClient = max(1, min(o.MaxConcurrent, runtime.GOMAXPROCS(0)/2))
	}
	if o.PerClientQueued <= 0 {
		o.PerClientQueued = 4
	}
	return o
}

// server holds what the handlers share.
type server struct {
	s     fangtan.Searcher
	opts  Options
	log   *slog.Logger
	pages map[string]*template.Template
	slots chan struct{}

	clientsMu sync.Mutex
	clients   map[string]*clientSlots // by remote IP; gone when idle
}

// clientSlots are one client's searches: its own semaphore of PerClient
// running, and how many of its requests hold or wait for a place.
type clientSlots struct {
	running chan struct{}
	holders int
}

// clientKey is the context key of the client's address, set by clientOf.
type clientKey struct{}

// errTooManyRequests marks a client over its share of the search slots.
var errTooManyRequests = errors.New("too many searches from this client at once")

// New returns the handler for the whole site around s.
func New(s fangtan.Searcher, opts Options) http.Handler {
	opts = opts.withDefaults()
	srv := &server{
		s:       s,
		opts:    opts,
		log:     opts.Logger,
		pages:   parseTemplates(),
		slots:   make(chan struct{}, opts.MaxConcurrent),
		clients: make(map[string]*clientSlots),
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embed directive guarantees the directory
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", srv.page(srv.handleSearch))
	mux.HandleFunc("GET /search", srv.page(srv.handleSearch))
	mux.HandleFunc("GET /doc/{id}", srv.page(srv.handleDoc))
	mux.HandleFunc("GET /quotes", srv.page(srv.handleQuotes))
	mux.HandleFunc("GET /kwic", srv.page(srv.handleKWIC))
	mux.HandleFunc("GET /official/{name}", srv.page(srv.handleOfficial))
	mux.HandleFunc("GET /help", srv.page(srv.handleHelp))
	mux.HandleFunc("GET /api/search", srv.api(srv.handleAPISearch))
	mux.HandleFunc("GET /api/quotes", srv.api(srv.handleAPIQuotes))
	mux.HandleFunc("GET /api/doc/{id}", srv.api(srv.handleAPIDoc))
	mux.HandleFunc("GET /api/suggest", srv.api(srv.handleAPISuggest))
	mux.HandleFunc("GET /api/kwic", srv.api(srv.handleAPIKWIC))
	mux.HandleFunc("GET /api/official/{name}", srv.api(srv.handleAPIOfficial))
	mux.HandleFunc("GET /api/overview", srv.api(srv.handleAPIOverview))
	mux.HandleFunc("GET /api/", srv.api(srv.handleAPINotFound))
	mux.HandleFunc("GET /export.csv", srv.api(srv.handleExportCSV))
	mux.HandleFunc("GET /export.json", srv.api(srv.handleExportJSON))
	mux.HandleFunc("GET /quotes.csv", srv.api(srv.handleQuotesCSV))
	mux.HandleFunc("GET /quotes.json", srv.api(srv.handleQuotesJSON))
	mux.HandleFunc("GET /kwic.csv", srv.api(srv.handleKWICCSV))
	mux.HandleFunc("GET /feed.atom", srv.api(srv.handleFeed))
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler(static)))
	mux.HandleFunc("/", srv.handleNotFound)
	return srv.accessLog(srv.secure(srv.recoverPanics(srv.checkHost(srv.requireAuth(clientOf(mux))))))
}

// clientOf records the client's IP address in the request's context, for
// the per-client limits. Behind a reverse proxy every request comes from
// the proxy, which then needs its own per-client limit (docs/deploy.md).
func clientOf(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientKey{}, host)))
	})
}

// checkHost refuses requests whose Host is not allowed (see
// Options.AllowedHosts), before any route runs.
func (srv *server) checkHost(next http.Handler) http.Handler {
	if len(srv.opts.AllowedHosts) == 0 {
		return next
	}
	allowed := make(map[string]bool)
	for _, h := range srv.opts.AllowedHosts {
		allowed[normalHost(h)] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if !allowed[normalHost(host)] {
			err := fmt.Errorf("%w: this server does not answer to %q; start fangtan serve with --allowed-hosts %s to allow it", errHostNotAllowed, host, host)
			if strings.HasPrefix(r.URL.Path, "/api/") {
				srv.failJSON(w, r, err)
			} else {
				srv.fail(w, r, err)
			}
			return
		}
		next.ServeHTTP(w, r)
	})
}

// normalHost lower-cases a host name and drops a trailing dot and IPv6
// brackets, so that LOCALHOST., localhost and [::1] compare as expected.
func normalHost(h string) string {
	h = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(h)), ".")
	return strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
}

// contentSecurityPolicy allows only our own script and style files: no inline
// script, no inline style, no plugins, no framing, forms only to ourselves.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// secure sets the security headers on every response, errors included.
func (srv *server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panic in a handler into a logged 500 with a generic
// message, so that no stack trace reaches a user.
func (srv *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				srv.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// staticHandler serves the embedded assets; they change only with the binary,
// so browsers may cache them for a while.
func staticHandler(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || r.URL.Path[len(r.URL.Path)-1] == '/' {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// acquire waits for a search slot until ctx is done: first for one of the
// client's own PerClient slots, then for one of the MaxConcurrent shared
// ones. A client with PerClient running and PerClientQueued waiting gets
// errTooManyRequests at once: 64 connections of one client used to fill
// the shared queue, and every other client's search waited behind them
// (2 ms became 2–8 s, half answered 503).
func (srv *server) acquire(ctx context.Context) (release func(), err error) {
	key, _ := ctx.Value(clientKey{}).(string)
	srv.clientsMu.Lock()
	c := srv.clients[key]
	if c == nil {
		c = &clientSlots{running: make(chan struct{}, srv.opts.PerClient)}
		srv.clients[key] = c
	}
	if n := c.holders; n >= srv.opts.PerClient+srv.opts.PerClientQueued {
		srv.clientsMu.Unlock()
		return nil, fmt.Errorf("%w: %d running or waiting; the limit is %d", errTooManyRequests, n, srv.opts.PerClient+srv.opts.PerClientQueued)
	}
	c.holders++
	srv.clientsMu.Unlock()
	leave := func() {
		srv.clientsMu.Lock()
		if c.holders--; c.holders == 0 {
			delete(srv.clients, key)
		}
		srv.clientsMu.Unlock()
	}
	select {
	case c.running <- struct{}{}:
	case <-ctx.Done():
		leave()
		return nil, fmt.Errorf("waiting for a search slot: %w: %w", fangtan.ErrUnavailable, ctx.Err())
	}
	select {
	case srv.slots <- struct{}{}:
		return func() { <-srv.slots; <-c.running; leave() }, nil
	case <-ctx.Done():
		<-c.running
		leave()
		return nil, fmt.Errorf("waiting for a search slot: %w: %w", fangtan.ErrUnavailable, ctx.Err())
	}
}

// errorStatus is the one place that maps errors to HTTP statuses and to the
// message a user may see, in l's language. Only 400 and 404 carry the
// error's own text; it says what to fix. Anything unexpected is logged and
// answered generically.
func (srv *server) errorStatus(r *http.Request, err error, l *locale) (int, string) {
	switch {
	case errors.Is(err, errTooManyRequests):
		return http.StatusTooManyRequests, err.Error() + "; wait for your other searches to finish"
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized, strings.TrimPrefix(err.Error(), errUnauthorized.Error()+": ")
	case errors.Is(err, errHostNotAllowed):
		return http.StatusForbidden, strings.TrimPrefix(err.Error(), errHostNotAllowed.Error()+": ")
	case errors.Is(err, fangtan.ErrBadQuery):
		// The page already says the query needs fixing; the sentinel's own
		// words in front of the reason add nothing.
		return http.StatusBadRequest, strings.TrimPrefix(l.message(err), fangtan.ErrBadQuery.Error()+": ")
	case errors.Is(err, fangtan.ErrNotFound):
		return http.StatusNotFound, l.message(err)
	case errors.Is(r.Context().Err(), context.Canceled):
		// The client went away (net/http cancels the request's context),
		// whatever the search was doing: not an overload, and nobody reads
		// this answer. Checked first, since a search cut short by it also
		// says ErrUnavailable.
		srv.log.Info("client disconnected", "path", r.URL.Path, "err", err)
		return http.StatusServiceUnavailable, "request canceled"
	case errors.Is(err, fangtan.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		srv.log.Warn("search unavailable", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		// A backend that knows which of its parts failed (a shard) says so:
		// the part's name holds no secret (fangtan.UnavailableError).
		var ue *fangtan.UnavailableError
		if errors.As(err, &ue) && ue.Part != "" {
			return http.StatusServiceUnavailable, l.F("error.unavailablepart", ue.Part)
		}
		return http.StatusServiceUnavailable, l.T("error.unavailable")
	default:
		srv.log.Error("internal error", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		return http.StatusInternalServerError, l.T("error.internal")
	}
}
