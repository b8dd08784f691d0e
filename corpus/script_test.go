package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"
)

// TestTraditionalPageSplitsTheSame converts the Simplified newspaper page
// to Traditional with OpenCC: the cleaner and splitter match folded text,
// so the same six articles, authors and turn prefixes must come out, with
// titles in the page's own script.
func TestTraditionalPageSplitsTheSame(t *testing.T) {
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatalf("opencc: %v", err)
	}
	raw, err := os.ReadFile("sample/004_d3b70392c8e47f1b.txt")
	if err != nil {
		t.Fatal(err)
	}
	trad, err := s2t.Convert(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	if trad == string(raw) {
		t.Fatal("conversion changed nothing")
	}
	p := writeFile(t, t.TempDir(), "004_trad.txt", []byte(trad))
	simp, _ := loadAll(t, "sample/004_d3b70392c8e47f1b.txt")
	got, _ := loadAll(t, p)
	if len(got) != len(simp) {
		t.Fatalf("%d articles from the Traditional page, %d from the Simplified", len(got), len(simp))
	}
	checkInvariants(t, got)
	for i := range got {
		wantTitle, _ := s2t.Convert(simp[i].Title)
		if got[i].Title != wantTitle {
			t.Errorf("article %d: title %q, want %q", i+1, got[i].Title, wantTitle)
		}
		if strings.Join(got[i].Authors, ",") != strings.Join(simp[i].Authors, ",") {
			t.Errorf("article %d: authors %v, want %v (folded to Simplified)", i+1, got[i].Authors, simp[i].Authors)
		}
		if len(got[i].Paragraphs) != len(simp[i].Paragraphs) {
			t.Errorf("article %d: %d paragraphs, want %d", i+1, len(got[i].Paragraphs), len(simp[i].Paragraphs))
		}
		if got[i].ID != strings.Replace(simp[i].ID, "004_d3b70392c8e47f1b", "004_trad", 1) || got[i].File != filepath.Base(p) {
			t.Errorf("article %d: id %q file %q", i+1, got[i].ID, got[i].File)
		}
	}
	if !strings.HasPrefix(got[0].Paragraphs[1], "記者:") {
		t.Errorf("interview turn prefix lost: %q", got[0].Paragraphs[1])
	}
}
