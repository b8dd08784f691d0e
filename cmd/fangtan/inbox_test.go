package main

// serve --inbox against the real binary: a dropped file becomes searchable
// within 5 s and moves to done; bad files move to failed with a reason;
// files being written are left alone; a kill -9 during live adds loses no
// acknowledged file and duplicates no document; a rebuild swapped in keeps
// what the inbox added meanwhile. See docs/reliability.md.

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"fangtan"
)

// dropFile writes data beside the inbox and renames it in, as writers
// should: the inbox never sees it half-written.
func dropFile(t *testing.T, inbox, name string, data []byte) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(inbox), ".drop-"+name)
	writeTestFile(t, tmp, data)
	if err := os.Rename(tmp, filepath.Join(inbox, name)); err != nil {
		t.Fatal(err)
	}
}

// names lists dir's entries, sorted; hidden ones only when hidden is set.
func names(t *testing.T, dir string, hidden bool) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if hidden || !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

func apiResult(t *testing.T, s *binServer, q string) fangtan.Result {
	t.Helper()
	status, body := s.get(t, "/api/search?q="+url.QueryEscape(q))
	if status != 200 {
		t.Fatalf("/api/search %q: status %d: %s", q, status, body)
	}
	var res fangtan.Result
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatalf("/api/search %q: %v", q, err)
	}
	return res
}

// suggestCount is the article count /api/suggest gives value.
func suggestCount(t *testing.T, s *binServer, value string) int {
	t.Helper()
	status, body := s.get(t, "/api/suggest?prefix="+url.QueryEscape(value))
	var res struct{ Suggestions []fangtan.Suggestion }
	if err := json.Unmarshal([]byte(body), &res); status != 200 || err != nil {
		t.Fatalf("/api/suggest %q: status %d, %v: %s", value, status, err, body)
	}
	for _, sg := range res.Suggestions {
		if sg.Value == value {
			return sg.Count
		}
	}
	return 0
}

func facetCount(res fangtan.Result, facet, value string) int {
	for _, f := range res.Facets[facet] {
		if f.Value == value {
			return f.Count
		}
	}
	return 0
}

