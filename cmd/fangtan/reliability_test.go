package main

// End-to-end reliability tests against the real fangtan binary: bad input,
// SIGKILL during a rebuild and during an add, a rebuild while serving,
// SIGHUP, SIGTERM with a request in flight, a corrupt index at startup,
// and path traversal. See docs/reliability.md.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"fangtan"
	"fangtan/corpus"
)

// theBinary is fangtan built once per test run, on first use.
var theBinary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if theBinary.dir != "" {
		os.RemoveAll(theBinary.dir)
	}
	os.Exit(code)
}

// fangtanBinary builds the command with go build into a temp dir.
func fangtanBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the fangtan binary")
	}
	theBinary.once.Do(func() {
		theBinary.dir, theBinary.err = os.MkdirTemp("", "fangtan-bin-")
		if theBinary.err != nil {
			return
		}
		theBinary.path = filepath.Join(theBinary.dir, "fangtan")
		goCmd := "go"
		if g := os.Getenv("GO"); g != "" {
			goCmd = g
		}
		out, err := exec.Command(goCmd, "build", "-o", theBinary.path, ".").CombinedOutput()
		if err != nil {
			theBinary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if theBinary.err != nil {
		t.Fatal(theBinary.err)
	}
	return theBinary.path
}

// binResult is how a finished command went.
type binResult struct {
	stdout, stderr string
	code           int
}

// fangtanRun runs the binary to completion, killing it after timeout: a
// hang is a failure, not a stuck test.
func fangtanRun(t *testing.T, timeout time.Duration, args ...string) binResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, fangtanBinary(t), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("fangtan %s did not finish in %v (a hang)\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), timeout, stdout.String(), stderr.String())
	}
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("fangtan %s: %v", strings.Join(args, " "), err)
		}
		code = ee.ExitCode()
	}
	r := binResult{stdout.String(), stderr.String(), code}
	for _, s := range []string{r.stdout, r.stderr} {
		if strings.Contains(s, "goroutine ") || strings.Contains(s, "panic:") {
			t.Fatalf("fangtan %s crashed:\n%s", strings.Join(args, " "), s)
		}
	}
	return r
}

