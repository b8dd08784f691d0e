package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"fangtan"
)

// lockedBuffer is a bytes.Buffer safe for the server goroutine to write
// while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestServeSampleIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"index", "--index", dir, "--quiet"}, &out, &errOut); code != 0 {
		t.Fatalf("fangtan index: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	exited := make(chan int, 1)
	go func() { exited <- run(ctx, []string{"serve", "--index", dir, "--addr", addr}, stdout, stderr) }()

	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stdout.String(), "serving") {
		select {
		case code := <-exited:
			t.Fatalf("serve exited %d before serving:\n%s%s", code, stdout.String(), stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start in 30s:\n%s%s", stdout.String(), stderr.String())
		}
	}
	if want := "at http://" + addr + "/"; !strings.Contains(stdout.String(), want) {
		t.Errorf("serve does not log its URL %q: %s", want, stdout.String())
	}

	base := "http://" + addr
	resp, err := http.Get(base + "/api/search?q=" + url.QueryEscape("书记"))
	if err != nil {
		t.Fatal(err)
	}
	var res fangtan.Result
	err = json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || res.Total == 0 {
		t.Fatalf("/api/search: status %d, total %d, err %v", resp.StatusCode, res.Total, err)
	}
	for path, status := range map[string]int{"/search?q=" + url.QueryEscape("书记"): 200, "/doc/" + res.Hits[0].ID: 200, "/doc/no-such-id": 404, "/static/style.css": 200} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != status {
			t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, status)
		}
	}

	cancel() // as SIGINT would
	select {
	case code := <-exited:
		if code != 0 {
			t.Errorf("serve exited %d after shutdown:\n%s", code, stderr.String())
		}
	case <-time.After(40 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(stdout.String(), "stopped") {
		t.Errorf("no stop message: %s", stdout.String())
	}
}

func TestServeUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"serve"}, 2, "--index DIR is required"},
		{[]string{"serve", "--index", "x", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--index", filepath.Join(t.TempDir(), "missing")}, 1, "not a fangtan index"},
		{[]string{"serve", "--index", t.TempDir()}, 1, "index_meta.json is missing"},
	} {
		var out, errOut bytes.Buffer
		if code := run(context.Background(), tc.args, &out, &errOut); code != tc.code || !strings.Contains(errOut.String(), tc.msg) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tc.args, code, errOut.String(), tc.code, tc.msg)
		}
	}
}

// startServe runs `fangtan serve` in the background and returns its base
// URL and a function that stops it and returns its exit code.
func startServe(t *testing.T, args ...string) (string, *lockedBuffer, func() int) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	exited := make(chan int, 1)
	go func() {
		exited <- run(ctx, append([]string{"serve", "--addr", addr}, args...), stdout, stderr)
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stdout.String(), "serving") {
		select {
		case code := <-exited:
			cancel()
			t.Fatalf("serve exited %d before serving:\n%s%s", code, stdout.String(), stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start in 30s")
		}
	}
	stop := func() int {
		cancel()
		select {
		case code := <-exited:
			return code
		case <-time.After(40 * time.Second):
			t.Fatal("serve did not stop")
			return -1
		}
	}
	return "http://" + addr, stderr, stop
}

// waitForLog reports whether log comes to hold want within d.
func waitForLog(log *lockedBuffer, want string, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for !strings.Contains(log.String(), want) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

func searchTotal(t *testing.T, base, q string) (uint64, int) {
	t.Helper()
	resp, err := http.Get(base + "/api/search?q=" + url.QueryEscape(q))
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	defer resp.Body.Close()
	var res fangtan.Result
	if resp.StatusCode == 200 {
		if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
			t.Fatal(err)
		}
	}
	return res.Total, resp.StatusCode
}

// writeExtraCorpus writes a one-article corpus holding a word the sample
// does not have.
func writeExtraCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	text := "人民日报 2024年03月01日\n\n重建索引后的新文章\n\n本报记者 李四\n\n    这篇文章只在重建后的索引里，含有独一无二的词：蓝鲸测试站。\n"
	if err := os.WriteFile(filepath.Join(dir, "extra.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func buildIndex(t *testing.T, dir string, paths ...string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(context.Background(), append([]string{"index", "--index", dir, "--quiet"}, paths...), &out, &errOut); code != 0 {
		t.Fatalf("fangtan index: exit %d\n%s%s", code, out.String(), errOut.String())
	}
}

// A rebuild of the served directory is picked up without a restart, and
// requests during it all succeed.
func TestServeReloadsRebuiltIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	buildIndex(t, dir)
	base, stderr, stop := startServe(t, "--index", dir, "--watch", "100ms")
	if n, _ := searchTotal(t, base, "蓝鲸测试站"); n != 0 {
		t.Fatalf("the new word is already found")
	}

	hammer := make(chan struct{})
	var bad atomic.Int64
	var served atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-hammer:
					return
				default:
				}
				if _, code := searchTotal(t, base, "书记"); code != 200 {
					bad.Add(1)
				}
				served.Add(1)
			}
		}()
	}
	buildIndex(t, dir, writeExtraCorpus(t))
	deadline := time.Now().Add(20 * time.Second)
	for {
		if n, _ := searchTotal(t, base, "蓝鲸测试站"); n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the rebuilt index was not served within 20s:\n%s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	close(hammer)
	wg.Wait()
	t.Logf("%d requests during the rebuild and reload", served.Load())
	if bad.Load() != 0 {
		t.Errorf("%d of %d requests failed during the reload:\n%s", bad.Load(), served.Load(), stderr.String())
	}
	// The new index answers as soon as it is swapped in; the log line
	// follows once the old one has closed, so wait for it.
	if !waitForLog(stderr, "now serving the reloaded index", 20*time.Second) {
		t.Errorf("the reload was not logged:\n%s", stderr.String())
	}
	if code := stop(); code != 0 {
		t.Errorf("serve exited %d:\n%s", code, stderr.String())
	}
}

// Without watching, SIGHUP is what moves the server to the rebuilt index.
func TestServeReloadsOnSIGHUP(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	buildIndex(t, dir)
	base, stderr, stop := startServe(t, "--index", dir, "--watch", "0")
	defer stop()
	buildIndex(t, dir, writeExtraCorpus(t))
	time.Sleep(300 * time.Millisecond)
	if n, code := searchTotal(t, base, "书记"); code != 200 || n == 0 {
		t.Fatalf("before SIGHUP the old index should still answer: %d, %d", code, n)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if n, _ := searchTotal(t, base, "蓝鲸测试站"); n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("SIGHUP did not reload within 20s:\n%s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !waitForLog(stderr, "reason=SIGHUP", 20*time.Second) {
		t.Errorf("the reload was not logged as SIGHUP:\n%s", stderr.String())
	}
}

// A broken index appearing at the path is refused; the server keeps
// answering from the one it has.
func TestServeKeepsServingWhenTheNewIndexIsBroken(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	buildIndex(t, dir)
	base, stderr, stop := startServe(t, "--index", dir, "--watch", "100ms")
	defer stop()
	if err := os.Rename(dir, dir+".moved"); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), "still serving the previous one") {
		if time.Now().After(deadline) {
			t.Fatalf("the broken index was not reported:\n%s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n, code := searchTotal(t, base, "书记"); code != 200 || n == 0 {
		t.Errorf("after a broken rebuild: status %d, total %d", code, n)
	}
}