func TestServeInboxAddsLive(t *testing.T) {
	fangtanBinary(t)
	root := t.TempDir()
	idx := filepath.Join(root, "idx")
	inbox := filepath.Join(root, "inbox")
	if err := os.Mkdir(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "index", "--index", idx, "--quiet") // the sample: no 白鹭洲
	srv, err := startBinServer(t, idx, "--inbox", inbox, "--inbox-poll", "300ms")
	if err != nil {
		t.Fatal(err)
	}
	// Warm the facet cache and the suggestions for a query whose answer
	// the new documents change: they must not be served stale.
	before := apiResult(t, srv, "园林")
	if n := facetCount(before, "source", "测试日报"); n != 0 {
		t.Fatalf("the sample already has source 测试日报 (%d)", n)
	}
	if n := suggestCount(t, srv, "周明"); n != 0 {
		t.Fatalf("the sample already suggests 周明 (%d)", n)
	}

	// A file still being written (a dot-file) is not taken.
	writeTestFile(t, filepath.Join(inbox, ".partial.jsonl"), []byte(`{"id":"half","text":"白鹭洲`))

	var data strings.Builder
	for i := range 3 {
		text := testArticle("白鹭洲", i)
		title, body, _ := strings.Cut(text, "\n")
		rec, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("live-%d", i), "title": title, "date": "2024-05-01", "source": "测试日报", "text": body})
		data.Write(append(rec, '\n'))
	}
	start := time.Now()
	dropFile(t, inbox, "live.jsonl", []byte(data.String()))
	var found time.Duration
	for {
		if res := apiResult(t, srv, `"白鹭洲"`); res.Total == 3 {
			found = time.Since(start)
			break
		} else if res.Total > 3 {
			t.Fatalf("%d documents for 3 records", res.Total)
		}
		if time.Since(start) > 5*time.Second {
			t.Fatalf("the dropped file was not searchable within 5 s\nserver output:\n%s", srv.out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("dropped file searchable after %v", found.Round(time.Millisecond))
	pollUntil(t, 5*time.Second, "live.jsonl moves to done", func() bool {
		_, err := os.Stat(filepath.Join(inbox, "done", "live.jsonl"))
		return err == nil
	})
	if got := names(t, inbox, false); !slices.Equal(got, []string{"done", "failed"}) {
		t.Errorf("inbox holds %q after the add, want only done and failed", got)
	}
	if got := names(t, filepath.Join(inbox, ".processing"), true); len(got) != 0 {
		t.Errorf(".processing holds %q after the add", got)
	}
	after := apiResult(t, srv, "园林")
	if n := facetCount(after, "source", "测试日报"); n != 3 {
		t.Errorf("source facet 测试日报 counts %d after the add, want 3 (a stale facet cache?)", n)
	}
	if n := suggestCount(t, srv, "周明"); n == 0 {
		t.Errorf("suggestions lack the new articles' 周明 after the add (a stale table?)")
	}

	// Bad files go to failed, each with a reason that says what is wrong.
	dropFile(t, inbox, "scan.pdf", []byte("%PDF-1.4 binary"))
	dropFile(t, inbox, "empty.txt", nil)
	dropFile(t, inbox, "broken.jsonl", []byte("{not json\n{\"id\": 3\n"))
	want := map[string]string{
		"scan.pdf":     "unsupported file type",
		"empty.txt":    "no documents could be read",
		"broken.jsonl": "no documents could be read",
	}
	for name, reason := range want {
		pollUntil(t, 10*time.Second, name+" moves to failed", func() bool {
			_, err := os.Stat(filepath.Join(inbox, "failed", name))
			return err == nil
		})
		b, err := os.ReadFile(filepath.Join(inbox, "failed", name+".reason"))
		if err != nil {
			t.Errorf("%s: no reason file: %v", name, err)
			continue
		}
		if !strings.Contains(string(b), reason) {
			t.Errorf("%s: reason %q does not say %q", name, b, reason)
		}
	}
	if _, err := os.Stat(filepath.Join(inbox, ".partial.jsonl")); err != nil {
		t.Errorf("the dot-file being written was taken: %v", err)
	}
	if res := apiResult(t, srv, `"白鹭洲"`); res.Total != 3 {
		t.Errorf("after the bad files, %d documents match, want 3", res.Total)
	}

	// The same file dropped again replaces its documents: done keeps both
	// versions, the index one copy of each document.
	dropFile(t, inbox, "live.jsonl", []byte(data.String()))
	pollUntil(t, 10*time.Second, "the second live.jsonl moves to done", func() bool {
		_, err := os.Stat(filepath.Join(inbox, "done", "live-2.jsonl"))
		return err == nil
	})
	if res := apiResult(t, srv, `"白鹭洲"`); res.Total != 3 {
		t.Errorf("after dropping the same file again, %d documents match, want 3", res.Total)
	}
	if code := srv.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("serve exited %d on SIGTERM:\n%s", code, srv.out.String())
	}
}

// TestServeInboxKill9 drops many files, kills the server with SIGKILL while
// it adds them, and starts it again: every file ends in done exactly once
// and the index holds every document once.
func TestServeInboxKill9(t *testing.T) {
	fangtanBinary(t)
	root := t.TempDir()
	idx := filepath.Join(root, "idx")
	inbox := filepath.Join(root, "inbox")
	if err := os.Mkdir(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "index", "--index", idx, "--quiet")
	const files, perFile = 40, 25
	for f := range files {
		p := filepath.Join(root, "drop", fmt.Sprintf("batch-%02d.jsonl", f))
		writeJSONL(t, p, fmt.Sprintf("k%02d", f), "白鹭洲", perFile)
	}
	srv, err := startBinServer(t, idx, "--inbox", inbox, "--inbox-poll", "100ms")
	if err != nil {
		t.Fatal(err)
	}
	for f := range files {
		name := fmt.Sprintf("batch-%02d.jsonl", f)
		if err := os.Rename(filepath.Join(root, "drop", name), filepath.Join(inbox, name)); err != nil {
			t.Fatal(err)
		}
	}
	done := filepath.Join(inbox, "done")
	processing := filepath.Join(inbox, ".processing")
	// Kill while a file is claimed, part-way through the files.
	pollUntil(t, 60*time.Second, "a quarter of the files are added and another is in flight", func() bool {
		return len(names(t, done, false)) >= files/4 && len(names(t, processing, true)) > 0
	})
	if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-srv.done
	inFlight := names(t, processing, true)
	acked := names(t, done, false)
	t.Logf("killed with %d files in done and %q in flight", len(acked), inFlight)
	if len(acked) == files {
		t.Fatal("every file was added before the kill; make the test longer")
	}

	srv, err = startBinServer(t, idx, "--inbox", inbox, "--inbox-poll", "100ms")
	if err != nil {
		t.Fatal(err)
	}
	pollUntil(t, 60*time.Second, "every file is in done", func() bool {
		return len(names(t, done, false)) >= files
	})
	var want []string
	for f := range files {
		want = append(want, fmt.Sprintf("batch-%02d.jsonl", f))
	}
	if got := names(t, done, false); !slices.Equal(got, want) {
		t.Errorf("done holds %q, want each file once: %q", got, want)
	}
	for _, dir := range []string{inbox, processing, filepath.Join(inbox, "failed")} {
		if got := names(t, dir, true); dir == inbox && !slices.Equal(got, []string{".processing", "done", "failed"}) || dir != inbox && len(got) != 0 {
			t.Errorf("%s holds %q", dir, got)
		}
	}
	res := apiResult(t, srv, `"白鹭洲"`)
	if res.Total != files*perFile {
		t.Errorf("%d documents match after the kill and restart, want %d (each once)", res.Total, files*perFile)
	}
	if code := srv.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("serve exited %d on SIGTERM:\n%s", code, srv.out.String())
	}
}
