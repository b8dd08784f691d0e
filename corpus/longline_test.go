package corpus

import (
	"context"
	"io"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// repeatReader yields n bytes of b over and over, so a test can feed a
// reader a line far longer than it would want to hold in memory.
type repeatReader struct {
	b byte
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), r.n)
	for i := range p[:k] {
		p[i] = r.b
	}
	r.n -= k
	return int(k), nil
}

// TestJSONLinesLongLineIsStreamed: a 200 MB line is skipped and named with
// its size and the cap, the lines around it are read, and reading it
// allocates a small fraction of its size (the cap, 8 MB, plus buffers)
// rather than the whole line (it took 2.3 GB for a 1 GB line).
func TestJSONLinesLongLineIsStreamed(t *testing.T) {
	const long = 200 << 20
	good := func(id string) string { return `{"id": "` + id + `", "title": "标题", "text": "正文。"}` + "\n" }
	for _, tc := range []struct {
		name     string
		r        func() io.Reader
		wantIDs  []string
		wantPath string
	}{
		{"in the middle", func() io.Reader {
			return io.MultiReader(strings.NewReader(good("a")), strings.NewReader(`{"id": "huge", "text": "`),
				&repeatReader{'x', long}, strings.NewReader("\"}\n"), strings.NewReader(good("c")))
		}, []string{"a", "c"}, "big.jsonl:2"},
		{"last, without a newline", func() io.Reader {
			return io.MultiReader(strings.NewReader(good("a")), &repeatReader{'x', long})
		}, []string{"a"}, "big.jsonl:2"},
		{"exactly at the cap is read", func() io.Reader {
			head := `{"id": "edge", "text": "`
			tail := "\"}\n"
			return io.MultiReader(strings.NewReader(head), &repeatReader{'x', int64(MaxLineBytes - len(head) - len(tail))}, strings.NewReader(tail))
		}, []string{"edge"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			var problems []Problem
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			err := readJSONLines(context.Background(), tc.r(), input{display: "big.jsonl", rel: "big.jsonl"}, "big",
				func(p page) error { ids = append(ids, p.id); return nil },
				func(p Problem) { problems = append(problems, p) })
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(ids, ",") != strings.Join(tc.wantIDs, ",") {
				t.Errorf("records %v, want %v", ids, tc.wantIDs)
			}
			if tc.wantPath == "" {
				if len(problems) > 0 {
					t.Errorf("problems %v, want none", problems)
				}
			} else if len(problems) != 1 || problems[0].Path != tc.wantPath || !strings.Contains(problems[0].Reason, "longer than a JSON-lines record may be (8 MB)") {
				t.Errorf("problems %+v, want one for %s saying the line is too long", problems, tc.wantPath)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("reading allocated %d MB; a long line must not be held in memory", alloc>>20)
			}
		})
	}
}

// TestSpecialFilesInAFolderAreNamed: a named pipe and a socket inside a
// folder are skipped without being opened (a pipe would wait for a writer)
// and named with their kind; the good file beside them is read.
func TestSpecialFilesInAFolderAreNamed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "good.txt", []byte("标题\n正文第一段。\n"))
	for _, name := range []string{"pipe.txt", "pipe-no-ext"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	ln, err := net.Listen("unix", filepath.Join(dir, "sock.txt"))
	if err != nil {
		t.Skipf("unix socket: %v", err)
	}
	defer ln.Close()
	docs, rep := loadAll(t, dir)
	if len(docs) != 1 {
		t.Errorf("got %d documents, want the good one", len(docs))
	}
	for _, want := range []string{"pipe.txt: not a regular file (p", "pipe-no-ext: not a regular file (p", "sock.txt: not a regular file (S"} {
		found := false
		for _, p := range rep.Problems {
			found = found || strings.Contains(p.Path+": "+p.Reason, want)
		}
		if !found {
			t.Errorf("problems %v do not name %q", rep.Problems, want)
		}
	}
}
