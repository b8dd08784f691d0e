package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
	"fangtan/index"
	"fangtan/web"
)

// loadSettings: a short run in make test; FANGTAN_LOADTEST=30s (make
// loadtest) runs the full one with 16 clients. FANGTAN_LOAD_CLIENTS
// overrides the number of clients (8 to 32).
func loadSettings(t *testing.T) (time.Duration, int) {
	d, clients := 3*time.Second, 8
	if v := os.Getenv("FANGTAN_LOADTEST"); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil || d <= 0 || d > 10*time.Minute {
			t.Fatalf("FANGTAN_LOADTEST=%q: want a duration up to 10m", v)
		}
		clients = 16
	}
	if v := os.Getenv("FANGTAN_LOAD_CLIENTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 32 {
			t.Fatalf("FANGTAN_LOAD_CLIENTS=%q: want 1 to 32", v)
		}
		clients = n
	}
	return d, clients
}

// loadDoc is a generated article; its words appear in the query mix.
func loadDoc(i int) fangtan.Document {
	paras := []string{
		fmt.Sprintf("太原市小店区第%d次推进会召开，区委书记刘振华强调要坚持转型发展。", i),
		fmt.Sprintf("刘振华说：“要把为老百姓办实事作为检验政绩的重要标准。”全区经济总量达%d亿元。", 1000+i),
		"会议指出，要持续优化营商环境，推动乡村振兴，做好生态环境保护。",
	}
	text := paras[0] + "\n" + paras[1] + "\n" + paras[2]
	return fangtan.Document{
		ID: fmt.Sprintf("load-%d", i), File: fmt.Sprintf("load-%d.txt", i), Title: fmt.Sprintf("小店区第%d次推进会", i),
		Date: fmt.Sprintf("20%02d-%02d-%02d", 15+i%8, 1+i%12, 1+i%28), Source: []string{"光明日报", "山西日报", "新华网"}[i%3],
		Officials: []fangtan.Official{{Name: "刘振华", Title: "小店区委书记", Subject: i%2 == 0}},
		Places:    fangtan.Places{Provinces: []string{"山西省"}, Cities: []string{"太原市"}, Districts: []string{"小店区"}},
		Themes:    []string{"转型发展"}, Keywords: []string{"小店区"},
		Quotes:     []fangtan.Quote{{Text: "要把为老百姓办实事作为检验政绩的重要标准。", Speaker: "刘振华", SpeakerTitle: "小店区委书记", Paragraph: 1}},
		Paragraphs: paras, Text: text,
	}
}

