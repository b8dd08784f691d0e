package main

// Tests of issue 15's hardening against the real binary: a full disk and a
// signal end a build cleanly.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// writeRandomJSONL writes n records of random common Chinese characters:
// unlike testArticle's repeated sentences, each record brings new terms, so
// the index grows fast with the text (about 18 bytes of index per byte).
func writeRandomJSONL(t *testing.T, path string, n, runes int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(15, 15))
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range n {
		var text strings.Builder
		for j := range runes {
			if j%40 == 39 {
				text.WriteString("。\n")
				continue
			}
			text.WriteRune(rune(0x4e00 + rng.IntN(0x9fa5-0x4e00)))
		}
		if err := enc.Encode(map[string]string{
			"id": fmt.Sprintf("r-%d", i), "title": fmt.Sprintf("随机稿件第%d号", i),
			"date": "2020-01-02", "text": text.String(),
		}); err != nil {
			t.Fatal(err)
		}
	}
	writeTestFile(t, path, b.Bytes())
}

// mountTmpfs mounts a tmpfs of size at dir, unmounted at cleanup; it skips
// the test, saying so, when not root.
func mountTmpfs(t *testing.T, dir, size string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs (mount -t tmpfs -o size=" + size + ")")
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
}

// TestIndexOnFullDisk rebuilds an index on a tmpfs too small for the new
// one. The build must end within the time limit (it used to spin at full CPU
// for good, deaf to SIGTERM) with an error naming the path and the cause, a
// non-zero exit, no partial build left on the disk, and the old index
// answering as before.
func TestIndexOnFullDisk(t *testing.T) {
	fangtanBinary(t)
	mnt := t.TempDir()
	mountTmpfs(t, mnt, "8m")
	idx := filepath.Join(mnt, "idx")
	mustRun(t, "index", "--index", idx, "--quiet") // the sample: 1.4 MB
	before := faultSnapshot(t, idx)

	big := filepath.Join(t.TempDir(), "big.jsonl")
	writeRandomJSONL(t, big, 500, 600) // 0.9 MB of text, an index of about 16 MB: over the 6.6 MB left
	start := time.Now()
	r := fangtanRun(t, 90*time.Second, "index", "--index", idx, "--quiet", big)
	t.Logf("the build on a full disk ended in %v: %s", time.Since(start).Round(time.Millisecond), strings.TrimSpace(r.stderr))
	if r.code == 0 {
		t.Fatalf("the build on a full disk succeeded:\n%s", r.stdout)
	}
	for _, want := range []string{idx, "no space left on device"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("the error does not say %q:\n%s", want, r.stderr)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(mnt, ".idx.*")); len(m) > 0 {
		t.Errorf("the failed build left %v on the disk", m)
	}
	after := faultSnapshot(t, idx)
	for i, q := range faultQueries {
		if !sameJSON(before[i], after[i]) {
			t.Errorf("after a build that filled the disk, %q answers differently", q)
		}
	}
}

