package web

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "write the browser tests' screenshots to docs/ (search.png, document.png, search-phone.png, official.png, kwic.png)")

// chromiumPath finds Debian's chromium, or "" when it is not installed.
func chromiumPath() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// browser starts a headless chromium with a fresh profile and collects the
// console errors, uncaught exceptions and browser log errors (where CSP
// violations are reported) of every page it loads.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

func newBrowser(t *testing.T, timeout time.Duration) *browser {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("chromium is not installed (apt-get install chromium, or run .ci/run): skipping the browser test")
	}
	// A fresh profile, removed by hand once chromium has exited: t.TempDir
	// would race with chromium's last writes.
	profile, err := os.MkdirTemp("", "fangtan-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 860),
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	// This cdproto predates some events of Debian's newer chromium; the
	// events it cannot decode are ones the test does not use.
	quiet := func(format string, args ...any) {
		if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "could not unmarshal event") {
			t.Log(msg)
		}
	}
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithErrorf(quiet), chromedp.WithLogf(quiet))
	t.Cleanup(func() {
		chromedp.Cancel(bctx) // closes the browser and waits for it
		bcancel()
		acancel()
		cancel()
		os.RemoveAll(profile)
	})
	b := &browser{ctx: bctx}
	chromedp.ListenTarget(bctx, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg = "exception: " + ev.ExceptionDetails.Error()
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value))
				}
				msg = "console." + string(ev.Type) + ": " + strings.Join(parts, " ")
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.LevelError || ev.Entry.Level == cdplog.LevelWarning {
				msg = "log " + string(ev.Entry.Source) + ": " + ev.Entry.Text + " " + ev.Entry.URL
			}
		}
		if msg != "" {
			b.mu.Lock()
			b.problems = append(b.problems, msg)
			b.mu.Unlock()
		}
	})
	if err := chromedp.Run(bctx); err != nil {
		t.Fatalf("starting chromium at %s: %v", path, err)
	}
	return b
}

func (b *browser) run(t *testing.T, step string, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

func (b *browser) takeProblems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

func saveScreenshot(t *testing.T, name string, png []byte) {
	t.Helper()
	dir := filepath.Join("..", "docs", "screenshots", "tmp")
	if *updateScreenshots {
		dir = filepath.Join("..", "docs")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%d bytes)", path, len(png))
}

func totalOf(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("result count %q is not a number", s)
	}
	return n
}

