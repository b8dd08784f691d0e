package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestBrowserDesk drives chromium through the research desk on the sample
// index: a timeline bar, the KWIC sort, an official's page, the quote
// export, the copy button, back to the results with the filters kept, and
// the phone's filter panel.
func TestBrowserDesk(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := newBrowser(t, 120*time.Second)
	ts := httptest.NewServer(New(sampleIndex(t), Options{}))
	defer ts.Close()
	const query = "党史"

	// The timeline: clicking a bar shows that period, as many as it counted.
	var period, count, total string
	b.run(t, "timeline",
		chromedp.Navigate(ts.URL+"/search?q="+url.QueryEscape(query)),
		chromedp.WaitVisible(".histogram", chromedp.ByQuery),
		chromedp.AttributeValue("a.bar", "data-period", &period, nil, chromedp.ByQuery),
		chromedp.AttributeValue("a.bar", "data-count", &count, nil, chromedp.ByQuery),
		chromedp.Click("a.bar", chromedp.ByQuery),
		chromedp.WaitVisible(".chip", chromedp.ByQuery),
		chromedp.AttributeValue("#result-count", "data-total", &total, nil, chromedp.ByID),
	)
	if period == "" || count != total {
		t.Errorf("bar %s counted %s; its period shows %s results", period, count, total)
	}
	var from string
	b.run(t, "date inputs", chromedp.Value(`input[name="date_from"]`, &from, chromedp.ByQuery))
	if from != period {
		t.Errorf("the date input holds %q after clicking %s", from, period)
	}

	// Back to the results keeps the filters, the sort and the page: click a
	// facet, sort oldest first, open a hit, go back.
	var before, after string
	b.run(t, "facet, sort, open, back",
		chromedp.Navigate(ts.URL+"/search?q="+url.QueryEscape(query)),
		chromedp.WaitVisible("a.facet-value", chromedp.ByQuery),
		chromedp.Click(`a.facet-value[data-facet="official"]`, chromedp.ByQuery),
		chromedp.WaitVisible(".chip", chromedp.ByQuery),
		chromedp.Click(`.sort a.sort-link`, chromedp.ByQuery),
		chromedp.WaitVisible(".hit h3 a", chromedp.ByQuery),
		chromedp.Evaluate(`location.search`, &before),
		chromedp.Click(".hit h3 a", chromedp.ByQuery),
		chromedp.WaitVisible("#doc-title", chromedp.ByID),
		chromedp.Click(".back a", chromedp.ByQuery),
		chromedp.WaitVisible("#result-count", chromedp.ByID),
		chromedp.Evaluate(`location.search`, &after),
	)
	if !sameParams(before, after) || !strings.Contains(before, "official=") || !strings.Contains(before, "sort=") {
		t.Errorf("back to the results: was %s, came back to %s", before, after)
	}

	// The copy button copies the GB/T 7714 citation.
	b.run(t, "grant clipboard", chromedp.ActionFunc(func(ctx context.Context) error {
		return cdpbrowser.GrantPermissions([]cdpbrowser.PermissionType{cdpbrowser.PermissionTypeClipboardReadWrite, cdpbrowser.PermissionTypeClipboardSanitizedWrite}).WithOrigin(ts.URL).Do(ctx)
	}))
	var cite, copied, done string
	var docPNG []byte
	b.run(t, "copy citation",
		chromedp.Navigate(ts.URL+"/search?q="+url.QueryEscape(query)),
		chromedp.Click(`.hit:has(time) h3 a`, chromedp.ByQuery),
		chromedp.WaitVisible(`button[data-copy="cite-gbt"]`, chromedp.ByQuery),
		chromedp.Text("#cite-gbt", &cite, chromedp.ByID),
		chromedp.Click(`button[data-copy="cite-gbt"]`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('button[data-copy="cite-gbt"]').getAttribute('data-done')`, &done, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Evaluate(`navigator.clipboard.readText()`, &copied, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
		chromedp.CaptureScreenshot(&docPNG),
	)
	if cite == "" || strings.TrimSpace(copied) != strings.TrimSpace(cite) || !strings.Contains(cite, "[N/OL]") {
		t.Errorf("copied %q, citation %q", copied, cite)
	}
	saveScreenshot(t, "document.png", docPNG)

	// An official's page, from an official's name on a hit.
	var name, heading string
	var posts int
	var officialPNG []byte
	b.run(t, "official page",
		chromedp.Navigate(ts.URL+"/search?q="+url.QueryEscape(query)),
		chromedp.WaitVisible(".hit a.official", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('.hit a.official').firstChild.textContent`, &name),
		chromedp.Click(".hit a.official", chromedp.ByQuery),
		chromedp.WaitVisible("#official-title", chromedp.ByID),
		chromedp.Text("#official-title", &heading, chromedp.ByID),
		chromedp.Evaluate(`document.querySelectorAll('table.posts tbody tr').length`, &posts),
		chromedp.CaptureScreenshot(&officialPNG),
	)
	if heading != name || posts == 0 {
		t.Errorf("official page for %q: heading %q, %d posts", name, heading, posts)
	}
	saveScreenshot(t, "official.png", officialPNG)

	// KWIC sorted by the left context.
	var lefts []string
	var kwicPNG []byte
	b.run(t, "kwic sort",
		chromedp.Navigate(ts.URL+"/kwic?q="+url.QueryEscape("书记")),
		chromedp.WaitVisible("table.concordance", chromedp.ByQuery),
		chromedp.Click(`//a[contains(@class,"sort-link")][contains(@href,"order=left")]`, chromedp.BySearch),
		chromedp.WaitVisible(`//strong[@aria-current="true"][contains(.,"左侧")]`, chromedp.BySearch),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('table.concordance td.left')).map(td => td.textContent)`, &lefts),
		chromedp.CaptureScreenshot(&kwicPNG),
	)
	if len(lefts) < 3 || !slices.IsSortedFunc(lefts, compareReversed) {
		t.Errorf("left contexts not sorted from the match outwards: %q", lefts)
	}
	saveScreenshot(t, "kwic.png", kwicPNG)

	// The quote export link gives a CSV with a BOM and the kind column.
	var csvText string
	b.run(t, "quote export",
		chromedp.Navigate(ts.URL+"/quotes?q="+url.QueryEscape("老百姓")),
		chromedp.WaitVisible("a.export-csv", chromedp.ByQuery),
		chromedp.Evaluate(`fetch(document.querySelector('a.export-csv').href).then(r => r.arrayBuffer()).then(b => { const u = new Uint8Array(b); return (u[0] === 0xEF && u[1] === 0xBB && u[2] === 0xBF ? "BOM" : "none") + new TextDecoder().decode(u.slice(3)); })`, &csvText, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	if !strings.HasPrefix(csvText, "BOMspeaker,post,kind,quote,") || strings.Count(csvText, "\n") < 2 {
		t.Errorf("quote export: %.200q", csvText)
	}

	// On a phone the filters are a folded panel above the results.
	var hidden, shown bool
	var buttonTop, resultsTop, facetsTop float64
	var phonePNG []byte
	b.run(t, "phone filter panel",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/search?q="+url.QueryEscape(query)),
		chromedp.WaitVisible("#result-count", chromedp.ByID),
		chromedp.Evaluate(`getComputedStyle(document.querySelector('.facets')).display === 'none'`, &hidden),
		chromedp.Evaluate(`document.querySelector('.filters-button').getBoundingClientRect().top`, &buttonTop),
		chromedp.Evaluate(`document.querySelector('.results').getBoundingClientRect().top`, &resultsTop),
		chromedp.CaptureScreenshot(&phonePNG),
		chromedp.Click(".filters-button", chromedp.ByQuery),
		chromedp.WaitVisible(".facets", chromedp.ByQuery),
		chromedp.Evaluate(`getComputedStyle(document.querySelector('.facets')).display !== 'none'`, &shown),
		chromedp.Evaluate(`document.querySelector('.facets').getBoundingClientRect().top`, &facetsTop),
		chromedp.Evaluate(`document.querySelector('.results').getBoundingClientRect().top`, &resultsTop),
	)
	if !hidden || !shown || buttonTop >= resultsTop || facetsTop >= resultsTop {
		t.Errorf("phone filters: hidden first %v, shown after a tap %v, button at %v, facets at %v, results at %v", hidden, shown, buttonTop, facetsTop, resultsTop)
	}
	saveScreenshot(t, "search-phone.png", phonePNG)
	if p := b.takeProblems(); len(p) > 0 {
		t.Errorf("browser reported problems:\n%s", strings.Join(p, "\n"))
	}
}

// sameParams compares two query strings as sets of parameters.
func sameParams(a, b string) bool {
	va, err1 := url.ParseQuery(strings.TrimPrefix(a, "?"))
	vb, err2 := url.ParseQuery(strings.TrimPrefix(b, "?"))
	if err1 != nil || err2 != nil || len(va) != len(vb) {
		return false
	}
	for k, v := range va {
		if strconv.Quote(strings.Join(v, "\x00")) != strconv.Quote(strings.Join(vb[k], "\x00")) {
			return false
		}
	}
	return true
}