// TestIndexStopsOnSignal sends SIGINT or SIGTERM to a rebuild at the start
// (dictionaries loading, files being read) and while the new index is being
// written: it stops within seconds, says it was interrupted, exits non-zero,
// removes its partial build and leaves the old index answering as before.
func TestIndexStopsOnSignal(t *testing.T) {
	fangtanBinary(t)
	root := t.TempDir()
	idx := filepath.Join(root, "idx")
	mustRun(t, "index", "--index", idx, "--quiet")
	before := faultSnapshot(t, idx)
	big := filepath.Join(root, "big.jsonl")
	writeJSONL(t, big, "big", "鹭岛湾区", 4000)

	for _, tc := range []struct {
		name  string
		sig   syscall.Signal
		ready func() bool
	}{
		// Half a second in: past main's signal.Notify, still loading the
		// dictionaries (about a second).
		{"SIGINT at the start", syscall.SIGINT, func() bool { time.Sleep(500 * time.Millisecond); return true }},
		{"SIGTERM while writing", syscall.SIGTERM, func() bool {
			m, _ := filepath.Glob(filepath.Join(root, ".idx.building-*", "store", "*"))
			return len(m) > 1
		}},
		{"SIGINT while writing", syscall.SIGINT, func() bool {
			m, _ := filepath.Glob(filepath.Join(root, ".idx.building-*", "store", "*"))
			return len(m) > 1
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(fangtanBinary(t), "index", "--index", idx, "--quiet", big)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = cmd.Process.Kill() })
			pollUntil(t, 2*time.Minute, "the build reaches its stage", tc.ready)
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err == nil {
					t.Fatalf("the interrupted build exited 0:\n%s", out.String())
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("the build did not stop within 30 s of %v:\n%s", tc.sig, out.String())
			}
			if !strings.Contains(out.String(), "interrupted by") {
				t.Errorf("the build does not say it was interrupted:\n%s", out.String())
			}
			if m, _ := filepath.Glob(filepath.Join(root, ".idx.*")); len(m) > 0 {
				t.Errorf("the interrupted build left %v", m)
			}
			after := faultSnapshot(t, idx)
			for i, q := range faultQueries {
				if !sameJSON(before[i], after[i]) {
					t.Errorf("after an interrupted rebuild, %q answers differently", q)
				}
			}
		})
	}
}

// assertInert fails if out holds anything a terminal would obey: C0
// controls but newline and tab, DEL, C1 controls, bidirectional overrides,
// or invalid UTF-8.
func assertInert(t *testing.T, what, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s is not valid UTF-8:\n%q", what, out)
	}
	for i, r := range out {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("%s holds %U at byte %d: %q", what, r, i, out[max(0, i-40):min(len(out), i+40)])
			return
		}
	}
}

