package main

// Tests of issue 15's hardening against the real binary: a full disk and a
// signal end a build cleanly.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