// TestBrowser drives a real chromium through the site served over a real
// index: suggestions, a search, a facet click, highlighting, a document,
// and a hostile document whose markup must stay text.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := newBrowser(t, 90*time.Second)
	searcher, fx := browserSearcher(t)
	site := New(searcher, Options{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/csp-probe" {
			// A page of the kind an injection would make: the CSP must stop
			// its inline script, and the test must hear about it.
			w.Header().Set("Content-Security-Policy", contentSecurityPolicy)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!DOCTYPE html><title>probe</title><p id="probe">probe</p><script>window.__probe = 1</script>`)
			return
		}
		site.ServeHTTP(w, r)
	}))
	defer ts.Close()

	var probe string
	b.run(t, "CSP probe",
		chromedp.Navigate(ts.URL+"/csp-probe"),
		chromedp.WaitVisible("#probe", chromedp.ByID),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Evaluate(`typeof window.__probe`, &probe),
	)
	if probe != "undefined" {
		t.Errorf("the Content-Security-Policy let an inline script run")
	}
	if p := b.takeProblems(); !strings.Contains(strings.Join(p, "\n"), "Content Security Policy") {
		t.Errorf("the blocked inline script was not reported; the CSP check below could not fail. Reports: %q", p)
	}

	// Suggestions come from /api/suggest through our one script: proof that
	// the CSP lets our own asset run.
	var options []string
	b.run(t, "suggestions",
		chromedp.Navigate(ts.URL+"/search"),
		chromedp.WaitVisible("#q", chromedp.ByID),
		chromedp.SendKeys("#q", fx.suggestPrefix, chromedp.ByID),
		chromedp.Poll(`document.querySelectorAll('#q-suggestions option').length > 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#q-suggestions option')).map(o => o.value)`, &options),
	)
	if !contains(options, fx.suggestWant) {
		t.Errorf("suggestions for %q = %q, want %q among them", fx.suggestPrefix, options, fx.suggestWant)
	}

	// Type a query and submit the form.
	var before string
	var marks int
	b.run(t, "search",
		chromedp.Evaluate(`document.getElementById('q').value = ''`, nil),
		chromedp.SendKeys("#q", fx.query, chromedp.ByID),
		chromedp.Submit("#q", chromedp.ByID),
		chromedp.WaitVisible("#result-count", chromedp.ByID),
		chromedp.AttributeValue("#result-count", "data-total", &before, nil, chromedp.ByID),
		chromedp.Evaluate(`document.querySelectorAll('.hit .fragment mark').length`, &marks),
	)
	total := totalOf(t, before)
	if total < 2 {
		t.Fatalf("query %q found %d articles; the test needs at least 2 to see a facet narrow them", fx.query, total)
	}
	if marks == 0 {
		t.Errorf("no <mark> in the fragments of %q", fx.query)
	}

	// Click a facet value that narrows the results.
	var facets []*cdp.Node
	b.run(t, "facets", chromedp.Nodes(`a.facet-value`, &facets, chromedp.ByQueryAll))
	var target *cdp.Node
	var want int
	for _, n := range facets {
		var count string
		if err := chromedp.Run(b.ctx, chromedp.Text(`.count`, &count, chromedp.ByQuery, chromedp.FromNode(n))); err != nil {
			continue
		}
		if c, err := strconv.Atoi(strings.TrimSpace(count)); err == nil && c > 0 && c < total {
			target, want = n, c
			break
		}
	}
	if target == nil {
		t.Fatalf("no facet value narrows the %d results of %q", total, fx.query)
	}
	var after, chip string
	var searchPNG []byte
	b.run(t, "click facet",
		chromedp.MouseClickNode(target),
		chromedp.WaitVisible(".chip", chromedp.ByQuery),
		chromedp.AttributeValue("#result-count", "data-total", &after, nil, chromedp.ByID),
		chromedp.Text(".chip", &chip, chromedp.ByQuery),
		chromedp.CaptureScreenshot(&searchPNG),
	)
	if got := totalOf(t, after); got != want || got == total {
		t.Errorf("after clicking a facet counted %d, the results number %d (before %d)", want, got, total)
	}
	saveScreenshot(t, "search.png", searchPNG)

	// Open the first hit: the text keeps the query's matches marked.
	var title string
	var docMarks int
	b.run(t, "open document",
		chromedp.Click(`.hit:has(time) h3 a`, chromedp.ByQuery), // a dated article, for a complete citation
		chromedp.WaitVisible(`#doc-title`, chromedp.ByID),
		chromedp.Text(`#doc-title`, &title, chromedp.ByID),
		chromedp.Evaluate(`document.querySelectorAll('.text mark').length`, &docMarks),
	)
	if title == "" || docMarks == 0 {
		t.Errorf("document page: title %q, %d marks", title, docMarks)
	}
	// TestBrowserDesk takes document.png and search-phone.png.

	// A document whose text holds <script> and <img onerror>: it must show
	// as text, and nothing in it may run.
	var xss string
	var shown string
	var injected int
	b.run(t, "hostile document",
		chromedp.Navigate(ts.URL+"/doc/"+fx.hostileID+"?q="+url.QueryEscape(fx.hostileQuery)),
		chromedp.WaitVisible(`#doc-title`, chromedp.ByID),
		chromedp.Sleep(300*time.Millisecond), // give an onerror handler time to fire
		chromedp.Evaluate(`typeof window.__xss`, &xss),
		chromedp.Text(`.text`, &shown, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('main script, main img, main svg, main iframe, [onerror], [onload]').length`, &injected),
	)
	if xss != "undefined" {
		t.Errorf("script from the hostile document ran: window.__xss is %s", xss)
	}
	if injected != 0 {
		t.Errorf("the hostile document injected %d elements", injected)
	}
	for _, s := range []string{"<script>", "onerror="} {
		if !strings.Contains(shown, s) {
			t.Errorf("the hostile document's text should show %q as text; shows %q", s, shown)
		}
	}
	// Nothing of ours was blocked by the CSP and nothing threw.
	if p := b.takeProblems(); len(p) > 0 {
		t.Errorf("browser reported problems:\n%s", strings.Join(p, "\n"))
	}

	// The phone layout: nothing overflows (TestBrowserDesk checks the
	// filter panel).
	var overflow bool
	b.run(t, "phone layout",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/search?q="+url.QueryEscape(fx.query)),
		chromedp.WaitVisible("#result-count", chromedp.ByID),
		chromedp.Evaluate(`document.documentElement.scrollWidth > window.innerWidth + 1`, &overflow),
	)
	if overflow {
		t.Errorf("the search page is wider than a phone screen")
	}
	if p := b.takeProblems(); len(p) > 0 {
		t.Errorf("browser reported problems:\n%s", strings.Join(p, "\n"))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// browserFixture is what the browser test needs to know of its index.
type browserFixture struct {
	suggestPrefix, suggestWant string
	query                      string
	hostileID, hostileQuery    string
}