// TestHostileOutput indexes a record whose title, text and authors carry
// terminal escapes (an OSC window title, an OSC 8 link, a CR overwrite, a C1
// CSI, a right-to-left override) and are too long, a file whose name forges
// a report line, and a file whose name is not UTF-8. Index, search, quotes
// and extract print nothing a terminal would obey, no forged line, the
// title and authors cut with a note, and the non-UTF-8 name gives an id
// that the server opens.
func TestHostileOutput(t *testing.T) {
	fangtanBinary(t)
	root := t.TempDir()
	in := filepath.Join(root, "in")
	evil := "\x1b]0;pwned\x07\x1b]8;;http://evil.example/\x1b\\点这里\x1b]8;;\x1b\\\r覆盖\u009b31m\u202e反转\x7f"
	longTitle := "标题" + evil + strings.Repeat("长", 400)
	var authors []string
	for i := range 30 {
		authors = append(authors, fmt.Sprintf("作者%d", i))
	}
	authors[0] = strings.Repeat("名", 100)
	rec, _ := json.Marshal(map[string]any{"id": "hostile", "title": longTitle, "author": authors, "date": "2021-05-06",
		"text": "市委书记李慧在调研时说：“要把转机会议办好" + evil + "。”\n这是第二段，讲述转机会议的情况" + evil + "。"})
	writeTestFile(t, filepath.Join(in, "hostile.jsonl"), append(rec, '\n'))
	forged := "evil\nfangtan index: forged line\x1b[2K.txt"
	writeTestFile(t, filepath.Join(in, forged), nil) // empty: reported
	writeTestFile(t, filepath.Join(in, "gbk-\xb0\xa1.txt"), []byte("非UTF8文件名的稿件\n本报讯 转机会议今天召开，与会者讨论了转机会议的议程。\n"))
	idx := filepath.Join(root, "idx")

	r := mustRun(t, "index", "--index", idx, "--quiet", in)
	out := r.stdout + r.stderr
	assertInert(t, "fangtan index's output", out)
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "fangtan index: forged") {
			t.Errorf("a file name forged a line of the report: %q", line)
		}
	}
	for _, want := range []string{`evil\nfangtan index: forged line\x1b[2K.txt: empty`, "title of 460 characters cut to 300", "author of 100 characters cut to 50", "30 authors, only the first 20 kept"} {
		if !strings.Contains(out, want) {
			t.Errorf("fangtan index does not say %q:\n%s", want, out)
		}
	}
	for _, args := range [][]string{
		{"search", "--index", idx, "转机会议"},
		{"search", "--index", idx, "--json", "转机会议"},
		{"quotes", "--index", idx, "转机会议"},
		{"extract", in},
	} {
		r := fangtanRun(t, time.Minute, args...)
		assertInert(t, "fangtan "+strings.Join(args, " "), r.stdout+r.stderr)
		if r.code != 0 {
			t.Errorf("fangtan %v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	var res struct {
		Hits []struct {
			ID, Title string
			Authors   []string
		}
	}
	if err := json.Unmarshal([]byte(mustRun(t, "search", "--index", idx, "--json", "转机会议").stdout), &res); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, h := range res.Hits {
		ids[h.ID] = true
		if n := utf8.RuneCountInString(h.Title); n > 300 {
			t.Errorf("hit %s has a title of %d characters", h.ID, n)
		}
	}
	if !ids["hostile"] || !ids["gbk-%B0%A1"] {
		t.Fatalf("hits %v, want hostile and gbk-%%B0%%A1", ids)
	}

	s, err := startBinServer(t, idx)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := s.get(t, "/doc/"+url.PathEscape("gbk-%B0%A1")); code != 200 || !strings.Contains(body, "非UTF8文件名的稿件") {
		t.Errorf("the document from a non-UTF-8 file name: %d\n%.300s", code, body)
	}
	if code, _ := s.get(t, "/api/doc/"+url.PathEscape("gbk-%B0%A1")); code != 200 {
		t.Errorf("the API document from a non-UTF-8 file name: %d", code)
	}
}

// TestHostAllowListDefaults: which hosts fangtan serve answers to for an
// address and --allowed-hosts.
func TestHostAllowListDefaults(t *testing.T) {
	for _, tc := range []struct {
		addr, extra string
		want        []string // nil: any host
	}{
		{"127.0.0.1:8080", "", []string{"localhost", "127.0.0.1", "::1"}},
		{"[::1]:8080", "", []string{"localhost", "127.0.0.1", "::1"}},
		{"localhost:8080", "news.example", []string{"news.example", "localhost", "127.0.0.1", "::1"}},
		{"0.0.0.0:8080", "", nil},
		{":8080", "", nil},
		{"0.0.0.0:8080", "a.example, b.example", []string{"a.example", "b.example", "localhost", "127.0.0.1", "::1"}},
	} {
		t.Run(tc.addr+" "+tc.extra, func(t *testing.T) {
			if got := hostAllowList(tc.addr, tc.extra); strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("hostAllowList(%q, %q) = %q, want %q", tc.addr, tc.extra, got, tc.want)
			}
		})
	}
}

// TestServeRefusesOtherHosts: fangtan serve on loopback answers its
// loopback names and --allowed-hosts, and 403 to any other Host, as a page
// using DNS rebinding would send.
func TestServeRefusesOtherHosts(t *testing.T) {
	fangtanBinary(t)
	idx := filepath.Join(t.TempDir(), "idx")
	mustRun(t, "index", "--index", idx, "--quiet")
	s, err := startBinServer(t, idx, "--allowed-hosts", "news.example")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := strings.Cut(strings.TrimPrefix(s.base, "http://"), ":")
	for _, tc := range []struct {
		host   string
		status int
	}{
		{"", 200}, // 127.0.0.1:port
		{"localhost:" + port, 200},
		{"news.example", 200},
		{"rebind.attacker.example:" + port, 403},
	} {
		req, _ := http.NewRequest(http.MethodGet, s.base+"/api/search?q="+url.QueryEscape("刘振华"), nil)
		if tc.host != "" {
			req.Host = tc.host
		}
		resp, err := binClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("Host %q: %d, want %d", tc.host, resp.StatusCode, tc.status)
		}
	}
}
