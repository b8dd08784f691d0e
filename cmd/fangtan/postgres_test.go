package main

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fangtan"
	"fangtan/internal/pgtest"
)

// TestPostgresBackend drives index, search, quotes, add, delete and serve
// with --backend postgres on a private cluster whose password the output
// never shows.
func TestPostgresBackend(t *testing.T) {
	const pw = "pa55'w;rd"
	c := pgtest.Start(t, pgtest.Options{Password: pw})
	dsn := c.DSN()
	pg := []string{"--backend", "postgres", "--dsn", dsn}
	cli := func(args ...string) (int, string, string) {
		t.Helper()
		code, out, errs := runIndexCLI(t, args...)
		if strings.Contains(out+errs, pw) || strings.Contains(out+errs, "pa55%27w") {
			t.Errorf("%v: the password shows:\n%s%s", args, out, errs)
		}
		return code, out, errs
	}
	if code, out, errs := cli(append([]string{"index", "--quiet"}, pg...)...); code != 0 || !strings.Contains(out, "indexed 10 documents") {
		t.Fatalf("index: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := cli(append([]string{"search", "--schema", "nosuch"}, append(pg, "书记")...)...); code == 0 || !strings.Contains(errs, "no fangtan index here") {
		t.Errorf("search without an index: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs := cli(append([]string{"search", "--json", "--city", "太原"}, append(pg, "振华")...)...)
	var res fangtan.Result
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Total == 0 || res.Hits[0].ID != "000_05aaf4ed1f0a3e45" {
		t.Fatalf("search: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := cli(append([]string{"quotes", "--speaker", "刘振华"}, append(pg, "口碑")...)...); code != 0 || !strings.Contains(out, "1 quotes") {
		t.Errorf("quotes: exit %d\n%s%s", code, out, errs)
	}
	// Serve, and add while it serves: the server sees the add.
	ctx, cancel := context.WithCancel(context.Background())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	served := make(chan int, 1)
	go func() {
		var o, e strings.Builder
		served <- run(ctx, append([]string{"serve", "--addr", addr}, pg...), &o, &e)
	}()
	defer func() {
		cancel()
		<-served
	}()
	total := func() uint64 {
		for range 100 {
			resp, err := http.Get("http://" + addr + "/api/search?q=" + "%22独一无二的测试短语%22")
			if err != nil {
				time.Sleep(100 * time.Millisecond)
				continue
			}
			defer resp.Body.Close()
			var r fangtan.Result
			if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
				t.Fatal(err)
			}
			return r.Total
		}
		t.Fatal("serve never answered")
		return 0
	}
	if n := total(); n != 0 {
		t.Fatalf("before the add: %d", n)
	}
	file := filepath.Join(t.TempDir(), "new.txt")
	if err := os.WriteFile(file, []byte("新的文章\n\n这是独一无二的测试短语。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 { // twice: no duplicate
		if code, out, errs := cli(append(append([]string{"add"}, pg...), file)...); code != 0 {
			t.Fatalf("add: exit %d\n%s%s", code, out, errs)
		}
	}
	if n := total(); n != 1 {
		t.Errorf("serve after the add: %d", n)
	}
	if code, out, errs := cli(append(append([]string{"delete"}, pg...), "new")...); code != 0 || !strings.Contains(out, "deleted 1") {
		t.Errorf("delete: exit %d\n%s%s", code, out, errs)
	}
	if n := total(); n != 0 {
		t.Errorf("serve after the delete: %d", n)
	}
}