// loadIndex builds the sample corpus plus n generated articles and opens
// the index for writing, so the test can add documents while it serves.
func loadIndex(t *testing.T, n int) *index.Index {
	t.Helper()
	seg, err := analyzer.Default()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.NewExtractor(seg)
	if err != nil {
		t.Fatal(err)
	}
	src := func(ctx context.Context, emit func(fangtan.Document) error) error {
		if _, err := corpus.Load(ctx, corpus.Options{Extractor: ex}, nil, emit); err != nil {
			return err
		}
		for i := range n {
			if err := emit(loadDoc(i)); err != nil {
				return err
			}
		}
		return nil
	}
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := index.Build(context.Background(), path, src, index.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	idx, err := index.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx
}

// loadMix is the query mix: the pages, the API, filters, sorting, quotes,
// suggestions, documents, and queries that must answer 400.
var loadMix = []struct {
	path   string
	status int
}{
	{"/api/search?q=" + url.QueryEscape("刘振华"), 200},
	{"/api/search?q=" + url.QueryEscape(`"办实事"`), 200},
	{"/api/search?q=" + url.QueryEscape("转型发展 小店区") + "&sort=date", 200},
	{"/api/search?q=" + url.QueryEscape("书记 -疫情") + "&city=" + url.QueryEscape("太原市"), 200},
	{"/api/search?q=" + url.QueryEscape("营商环境 OR 乡村振兴") + "&from=20&size=20", 200},
	{"/api/search?q=" + url.QueryEscape("date:2018..2020 official:刘振华"), 200},
	{"/search?q=" + url.QueryEscape("办实事"), 200},
	{"/search?q=" + url.QueryEscape("生态环境保护") + "&year=2019", 200},
	{"/quotes?q=" + url.QueryEscape("老百姓"), 200},
	{"/api/quotes?q=" + url.QueryEscape("政绩") + "&speaker=" + url.QueryEscape("刘振华"), 200},
	{"/api/suggest?prefix=" + url.QueryEscape("刘"), 200},
	{"/api/suggest?prefix=liu", 200},
	{"/doc/load-7?q=" + url.QueryEscape("刘振华"), 200},
	{"/api/doc/load-3", 200},
	{"/export.csv?q=" + url.QueryEscape("推进会") + "&year=2016", 200},
	{"/help", 200},
	{"/static/style.css", 200},
	{"/api/search?q=" + url.QueryEscape(`"unbalanced`), 400},
	{"/api/search?q=x&from=9995&size=10", 400},
	{"/doc/no-such-document", 404},
}

// TestLoad runs concurrent clients over the query mix against a loopback
// server while documents are added to the index, and checks that every
// request is answered as expected (no transport error, no 5xx), that no
// goroutine is left behind, and that the heap does not grow after warm-up
// beyond what the added documents explain. Run it with -race.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	duration, clients := loadSettings(t)
	const initialDocs = 400
	// Goroutines are counted before the index opens and after it closes:
	// bleve's merger and persister belong to an open index.
	goroutinesBefore := runtime.NumGoroutine()
	idx := loadIndex(t, initialDocs)

	h := web.New(idx, web.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), SearchTimeout: 5 * time.Second})
	srv := httptest.NewServer(h) // 127.0.0.1 only
	// Each client connects from its own loopback address (127.0.0.2, …),
	// as distinct users would: the server limits searches per client IP.
	var transports []*http.Transport
	clientFor := func(c int) *http.Client {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, byte(c/250), byte(2+c%250))}}
		tr := &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 1}
		transports = append(transports, tr)
		return &http.Client{Transport: tr, Timeout: 30 * time.Second}
	}

	var (
		stop      atomic.Bool
		requests  atomic.Int64
		failures  atomic.Int64
		firstFail atomic.Value
		latMu     sync.Mutex
		latencies []time.Duration
		wg        sync.WaitGroup
	)
	fail := func(msg string) {
		failures.Add(1)
		firstFail.CompareAndSwap(nil, msg)
	}
	for c := range clients {
		client := clientFor(c)
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			defer func() {
				latMu.Lock()
				latencies = append(latencies, mine...)
				latMu.Unlock()
			}()
			// Bounded in count as well as in time.
			for i := c; i < 10_000_000 && !stop.Load(); i++ {
				m := loadMix[i%len(loadMix)]
				start := time.Now()
				resp, err := client.Get(srv.URL + m.path)
				if err != nil {
					fail(fmt.Sprintf("GET %s: %v", m.path, err))
					continue
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mine = append(mine, time.Since(start))
				requests.Add(1)
				switch {
				case err != nil:
					fail(fmt.Sprintf("GET %s: reading: %v", m.path, err))
				case resp.StatusCode != m.status:
					fail(fmt.Sprintf("GET %s: status %d, want %d", m.path, resp.StatusCode, m.status))
				}
			}
		}()
	}

	// Documents are added while the clients run: a few every 100 ms.
	var added atomic.Int64
	addDone := make(chan error, 1)
	go func() {
		next := initialDocs
		for round := 0; round < 6000 && !stop.Load(); round++ {
			docs := make([]fangtan.Document, 5)
			for i := range docs {
				docs[i] = loadDoc(next)
				next++
			}
			if _, err := idx.Add(context.Background(), docs, index.BuildOptions{}); err != nil {
				addDone <- err
				return
			}
			added.Add(int64(len(docs)))
			time.Sleep(100 * time.Millisecond)
		}
		addDone <- nil
	}()

	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	warmup := duration / 5
	time.Sleep(warmup)
	heapWarm := heap()
	time.Sleep(duration - warmup)
	stop.Store(true)
	wg.Wait()
	if err := <-addDone; err != nil {
		t.Errorf("adding documents under load: %v", err)
	}
	heapEnd := heap()

	srv.Close()
	for _, tr := range transports {
		tr.CloseIdleConnections()
	}
	if err := idx.Close(); err != nil {
		t.Errorf("closing the index: %v", err)
	}
	goroutinesAfter := runtime.NumGoroutine()
	for deadline := time.Now().Add(10 * time.Second); goroutinesAfter > goroutinesBefore && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		goroutinesAfter = runtime.NumGoroutine()
	}

	n := requests.Load()
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}
	t.Logf("%d clients for %v: %d requests (%.0f req/s), p50 %v, p99 %v, max %v; %d documents added under load",
		clients, duration, n, float64(n)/duration.Seconds(), pct(0.50).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond),
		pct(1).Round(10*time.Microsecond), added.Load())
	t.Logf("heap after warm-up %.1f MB, at the end %.1f MB; goroutines before %d, after %d",
		float64(heapWarm)/1e6, float64(heapEnd)/1e6, goroutinesBefore, goroutinesAfter)

	if f := failures.Load(); f > 0 {
		t.Errorf("%d of %d requests failed; first: %v", f, n, firstFail.Load())
	}
	if n < int64(clients) {
		t.Errorf("only %d requests in %v", n, duration)
	}
	if added.Load() == 0 {
		t.Error("no documents were added under load")
	}
	if goroutinesAfter > goroutinesBefore {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutine leak: %d before, %d after\n%s", goroutinesBefore, goroutinesAfter, buf[:runtime.Stack(buf, true)])
	}
	// The index grows with every added document, so the heap may grow
	// with it; anything beyond half again plus 64 MB is a leak.
	if limit := heapWarm + heapWarm/2 + 64<<20; heapEnd > limit {
		t.Errorf("heap grew from %.1f MB after warm-up to %.1f MB at the end (limit %.1f MB)",
			float64(heapWarm)/1e6, float64(heapEnd)/1e6, float64(limit)/1e6)
	}
}
