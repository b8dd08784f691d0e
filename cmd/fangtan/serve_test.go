package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
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
