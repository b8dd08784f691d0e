package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fangtan/internal/hugepages"
)

// TestServeRunsWithHugePages: where the kernel gives transparent huge pages
// only to memory that asks (mode "madvise"), the fangtan binary runs with
// glibc's hugetlb tunable, as the same process, so that jieba's dictionary
// loads on huge pages (internal/hugepages).
func TestServeRunsWithHugePages(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(mode), "[madvise]") {
		t.Skipf("skipping: the kernel's THP mode is %q, not madvise, so fangtan does not re-execute", bytes.TrimSpace(mode))
	}
	// This test binary imports what main imports, so it has re-executed
	// itself already; the server must do so on its own.
	t.Setenv("GLIBC_TUNABLES", "")
	fangtanBinary(t)
	idx := filepath.Join(t.TempDir(), "idx")
	mustRun(t, "index", "--index", idx, "--quiet")
	s, err := startBinServer(t, idx)
	if err != nil {
		t.Fatal(err)
	}
	// startBinServer saw the server's own output: the pid it started is
	// the process that answers, after its exec.
	environ, err := os.ReadFile("/proc/" + strconv.Itoa(s.cmd.Process.Pid) + "/environ")
	if err != nil {
		t.Fatal(err)
	}
	want := "GLIBC_TUNABLES=" + hugepages.Tunable + "=1"
	if !bytes.Contains(environ, []byte(want+"\x00")) {
		t.Errorf("serve's environment lacks %s:\n%s", want, bytes.ReplaceAll(environ, []byte{0}, []byte{'\n'}))
	}
	if code, _ := s.get(t, "/api/search?q="+"转型发展"); code != 200 {
		t.Errorf("search after the exec: status %d", code)
	}
}
