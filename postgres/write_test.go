package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fangtan"
	"fangtan/internal/conformance"
)

func doc(id, file, title, text string) fangtan.Document {
	return fangtan.Document{ID: id, File: file, Title: title, Text: text, Paragraphs: strings.Split(text, "\n"), Date: "2021-07-02"}
}

func count(t *testing.T, db *DB, q string) int {
	t.Helper()
	r, err := db.Search(context.Background(), fangtan.Query{Text: q, Size: 500})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return int(r.Total)
}

func build(t *testing.T, db *DB, docs ...fangtan.Document) {
	t.Helper()
	if _, err := db.Build(context.Background(), fangtan.DocumentsSource(docs), fangtan.BuildOptions{Workers: 2}); err != nil {
		t.Fatal(err)
	}
}

// TestRepeatedAdd: adding a document again replaces it, with its quotes;
// adding a file again replaces every article from it.
func TestRepeatedAdd(t *testing.T) {
	db := connect(t)
	ctx := context.Background()
	build(t, db, doc("base", "base.txt", "基础", "基础文章的内容"))
	a := doc("a", "a.txt", "甲文章", "甲乙丙丁的内容")
	a.Quotes = []fangtan.Quote{{Text: "甲乙丙丁说的话", Speaker: "张三", Kind: fangtan.QuoteDirect}}
	for range 3 {
		if _, err := db.Add(ctx, []fangtan.Document{a}, fangtan.BuildOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, db, `"甲乙丙丁"`); n != 1 {
		t.Errorf("after three adds of one article: %d hits", n)
	}
	q, err := db.SearchQuotes(ctx, fangtan.Query{Text: `"甲乙丙丁"`})
	if err != nil || q.Total != 1 {
		t.Fatalf("quotes after three adds: %v %v", q, err)
	}
	// The file now holds two other articles: a is replaced by them.
	b1, b2 := doc("a-1", "a.txt", "新一", "戊己庚辛"), doc("a-2", "a.txt", "新二", "戊己庚辛壬")
	if _, err := db.Add(ctx, []fangtan.Document{b1, b2}, fangtan.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{`"甲乙丙丁"`: 0, `"戊己庚辛"`: 2, "基础": 1} {
		if n := count(t, db, q); n != want {
			t.Errorf("%s: %d hits, want %d", q, n, want)
		}
	}
	if q, _ := db.SearchQuotes(ctx, fangtan.Query{Text: `"甲乙丙丁"`}); q == nil || q.Total != 0 {
		t.Errorf("the replaced article's quote is still there: %+v", q)
	}
	n, err := db.Delete(ctx, []string{"a-1", "nosuch"}, fangtan.BuildOptions{})
	if n != 1 || !errors.Is(err, fangtan.ErrNotFound) {
		t.Errorf("delete: %d, %v", n, err)
	}
	if n := count(t, db, `"戊己庚辛"`); n != 1 {
		t.Errorf("after delete: %d hits", n)
	}
}

// TestRebuildSwitch: a reader during a rebuild sees the previous index; a
// build that fails or is cancelled leaves it; a finished one replaces it.
func TestRebuildSwitch(t *testing.T) {
	db := connect(t)
	ctx := context.Background()
	build(t, db, doc("old", "old.txt", "旧的", "旧版本的文章"))
	reader, err := Open(ctx, dsn(t), Options{Schema: schemaFor(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()

	halfway := make(chan struct{})
	finish := make(chan struct{})
	src := func(ctx context.Context, emit func(fangtan.Document) error) error {
		for i := range 3000 {
			if i == 1500 {
				close(halfway)
				<-finish
			}
			if err := emit(doc(fmt.Sprintf("new-%d", i), fmt.Sprintf("new-%d.txt", i), "新的", "新版本的文章")); err != nil {
				return err
			}
		}
		return nil
	}
	done := make(chan error, 1)
	go func() {
		_, err := db.Build(ctx, src, fangtan.BuildOptions{Workers: 2, BatchSize: 200})
		done <- err
	}()
	<-halfway
	time.Sleep(200 * time.Millisecond) // let batches reach the server
	if n, m := count(t, reader, "旧版本"), count(t, reader, "新版本"); n != 1 || m != 0 {
		t.Errorf("during the rebuild: %d old, %d new", n, m)
	}
	close(finish)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n, m := count(t, reader, "旧版本"), count(t, reader, "新版本"); n != 0 || m != 3000 {
		t.Errorf("after the rebuild: %d old, %d new", n, m)
	}

	// A cancelled build and a source that fails leave the index as it was.
	cctx, cancel := context.WithCancel(ctx)
	cancelled := func(ctx context.Context, emit func(fangtan.Document) error) error {
		for i := range 2000 {
			if i == 1000 {
				cancel()
			}
			if err := emit(doc(fmt.Sprintf("x-%d", i), "x.txt", "第三", "第三版本")); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := db.Build(cctx, cancelled, fangtan.BuildOptions{BatchSize: 100}); err == nil {
		t.Error("a cancelled build succeeded")
	}
	failing := func(ctx context.Context, emit func(fangtan.Document) error) error {
		if err := emit(doc("y", "y.txt", "第四", "第四版本")); err != nil {
			return err
		}
		return errors.New("disk on fire")
	}
	if _, err := db.Build(ctx, failing, fangtan.BuildOptions{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("a failing build: %v", err)
	}
	if _, err := db.Build(ctx, fangtan.DocumentsSource(nil), fangtan.BuildOptions{}); !errors.Is(err, fangtan.ErrNoDocuments) {
		t.Errorf("an empty build: %v", err)
	}
	if n := count(t, reader, "新版本"); n != 3000 {
		t.Errorf("after the failed builds: %d", n)
	}
	var leftovers int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM pg_namespace WHERE nspname LIKE $1`, db.schema+"\\_%").Scan(&leftovers); err != nil || leftovers != 0 {
		t.Errorf("schemas left behind: %d %v", leftovers, err)
	}
}

// TestAddWhileReading: searches running while another connection adds
// see the index before or after each add, never an error or a half.
func TestAddWhileReading(t *testing.T) {
	db := connect(t)
	ctx := context.Background()
	build(t, db, doc("seed", "seed.txt", "种子", "种子文章"))
	reader, err := Open(ctx, dsn(t), Options{Schema: schemaFor(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	var stop atomic.Bool
	var wg sync.WaitGroup
	var searches atomic.Int64
	errs := make(chan error, 100)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for !stop.Load() {
				r, err := reader.Search(ctx, fangtan.Query{Text: "批次", Size: 1})
				if err != nil {
					errs <- err
					return
				}
				// Each add brings 50 articles, all at once.
				if n := int(r.Total); n%50 != 0 || n < last {
					errs <- fmt.Errorf("saw %d articles after %d", n, last)
					return
				} else {
					last = n
				}
				searches.Add(1)
			}
		}()
	}
	for b := range 10 {
		var docs []fangtan.Document
		for i := range 50 {
			docs = append(docs, doc(fmt.Sprintf("b%d-%d", b, i), fmt.Sprintf("b%d.txt", b), "批次", fmt.Sprintf("批次%d的第%d篇", b, i)))
		}
		if _, err := db.Add(ctx, docs, fangtan.BuildOptions{BatchSize: 7}); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := count(t, reader, "批次"); n != 500 {
		t.Errorf("after ten adds of 50: %d", n)
	}
	t.Logf("%d searches during the adds", searches.Load())
}

// TestLongInterview: a text of more than 200,000 characters is indexed
// as passages; phrases anywhere in it are found, across a passage's end,
// past the positions a tsvector keeps, and among bigrams repeated more
// often than a tsvector keeps positions.
func TestLongInterview(t *testing.T) {
	db := connect(t)
	seeds, err := filepath.Glob("../corpus/sample/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var b strings.Builder
	for i := 0; len([]rune(b.String())) < 200_000; i++ {
		data, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n")
	}
	text := []rune(b.String())
	// Markers: one at the start, one across the first passages' boundary
	// (at rune passageStep-3 of the letters and digits, near enough: the
	// text is nearly all letters), one past position 16,383, one at the
	// end, and one inside a run of a single bigram repeated 600 times.
	at := func(pos int, marker string) {
		text = slices.Insert(text, pos, []rune(marker)...)
	}
	at(len(text), "末尾标记词语")
	at(150_000, strings.Repeat("哈", 1200)+"哈哈笑标记")
	at(40_000, "深处标记词语")
	at(passageRunes-3, "边界标记词语")
	at(0, "开头标记词语")
	long := doc("long", "long.txt", "长篇访谈", string(text))
	build(t, db, long, doc("short", "short.txt", "短文", "短文没有标记"))
	var passages int
	if err := db.pool.QueryRow(context.Background(), db.sql(`SELECT count(*) FROM {s}.passages WHERE article_id = 'long'`)).Scan(&passages); err != nil || passages < len(normRunes(string(text)))/passageStep {
		t.Fatalf("%d passages (%v) for %d characters", passages, err, len(text))
	}
	var incomplete int
	if err := db.pool.QueryRow(context.Background(), db.sql(`SELECT count(*) FROM {s}.passages WHERE NOT complete`)).Scan(&incomplete); err != nil || incomplete == 0 {
		t.Errorf("no passage marked incomplete for a bigram repeated 1,200 times (%v)", err)
	}
	for _, q := range []string{"开头标记词语", "边界标记词语", "深处标记词语", "哈哈笑标记", "末尾标记词语", "標記詞語", "哈笑"} {
		t.Run(q, func(t *testing.T) {
			if n := count(t, db, `"`+q+`"`); n != 1 {
				t.Errorf("%q: %d hits, want the long one", q, n)
			}
			if n := count(t, db, q); n != 1 {
				t.Errorf("%s as a word: %d hits", q, n)
			}
		})
	}
	// A phrase longer than a passage's overlap is found and checked whole.
	longPhrase := string(text[1000 : 1000+2*MaxChainRunes])
	if n := count(t, db, `"`+strings.NewReplacer(`"`, "", "“", "", "”", "", "「", "", "」", "", "『", "", "』", "", "＂", "").Replace(longPhrase)+`"`); n != 1 {
		t.Errorf("a phrase of %d characters: %d hits", 2*MaxChainRunes, n)
	}
	if n := count(t, db, `"标记词语开头"`); n != 0 {
		t.Errorf("a phrase the text does not hold: %d hits", n)
	}
	v, err := db.Document(context.Background(), "long", `"末尾标记词语"`)
	if err != nil || !strings.Contains(strings.Join(v.Highlighted, ""), "<mark>末尾标记词语</mark>") {
		t.Errorf("the long document's highlight: %v", err)
	}
}

// TestQuotesWithSpeakers: a speaker filter finds exactly that speaker's
// quotes, as many as the speaker facet says; kinds likewise.
func TestQuotesWithSpeakers(t *testing.T) {
	db, _ := sampleDB(t)
	ctx := context.Background()
	all, err := db.SearchQuotes(ctx, fangtan.Query{Text: "year:2021 OR year:undated", Size: 500})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Facets["speaker"]) == 0 || len(all.Facets["kind"]) == 0 {
		t.Fatalf("no speaker or kind facets: %v", all.Facets)
	}
	for _, fc := range all.Facets["speaker"] {
		r, err := db.SearchQuotes(ctx, fangtan.Query{Text: "year:2021 OR year:undated", Speakers: []string{fc.Value}, Size: 500})
		if err != nil {
			t.Fatal(err)
		}
		if int(r.Total) != fc.Count {
			t.Errorf("speaker %s: facet %d, filter %d", fc.Value, fc.Count, r.Total)
		}
		for _, h := range r.Hits {
			if h.Speaker != fc.Value || h.DocID == "" || h.Paragraph < 1 {
				t.Errorf("speaker %s: hit %+v", fc.Value, h)
			}
		}
	}
	for _, fc := range all.Facets["kind"] {
		r, err := db.SearchQuotes(ctx, fangtan.Query{Text: "year:2021 OR year:undated", Kind: fc.Value, Size: 500})
		if err != nil || int(r.Total) != fc.Count {
			t.Errorf("kind %s: facet %d, filter %v %v", fc.Value, fc.Count, r, err)
		}
	}
	r, err := db.SearchQuotes(ctx, fangtan.Query{Text: "口碑 speaker:刘振华"})
	if err != nil || r.Total == 0 || !strings.Contains(r.Hits[0].Fragments[0], "<mark>口碑</mark>") {
		t.Errorf("口碑 speaker:刘振华: %+v %v", r, err)
	}
}

// TestDesk: the other Searcher methods on the sample.
func TestDesk(t *testing.T) {
	db, _ := sampleDB(t)
	ctx := context.Background()
	o, err := db.Overview(ctx)
	if err != nil || o.Articles == 0 || o.Quotes == 0 || o.First == "" || len(o.Sources) == 0 || len(o.Officials) == 0 {
		t.Fatalf("overview: %+v %v", o, err)
	}
	p, err := db.Official(ctx, "刘振华")
	if err != nil || p.Articles == 0 || len(p.Posts) == 0 || p.Quotes == 0 {
		t.Fatalf("official: %+v %v", p, err)
	}
	if _, err := db.Official(ctx, "无此人"); !errors.Is(err, fangtan.ErrNotFound) {
		t.Errorf("an unknown official: %v", err)
	}
	s, err := db.Suggest(ctx, "太", 5)
	if err != nil || len(s) == 0 || !strings.HasPrefix(s[0].Value, "太") {
		t.Errorf("suggest 太: %+v %v", s, err)
	}
	if s, err := db.Suggest(ctx, "lzh", 5); err != nil || !slices.ContainsFunc(s, func(s fangtan.Suggestion) bool { return s.Value == "刘振华" }) {
		t.Errorf("suggest lzh: %+v %v", s, err)
	}
	k, err := db.KWIC(ctx, fangtan.Query{Text: "转型发展"}, 10)
	if err != nil || len(k.Lines) == 0 || k.Lines[0].Match == "" {
		t.Fatalf("kwic: %+v %v", k, err)
	}
	var n int
	var total uint64
	if err := db.Export(ctx, fangtan.Query{Text: "书记"}, 3, func(t uint64) error { total = t; return nil }, func(fangtan.Hit) error { n++; return nil }); err != nil || n != 3 || total < 3 {
		t.Errorf("export: %d of %d, %v", n, total, err)
	}
	v, err := db.Document(ctx, "000_05aaf4ed1f0a3e45", "口碑")
	if err != nil || len(v.Quotes) == 0 || len(v.Highlighted) != len(v.Paragraphs) {
		t.Errorf("document: %v", err)
	}
	if _, err := db.Document(ctx, "nosuch", ""); !errors.Is(err, fangtan.ErrNotFound) {
		t.Errorf("an unknown document: %v", err)
	}
}

// TestPasswordNeverShown: no error carries the DSN's password.
func TestPasswordNeverShown(t *testing.T) {
	good := dsn(t)
	u, err := url.Parse(good)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	if pw == "" {
		t.Fatal("the test cluster has no password")
	}
	wrong := strings.Replace(good, url.PathEscape(pw), "wrong"+url.PathEscape(pw), 1)
	u.Path = "/nosuchdb"
	for _, tc := range []struct{ name, dsn string }{
		{"wrong password", wrong},
		{"no database", u.String()},
		{"no index", good},
		{"unparsable", "postgres://postgres:" + pw + "@127.0.0.1:notaport/x"},
		{"key value", "host=127.0.0.1 port=1 user=postgres password='" + strings.ReplaceAll(pw, `'`, `\'`) + "' connect_timeout=2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Open(context.Background(), tc.dsn, Options{Schema: "nosuchschema"})
			if err == nil {
				t.Fatal("opened")
			}
			for _, secret := range []string{pw, url.PathEscape(pw), url.QueryEscape(pw), "wrong"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("the error shows the password: %v", err)
				}
			}
		})
	}
}

// TestDictionariesChecked: an index built with other dictionaries is
// refused when opened, naming both.
func TestDictionariesChecked(t *testing.T) {
	db := connect(t)
	build(t, db, doc("d", "d.txt", "标题", "内容"))
	if _, err := db.pool.Exec(context.Background(), db.sql(`UPDATE {s}.meta SET value = '{"id":"dict-other","dir":"/elsewhere"}' WHERE key = 'dictionaries'`)); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), dsn(t), Options{Schema: schemaFor(t)})
	if err == nil || !strings.Contains(err.Error(), "--dict-dir /elsewhere") {
		t.Errorf("opened an index of other dictionaries: %v", err)
	}
}

// TestUnstorable: a document PostgreSQL cannot hold is skipped with its
// reason; the build goes on.
func TestUnstorable(t *testing.T) {
	db := connect(t)
	bad := doc("nul", "nul.txt", "标题", "有\x00零字节")
	badUTF8 := doc("utf8", "utf8.txt", "标题", "坏的\xff编码")
	odd := doc("odd", "odd.txt", "标题", "正常内容")
	odd.Source = "来源\x1e分隔\x1f符"
	stats, err := db.Build(context.Background(), fangtan.DocumentsSource([]fangtan.Document{bad, badUTF8, odd}), fangtan.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 1 || len(stats.Skipped) != 2 || !strings.Contains(stats.Skipped[0].Reason+stats.Skipped[1].Reason, "NUL") {
		t.Errorf("stats: %+v", stats)
	}
	r, err := db.Search(context.Background(), fangtan.Query{Text: "正常"})
	if err != nil || r.Total != 1 || len(r.Facets["source"]) != 1 {
		t.Errorf("search: %+v %v", r, err)
	}
}

// TestClientKilledDuringBuild: a build whose connection dies (as when
// fangtan is killed with -9) is rolled back by the server; the previous
// index answers and nothing of the build is left.
func TestClientKilledDuringBuild(t *testing.T) {
	db := connect(t)
	ctx := context.Background()
	build(t, db, doc("old", "old.txt", "旧的", "旧版本的文章"))
	halfway := make(chan struct{})
	src := func(ctx context.Context, emit func(fangtan.Document) error) error {
		for i := range 100000 {
			if i == 2000 {
				close(halfway)
			}
			if err := emit(doc(fmt.Sprintf("n-%d", i), "n.txt", "新的", "新版本的文章")); err != nil {
				return err
			}
		}
		return nil
	}
	done := make(chan error, 1)
	go func() {
		_, err := db.Build(ctx, src, fangtan.BuildOptions{Workers: 1, BatchSize: 100})
		done <- err
	}()
	<-halfway
	time.Sleep(300 * time.Millisecond)
	// The server ends the builder's connection, as it does when the
	// client's process dies.
	admin, err := Connect(ctx, dsn(t), Options{Schema: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.pool.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start IS NOT NULL
		AND query NOT ILIKE '%pg_stat_activity%' AND state <> 'idle'`); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err == nil {
		t.Fatal("the build survived its connection")
	}
	if n, m := count(t, admin.inSchema(db.schema), "旧版本"), count(t, admin.inSchema(db.schema), "新版本"); n != 1 || m != 0 {
		t.Errorf("after the killed build: %d old, %d new", n, m)
	}
	var leftovers int
	if err := admin.pool.QueryRow(ctx, `SELECT count(*) FROM pg_namespace WHERE nspname LIKE $1`, db.schema+"\\_%").Scan(&leftovers); err != nil || leftovers != 0 {
		t.Errorf("schemas left behind: %d %v", leftovers, err)
	}
}

// TestBuildPreparesInStages: a build's Prepare sees the registry as the
// stages before its document left it (fangtan.Stages), with any number of
// workers, so that a build is repeatable.
func TestBuildPreparesInStages(t *testing.T) {
	db := connect(t)
	docs, opts, check := conformance.Staged(t, 4)
	if _, err := db.Build(context.Background(), fangtan.DocumentsSource(docs), opts); err != nil {
		t.Fatal(err)
	}
	check()
}