// mustRun runs the binary and fails unless it exits 0.
func mustRun(t *testing.T, args ...string) binResult {
	t.Helper()
	r := fangtanRun(t, 5*time.Minute, args...)
	if r.code != 0 {
		t.Fatalf("fangtan %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

func writeTestFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeSample copies the bundled sample corpus into dir.
func writeSample(t *testing.T, dir string) {
	t.Helper()
	err := fs.WalkDir(corpus.Sample(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(corpus.Sample(), p)
		if err != nil {
			return err
		}
		writeTestFile(t, filepath.Join(dir, p), b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// testArticle is a small news text about word, numbered n, with a quote.
// It shares no word with faultQueries, so adding it leaves their answers.
func testArticle(word string, n int) string {
	return fmt.Sprintf("%s园林养护例会第%d次召开\n本报记者 陈晓\n"+
		"园林管理处处长周明在第%d次%s例会上说：“要把园林养护做细做实。”\n"+
		"例会指出，%s要做好绿化养护，全年种植乔木%d株。\n", word, n, n, word, word, 1000+n)
}

// writeJSONL writes n records about word into path, ids prefix-0 … prefix-(n-1).
func writeJSONL(t *testing.T, path, prefix, word string, n int) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range n {
		text := testArticle(word, i)
		title, body, _ := strings.Cut(text, "\n")
		if err := enc.Encode(map[string]string{
			"id": fmt.Sprintf("%s-%d", prefix, i), "title": title, "date": fmt.Sprintf("2015-%02d-%02d", 1+i%12, 1+i%28),
			"source": "测试日报", "text": body,
		}); err != nil {
			t.Fatal(err)
		}
	}
	writeTestFile(t, path, b.Bytes())
}

// searchJSON runs fangtan search --json and returns its result with the
// timing zeroed, so that two runs compare equal.
func searchJSON(t *testing.T, idx, q string) fangtan.Result {
	t.Helper()
	r := mustRun(t, "search", "--index", idx, "--json", "--size", "100", q)
	var res fangtan.Result
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatalf("fangtan search %q: %v\n%s", q, err, r.stdout)
	}
	res.TookMs = 0
	return res
}

// sameHits compares two answers by what a reader sees: the total, the set
// of hits with their fragments, and the facets. Scores are left out, since
// BM25 weights move when unrelated documents join the collection.
func sameHits(a, b fangtan.Result) bool {
	norm := func(r fangtan.Result) any {
		hits := map[string][]string{}
		for _, h := range r.Hits {
			hits[h.ID] = h.Fragments
		}
		return []any{r.Total, hits, r.Facets}
	}
	return sameJSON(norm(a), norm(b))
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// manyFiles is the size of the many-small-files directory: 100,000 with
// FANGTAN_LONG=1 (make loadtest), fewer in make test to keep it quick.
func manyFiles() int {
	if os.Getenv("FANGTAN_LONG") != "" {
		return 100_000
	}
	return 2_000
}

// TestIndexBadFiles builds a corpus of bad files beside good ones and runs
// fangtan index over it: every good document is indexed, every bad file is
// named with its reason, and the command neither stops at the first error
// nor hangs.
func TestIndexBadFiles(t *testing.T) {
	fangtanBinary(t)
	root := t.TempDir()
	in := filepath.Join(root, "in")
	writeSample(t, filepath.Join(in, "sample"))

	gbk, err := simplifiedchinese.GBK.NewEncoder().String(testArticle("鹭岛湾区", 1))
	if err != nil {
		t.Fatal(err)
	}
	big5, err := traditionalchinese.Big5.NewEncoder().String("臺北市議會開會\n市長說：「要為市民辦實事。」臺北市推動轉型發展，鷺島灣區建設加快。\n")
	if err != nil {
		t.Fatal(err)
	}
	trunc := []byte(testArticle("截断下载", 2))
	trunc = append(trunc, []byte("最后")...)
	trunc = trunc[:len(trunc)-2] // cut inside 后
	writeTestFile(t, filepath.Join(in, "gbk.txt"), []byte(gbk))
	writeTestFile(t, filepath.Join(in, "big5.txt"), []byte(big5))
	writeTestFile(t, filepath.Join(in, "truncated.txt"), trunc)
	writeTestFile(t, filepath.Join(in, "binary.txt"), []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00binary\x00\x00\xff\xfe"))
	writeTestFile(t, filepath.Join(in, "empty.txt"), nil)
	writeTestFile(t, filepath.Join(in, "hostile.html"), []byte(`<html><head><title>敌意页面</title><script>window.__xss=1;alert("脚本内容")</script></head>
<body><h1>营商环境优化工作会议</h1><p>会议指出，要持续优化营商环境<img src=x onerror="alert('事件内容')">，为企业办实事。</p></body></html>`))
	writeTestFile(t, filepath.Join(in, "news.jsonl"), []byte(`{"id":"jl-1","title":"第一条新闻","text":"山西省召开会议，部署乡村振兴工作。"}
{"id":"jl-2","title":"坏的一行","text":"没有结束
{"id":"jl-3","title":"第三条新闻","text":"运城市推进黄河流域生态保护。"}
`))
	// One line of 50 MB: read, then refused as far longer than an article.
	line := bytes.Repeat([]byte("长江经济带生态环境保护发生了转折性变化，"), 50<<20/60+1)
	writeTestFile(t, filepath.Join(in, "huge.txt"), line[:50<<20])
	// A directory linking to its parent: a loop, read once.
	if err := os.Symlink("..", filepath.Join(in, "sample", "loop")); err != nil {
		t.Fatal(err)
	}
	// An unreadable entry. Tests run as root here, where chmod 000 does not
	// stop a read, so the unreadable file is a symbolic link to nowhere
	// (and chmod 000 is tried too, for non-root runs).
	if err := os.Symlink(filepath.Join(root, "nowhere.txt"), filepath.Join(in, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(in, "locked.txt")
	writeTestFile(t, locked, []byte(testArticle("上锁文件", 3)))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	lockedReadable := os.Geteuid() == 0
	// A named pipe given by name: opening it would wait for a writer forever.
	fifo := filepath.Join(root, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	// Many small files.
	many := filepath.Join(in, "many")
	if err := os.MkdirAll(many, 0o755); err != nil {
		t.Fatal(err)
	}
	nMany := manyFiles()
	for i := range nMany {
		if err := os.WriteFile(filepath.Join(many, fmt.Sprintf("f%06d.txt", i)), []byte(fmt.Sprintf("第%d号通报\n小店区召开第%d次例会，研究转型发展。\n", i, i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	idx := filepath.Join(root, "idx")
	start := time.Now()
	r := fangtanRun(t, 10*time.Minute, "index", "--index", idx, "--quiet", in, fifo)
	t.Logf("fangtan index over %d files: %v", nMany+15, time.Since(start).Round(time.Millisecond))
	if r.code != 0 {
		t.Fatalf("fangtan index: exit %d, want 0 (good documents were indexed)\n%s%s", r.code, r.stdout, r.stderr)
	}
	out := r.stdout + r.stderr
	for _, bad := range []struct{ file, reason string }{
		{"binary.txt", "binary"},
		{"empty.txt", "empty"},
		{"huge.txt", "longer than a document may be"},
		{"dangling.txt", "broken symbolic link"},
		{"pipe.txt", "not a regular file"},
		{"news.jsonl:2", "invalid JSON"},
	} {
		found := false
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, bad.file) && strings.Contains(l, bad.reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s is not named with its reason (%q):\n%s", bad.file, bad.reason, out)
		}
	}
	if !lockedReadable && !strings.Contains(out, "locked.txt") {
		t.Errorf("the unreadable locked.txt is not named:\n%s", out)
	}

	// Every good document is searchable.
	wantDocs := nMany + 6 // gbk, big5, truncated, hostile, and 2 of news.jsonl
	if lockedReadable {
		wantDocs++
	}
	m := indexedCount(r.stdout)
	if m < wantDocs {
		t.Errorf("indexed %d documents, want at least %d (the samples besides)\n%s", m, wantDocs, r.stdout)
	}
	// One search process for all of them (each loads the dictionaries).
	want := map[string]string{
		`"鹭岛湾区园林养护例会"`: "gbk", `"臺北市議會"`: "big5", `"截断下载"`: "truncated", `"营商环境优化"`: "hostile",
		`"乡村振兴"`: "jl-1", `"黄河流域生态保护"`: "jl-3", fmt.Sprintf(`"第%d号通报"`, nMany-1): fmt.Sprintf("f%06d", nMany-1),
	}
	var phrases []string
	for q := range want {
		phrases = append(phrases, q)
	}
	res := searchJSON(t, idx, strings.Join(phrases, " OR "))
	for q, wantID := range want {
		found := false
		for _, h := range res.Hits {
			if strings.HasPrefix(h.ID, wantID) {
				found = true
			}
		}
		if !found {
			t.Errorf("search %s: no hit from %s among %d hits", q, wantID, len(res.Hits))
		}
	}
	// The hostile page's script and handler never became text.
	if res := searchJSON(t, idx, "脚本内容 OR 事件内容 OR alert OR onerror"); res.Total != 0 {
		t.Errorf("script or handler text was indexed: %d documents hold it", res.Total)
	}
	// The symlink loop was read once: no id is duplicated.
	if strings.Count(out, "duplicate id") > 0 {
		t.Errorf("the symlink loop was read twice:\n%s", out)
	}

	// Nothing indexable at all: a non-zero exit, saying so.
	onlyBad := filepath.Join(root, "bad")
	writeTestFile(t, filepath.Join(onlyBad, "binary.txt"), []byte("\x00\x01\x02"))
	writeTestFile(t, filepath.Join(onlyBad, "empty.txt"), nil)
	r = fangtanRun(t, 2*time.Minute, "index", "--index", filepath.Join(root, "idx2"), "--quiet", onlyBad)
	if r.code == 0 || !strings.Contains(r.stdout+r.stderr, "binary.txt") || !strings.Contains(r.stdout+r.stderr, "empty.txt") {
		t.Errorf("an index of only bad files: exit %d, want non-zero naming both files\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// indexedCount reads N from the summary line "indexed N documents".
func indexedCount(s string) int {
	i := strings.Index(s, "indexed ")
	if i < 0 {
		return -1
	}
	f := strings.Fields(s[i+len("indexed "):])
	if len(f) == 0 {
		return -1
	}
	n, err := strconv.Atoi(f[0])
	if err != nil {
		return -1
	}
	return n
}

// queries are compared before and after a fault.
var faultQueries = []string{"刘振华", `"办实事"`, "转型发展 official:刘振华 year:2021", "书记 -疫情"}

func faultSnapshot(t *testing.T, idx string) []fangtan.Result {
	t.Helper()
	var out []fangtan.Result
	for _, q := range faultQueries {
		out = append(out, searchJSON(t, idx, q))
	}
	return out
}

// startKillable starts the binary and returns it running.
func startKillable(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(fangtanBinary(t), args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd
}

// pollUntil polls cond for up to limit.
func pollUntil(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestKillDuringRebuildAndAdd kills fangtan index (rebuilding over an
// existing index) and fangtan add with SIGKILL part-way. The previous index
// then answers the same queries with the same JSON, and a repeated add
// completes without duplicates.
func TestKillDuringRebuildAndAdd(t *testing.T) {
	fangtanBinary(t)
	root := t.TempDir()
	idx := filepath.Join(root, "idx")
	mustRun(t, "index", "--index", idx, "--quiet") // the bundled sample
	before := faultSnapshot(t, idx)
	if before[0].Total == 0 {
		t.Fatalf("the sample index finds nothing for %q", faultQueries[0])
	}

	t.Run("rebuild", func(t *testing.T) {
		big := filepath.Join(root, "big.jsonl")
		writeJSONL(t, big, "big", "鹭岛湾区", 4000)
		cmd := startKillable(t, "index", "--index", idx, "--quiet", big)
		// Kill once the new index is being written beside the old one.
		pollUntil(t, 2*time.Minute, "the rebuild writes its new index", func() bool {
			m, _ := filepath.Glob(filepath.Join(root, ".idx.building-*", "store", "*"))
			return len(m) > 1
		})
		time.Sleep(300 * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		if m, _ := filepath.Glob(filepath.Join(root, ".idx.building-*")); len(m) == 0 {
			t.Fatal("the killed rebuild left no partial index: it was not killed mid-build")
		}
		after := faultSnapshot(t, idx)
		for i, q := range faultQueries {
			if !sameJSON(before[i], after[i]) {
				t.Errorf("after a killed rebuild, %q answers differently", q)
			}
		}
		if res := searchJSON(t, idx, `"鹭岛湾区"`); res.Total != 0 {
			t.Errorf("the killed rebuild's documents are visible: %d", res.Total)
		}
	})

	t.Run("add", func(t *testing.T) {
		const n = 1000
		more := filepath.Join(root, "more.jsonl")
		writeJSONL(t, more, "more", "白鹭洲", n)
		store := filepath.Join(idx, "store")
		initial, _ := os.ReadDir(store)
		cmd := startKillable(t, "add", "--index", idx, more)
		// Kill once the add has written something to the store.
		pollUntil(t, 2*time.Minute, "the add writes to the index", func() bool {
			now, _ := os.ReadDir(store)
			return len(now) > len(initial)+1 || hasNewName(initial, now)
		})
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if err == nil {
			t.Fatal("the add finished before it was killed; make it longer")
		}
		after := faultSnapshot(t, idx)
		for i, q := range faultQueries {
			if !sameHits(before[i], after[i]) {
				t.Errorf("after a killed add, %q answers differently", q)
			}
		}
		partial := searchJSON(t, idx, `"白鹭洲"`).Total
		t.Logf("the killed add had indexed %d of %d documents", partial, n)

		// The repeated add completes, and every document is there once.
		mustRun(t, "add", "--index", idx, more)
		if got := searchJSON(t, idx, `"白鹭洲"`).Total; got != n {
			t.Errorf("after the repeated add, %d documents match, want %d (no duplicates, none missing)", got, n)
		}
		mustRun(t, "add", "--index", idx, more)
		if got := searchJSON(t, idx, `"白鹭洲"`).Total; got != n {
			t.Errorf("after adding the same file again, %d documents match, want %d", got, n)
		}
		after = faultSnapshot(t, idx)
		for i, q := range faultQueries {
			if !sameHits(before[i], after[i]) {
				t.Errorf("after the completed add, %q answers differently", q)
			}
		}
	})
}

func hasNewName(a, b []os.DirEntry) bool {
	names := map[string]bool{}
	for _, e := range a {
		names[e.Name()] = true
	}
	for _, e := range b {
		if !names[e.Name()] {
			return true
		}
	}
	return false
}

// TestServeStartupErrors: a missing, empty or corrupt index is a clear
// error at startup, never a crash or a server that answers 500s.
func TestServeStartupErrors(t *testing.T) {
	fangtanBinary(t)
	root := t.TempDir()
	good := filepath.Join(root, "good")
	mustRun(t, "index", "--index", good, "--quiet")

	corrupt := func(name string, damage func(dir string)) string {
		dir := filepath.Join(root, name)
		if err := os.CopyFS(dir, os.DirFS(good)); err != nil {
			t.Fatal(err)
		}
		damage(dir)
		return dir
	}
	cases := []struct {
		name, dir, want string
	}{
		{"missing", filepath.Join(root, "missing"), "no such directory"},
		{"empty directory", t.TempDir(), "index_meta.json is missing"},
		{"garbage meta", corrupt("meta", func(d string) {
			writeTestFile(t, filepath.Join(d, "index_meta.json"), []byte("{not json"))
		}), "not a fangtan index"},
		{"truncated root", corrupt("root", func(d string) {
			writeTestFile(t, filepath.Join(d, "store", "root.bolt"), []byte("bolt?"))
		}), "damaged"},
		{"no store", corrupt("store", func(d string) {
			os.RemoveAll(filepath.Join(d, "store"))
		}), "damaged"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := fangtanRun(t, time.Minute, "serve", "--index", tc.dir, "--addr", "127.0.0.1:0")
			if r.code == 0 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, tc.dir) {
				t.Errorf("serve over a %s index: exit %d, stderr %q; want an error naming %s and saying %q", tc.name, r.code, r.stderr, tc.dir, tc.want)
			}
		})
	}
	// Segment files damaged behind a valid root: the server either refuses
	// to start or answers without crashing; it never serves a stack trace.
	zaps := corrupt("zap", func(d string) {
		m, _ := filepath.Glob(filepath.Join(d, "store", "*.zap"))
		for _, p := range m {
			b, _ := os.ReadFile(p)
			for i := len(b) / 3; i < len(b); i += 7 {
				b[i] ^= 0x5a
			}
			writeTestFile(t, p, b)
		}
	})
	srv, err := startBinServer(t, zaps)
	if err != nil {
		if strings.Contains(err.Error(), "goroutine ") {
			t.Fatalf("serve over damaged segments crashed: %v", err)
		}
		t.Logf("serve over damaged segments refused to start: %v", err)
		return
	}
	for _, q := range faultQueries {
		status, body := srv.get(t, "/api/search?q="+url.QueryEscape(q))
		if status == 200 {
			continue
		}
		if strings.Contains(body, "goroutine ") || strings.Contains(body, "panic") {
			t.Errorf("damaged segments: %q answers %d with %s", q, status, body)
		}
	}
	if code := srv.stop(t, syscall.SIGTERM); code != 0 && !srv.exited() {
		t.Errorf("serve over damaged segments: exit %d", code)
	}
}

// binServer is a running fangtan serve.
type binServer struct {
	cmd    *exec.Cmd
	base   string
	out    *lockedBuffer
	done   chan struct{}
	code   int
	doneAt atomic.Bool
}

// startBinServer runs fangtan serve on a free loopback port and waits until
// it answers; an error carries its output if it exits first.
func startBinServer(t *testing.T, idx string, extra ...string) (*binServer, error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s := &binServer{base: "http://" + addr, out: &lockedBuffer{}, done: make(chan struct{})}
	s.cmd = exec.Command(fangtanBinary(t), append([]string{"serve", "--index", idx, "--addr", addr}, extra...)...)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		err := s.cmd.Wait()
		s.code = 0
		if ee, ok := err.(*exec.ExitError); ok {
			s.code = ee.ExitCode()
		}
		s.doneAt.Store(true)
		close(s.done)
	}()
	t.Cleanup(func() {
		_ = s.cmd.Process.Kill()
		<-s.done
	})
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(s.out.String(), "serving") {
		select {
		case <-s.done:
			return nil, fmt.Errorf("serve exited %d: %s", s.code, s.out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start in a minute:\n%s", s.out.String())
		}
	}
	return s, nil
}

func (s *binServer) exited() bool { return s.doneAt.Load() }

var binClient = &http.Client{Timeout: 30 * time.Second}

func (s *binServer) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := binClient.Get(s.base + path)
	if err != nil {
		t.Fatalf("GET %s: %v\nserver output:\n%s", path, err, s.out.String())
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// stop signals the server and waits for it to exit.
func (s *binServer) stop(t *testing.T, sig os.Signal) int {
	t.Helper()
	_ = s.cmd.Process.Signal(sig)
	select {
	case <-s.done:
		return s.code
	case <-time.After(45 * time.Second):
		t.Fatalf("serve did not exit after %v:\n%s", sig, s.out.String())
		return -1
	}
}

func apiTotal(t *testing.T, s *binServer, q string) (uint64, int) {
	t.Helper()
	status, body := s.get(t, "/api/search?q="+url.QueryEscape(q))
	var res fangtan.Result
	if status == 200 {
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatalf("/api/search %q: %v", q, err)
		}
	}
	return res.Total, status
}

// TestServeThroughRebuildSIGHUPAndSIGTERM: the server answers every request
// while the index is rebuilt beside it, moves to the new index when the
// rebuild finishes and on SIGHUP, and on SIGTERM finishes the request in
// flight before it exits 0.
func TestServeThroughRebuildSIGHUPAndSIGTERM(t *testing.T) {
	fangtanBinary(t)
	root := t.TempDir()
	idx := filepath.Join(root, "idx")
	mustRun(t, "index", "--index", idx, "--quiet") // the sample: no 鹭岛湾区
	srv, err := startBinServer(t, idx)
	if err != nil {
		t.Fatal(err)
	}
	if n, status := apiTotal(t, srv, `"鹭岛湾区"`); status != 200 || n != 0 {
		t.Fatalf("before the rebuild: status %d, %d hits", status, n)
	}

	// Clients search all through the rebuild.
	var stop atomic.Bool
	var wg sync.WaitGroup
	var requests, failures atomic.Int64
	var firstFailure atomic.Value
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				resp, err := binClient.Get(srv.base + "/api/search?q=" + url.QueryEscape("转型发展"))
				requests.Add(1)
				if err != nil {
					failures.Add(1)
					firstFailure.CompareAndSwap(nil, err.Error())
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					failures.Add(1)
					firstFailure.CompareAndSwap(nil, resp.Status)
				}
			}
		}()
	}
	const n = 1500
	big := filepath.Join(root, "big.jsonl")
	writeJSONL(t, big, "big", "鹭岛湾区", n)
	mustRun(t, "index", "--index", idx, "--quiet", big)
	pollUntil(t, 30*time.Second, "the binServer moves to the rebuilt index", func() bool {
		got, _ := apiTotal(t, srv, `"鹭岛湾区"`)
		return got == n
	})
	stop.Store(true)
	wg.Wait()
	if f := failures.Load(); f > 0 {
		t.Errorf("%d of %d requests failed during the rebuild; first: %v", f, requests.Load(), firstFailure.Load())
	}
	t.Logf("%d requests during the rebuild, none failed", requests.Load())

	// SIGHUP reopens the index.
	time.Sleep(time.Second) // let the rebuild's reload finish logging
	logBefore := strings.Count(srv.out.String(), "reload")
	if err := srv.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	pollUntil(t, 30*time.Second, "SIGHUP reloads", func() bool { return strings.Count(srv.out.String(), "reload") > logBefore })
	if got, status := apiTotal(t, srv, `"鹭岛湾区"`); status != 200 || got != n {
		t.Errorf("after SIGHUP: status %d, %d hits, want %d", status, got, n)
	}

	// SIGTERM while an export is being collected (about 100 ms for these
	// 1,500 rows): the server stops accepting connections but answers the
	// request in full, then exits 0. (net/http drops a request whose headers
	// arrive after shutdown began, so the signal waits 30 ms for them.)
	type answer struct {
		rows    int
		status  int
		err     error
		arrived time.Time
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := binClient.Get(srv.base + "/export.json?q=" + url.QueryEscape("鹭岛湾区"))
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		a := answer{status: resp.StatusCode, arrived: time.Now()}
		var exp struct {
			Rows int `json:"rows"`
		}
		a.err = json.NewDecoder(resp.Body).Decode(&exp)
		a.rows = exp.Rows
		answered <- a
	}()
	time.Sleep(30 * time.Millisecond)
	signalled := time.Now()
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	a := <-answered
	if a.err != nil || a.status != 200 || a.rows != n {
		t.Fatalf("the in-flight export: status %d, %d rows, err %v; want 200 and %d rows\n%s", a.status, a.rows, a.err, n, srv.out.String())
	}
	if a.arrived.After(signalled) {
		t.Logf("the export answered %v after SIGTERM", a.arrived.Sub(signalled).Round(time.Millisecond))
	} else {
		t.Logf("the export answered before SIGTERM: the in-flight case was not exercised this time")
	}
	// The listener closed when shutdown began.
	if c, err := net.DialTimeout("tcp", strings.TrimPrefix(srv.base, "http://"), time.Second); err == nil {
		c.Close()
		t.Errorf("a new connection was accepted after SIGTERM")
	}
	select {
	case <-srv.done:
		if srv.code != 0 {
			t.Errorf("serve exited %d after SIGTERM:\n%s", srv.code, srv.out.String())
		}
	case <-time.After(45 * time.Second):
		t.Fatalf("serve did not exit after SIGTERM")
	}
	if !strings.Contains(srv.out.String(), "stopped") {
		t.Errorf("no stop message:\n%s", srv.out.String())
	}
}

// TestServeRefusesTraversalAndAbuse sends raw requests that try to reach
// files outside the index and the embedded assets, and oversized queries.
func TestServeRefusesTraversalAndAbuse(t *testing.T) {
	fangtanBinary(t)
	idx := filepath.Join(t.TempDir(), "idx")
	mustRun(t, "index", "--index", idx, "--quiet")
	srv, err := startBinServer(t, idx)
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{"root:x:0:0", "module fangtan", "package main", `"index_type"`}
	paths := []string{
		"/doc/..%2f..%2fetc%2fpasswd", "/doc/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/doc/../../etc/passwd",
		"/api/doc/..%2f..%2fetc%2fpasswd", "/api/doc/%2e%2e%2f%2e%2e%2fgo.mod", "/doc/a%2Fb%2Fc", "/doc/%00",
		"/static/../../go.mod", "/static/..%2f..%2fgo.mod", "/static/%2e%2e/%2e%2e/go.mod", "/static/..%5c..%5cgo.mod",
		"/static//etc/passwd", "/static/style.css/../../../go.mod", "//etc/passwd", "/..%2f..%2fgo.mod",
		"/export.json?q=x&file=../../etc/passwd", "/export.csv?q=x&path=/etc/passwd", "/export.json?q=file:../../go.mod",
		"/index_meta.json", "/store/root.bolt", "/static/", "/static/.",
	}
	for _, p := range paths {
		status, body := rawGet(t, srv.base, p)
		if status >= 500 {
			t.Errorf("GET %s: status %d", p, status)
		}
		for _, s := range secrets {
			if strings.Contains(body, s) {
				t.Errorf("GET %s (status %d) reveals %q", p, status, s)
			}
		}
	}
	// Query caps: length, number of terms, paging depth.
	for _, tc := range []struct{ path, want string }{
		{"/api/search?q=" + strings.Repeat("长", 501), "limit is 500"},
		{"/api/search?q=" + url.QueryEscape(strings.Repeat("词 ", 51)), "terms; the limit is"},
		{"/api/search?q=x&from=9999&size=10", "10000"},
		{"/api/search?q=x&size=100000", "size"},
	} {
		status, body := srv.get(t, tc.path)
		if status != 400 || !strings.Contains(body, tc.want) {
			t.Errorf("GET %.60s…: status %d, body %.200s; want 400 saying %q", tc.path, status, body, tc.want)
		}
	}
	srv.stop(t, syscall.SIGTERM)
}

// rawGet sends path exactly as written, without the client cleaning it.
func rawGet(t *testing.T, base, path string) (int, string) {
	t.Helper()
	u, _ := url.Parse(base)
	c, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", path, u.Host)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeSearchDeadline: with --search-timeout, a search that runs out of
// time answers 503 with a message, and the server goes on answering.
func TestServeSearchDeadline(t *testing.T) {
	fangtanBinary(t)
	idx := filepath.Join(t.TempDir(), "idx")
	mustRun(t, "index", "--index", idx, "--quiet")
	srv, err := startBinServer(t, idx, "--search-timeout", "1ns")
	if err != nil {
		t.Fatal(err)
	}
	status, body := srv.get(t, "/api/search?q="+url.QueryEscape("刘振华"))
	if status != 503 || !strings.Contains(body, "temporarily unavailable") {
		t.Errorf("a search past its deadline: status %d, body %s; want 503 with a message", status, body)
	}
	if status, _ := srv.get(t, "/static/style.css"); status != 200 {
		t.Errorf("after a timed-out search, the stylesheet answers %d", status)
	}
	if code := srv.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("serve exited %d", code)
	}
}
