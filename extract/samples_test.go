package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
)

// labelledSpeaker is a row of testdata/samples that a reader judged right:
// the quote whose text is in 【】 has this speaker.
type labelledSpeaker struct {
	file, id, text, speaker string
}

// TestLabelledSpeakersStillRight extracts the archive articles of every
// labelled sample of a shipped rule (testdata/samples; files whose first
// line says "not shipped" are left out) and checks that each quote a
// reader judged right with a named speaker still has that speaker. The
// samples measure extraction on the archives, so a rule that breaks what
// readers confirmed fails here and not only in the next sample. A row a
// later rule changed knowingly is listed, with why, in
// testdata/samples/relabelled.tsv; a listed row that is right again fails
// too, so that the list stays true. Skips without the shared corpus.
func TestLabelledSpeakersStillRight(t *testing.T) {
	rows := readLabelledSpeakers(t, filepath.Join("..", "testdata", "samples"))
	if len(rows) == 0 {
		t.Fatal("no labelled rows in testdata/samples")
	}
	relabelled := readRelabelled(t, filepath.Join("..", "testdata", "samples", "relabelled.tsv"))
	want := map[string]bool{}
	for _, r := range rows {
		want[r.id] = true
	}
	docs := extractArchiveArticles(t, want)
	stale := map[string]bool{}
	for key := range relabelled {
		stale[key] = true
	}
	for _, r := range rows {
		d, ok := docs[r.id]
		if !ok {
			t.Errorf("%s: article %s not found in the archives", r.file, r.id)
			continue
		}
		right := false
		for _, q := range d.Quotes {
			if sameQuote(q.Text, r.text) && (sameSpeaker(q.Speaker, r.speaker) || chineseNameOf(q.Speaker, r.speaker, d)) {
				right = true
			}
		}
		key := r.file + "\t" + r.id + "\t" + r.text
		if entry, listed := relabelledFor(relabelled, key); listed {
			if !right {
				delete(stale, entry)
			}
			continue
		}
		if !right {
			t.Errorf("%s: %s: %q was %s's by a reader; now %s", r.file, r.id, r.text, r.speaker, speakersOf(d, r.text))
		}
	}
	for key := range stale {
		t.Errorf("relabelled.tsv lists %q, which is right again or gone from the samples: take it out", key)
	}
}

// builtinAliases parses extract/data/aliases.txt once for sameSpeaker,
// which every labelled row's quotes call.
var builtinAliases = sync.OnceValue(DefaultAliases)

// sameSpeaker reports whether got names the person a reader labelled:
// the same name (folded: a reader copied 阿強 where names are now listed
// folded, 阿强), the name extract/data/aliases.txt lists them under (刘淑仪,
// her own name, is 叶刘淑仪), or the full Latin name of a family name the
// reader took for the person (Rogers, which fullLatinNames now writes
// Benedict Rogers where the article does), or of a given name (Raphael,
// now Raphael Cohen), or the whole transliterated name of a family name
// (威尔逊, now 娜奥米·威尔逊).
func sameSpeaker(got, labelled string) bool {
	return got == labelled || (labelled != "" && got == analyzer.Fold(labelled)) || (labelled != "" && got == builtinAliases().Canonical(labelled)) || (labelled != "" && !strings.Contains(labelled, " ") &&
		latinNameWord(labelled) && (strings.HasSuffix(got, " "+labelled) || strings.HasPrefix(got, labelled+" "))) ||
		(labelled != "" && strings.HasSuffix(got, "·"+labelled))
}

// chineseNameOf reports whether got is the name the article writes beside
// the one a reader labelled, in brackets either way: a Chinese name beside
// a Latin one (黄定邦（Michael）) or beside a nickname or a form of address
// (林昊德（阿德）, 黃月嫻（黃姐）), or right after it (鄧太廖秀英), which the
// extractor now lists the person under.
func chineseNameOf(got, labelled string, d fangtan.Document) bool {
	if got == "" || labelled == "" {
		return false
	}
	text := analyzer.Fold(d.Title + "\n" + d.Text)
	l := analyzer.Fold(labelled)
	return strings.Contains(text, got+"("+l+")") || strings.Contains(text, l+"("+got+")") ||
		(!latinNameWord(labelled) && strings.Contains(text, l+got))
}

// relabelledFor finds the relabelled entry whose file, id and text prefix
// match key (file, id and the quote's whole text, tab-separated).
func relabelledFor(relabelled map[string]string, key string) (string, bool) {
	for entry := range relabelled {
		if strings.HasPrefix(key, entry) {
			return entry, true
		}
	}
	return "", false
}

func speakersOf(d fangtan.Document, text string) string {
	var got []string
	for _, q := range d.Quotes {
		if sameQuote(q.Text, text) {
			got = append(got, "«"+q.Speaker+"»")
		}
	}
	if len(got) == 0 {
		return "no such quote"
	}
	return strings.Join(got, ", ")
}

// sameQuote reports whether two texts are the same quotation, one perhaps
// ending before the other: a rule that ends reported words where another
// person's begin (…；胡解釋，…) leaves the labelled start and speaker as
// they were.
func sameQuote(a, b string) bool {
	// Quotes labelled before trimEmphasis kept Markdown's marks at their
	// ends.
	a, b = trimEmphasisMarks(a), trimEmphasisMarks(b)
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return utf8.RuneCountInString(a) >= 8 && strings.HasPrefix(b, a)
}

// readLabelledSpeakers reads the rows labelled y with a named speaker from
// every sample of dir whose header names a speaker column and a paragraph
// column with the quote in 【】.
func readLabelledSpeakers(t *testing.T, dir string) []labelledSpeaker {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []labelledSpeaker
	for _, path := range files {
		name := filepath.Base(path)
		if name == "relabelled.tsv" {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		if len(lines) < 2 || strings.HasPrefix(lines[0], "# not shipped") {
			continue
		}
		speakerCol, quoteCol := -1, -1
		for i, c := range strings.Split(strings.TrimPrefix(lines[1], "# "), "\t") {
			switch {
			case c == "speaker" || c == "new speaker" || c == "speaker now":
				speakerCol = i
			case strings.Contains(c, "【】"):
				quoteCol = i
			}
		}
		if speakerCol < 0 || quoteCol < 0 {
			continue // a sample of dropped quotes, with no speaker to keep
		}
		for n, line := range lines[2:] {
			f := strings.Split(line, "\t")
			if len(f) <= max(speakerCol, quoteCol) {
				t.Fatalf("%s:%d: %d columns", name, n+3, len(f))
			}
			if f[0] != "y" || f[speakerCol] == "" || f[speakerCol] == "(none)" || f[speakerCol] == "(no quote)" {
				continue
			}
			ctx := f[quoteCol]
			open, end := strings.Index(ctx, "【"), strings.Index(ctx, "】")
			if open < 0 || end < open {
				t.Fatalf("%s:%d: no quote in 【】", name, n+3)
			}
			rows = append(rows, labelledSpeaker{file: name, id: f[1], text: ctx[open+len("【") : end], speaker: f[speakerCol]})
		}
	}
	return rows
}

// readRelabelled reads relabelled.tsv: file, id, the start of the quote's
// text, and why its label no longer holds, tab-separated.
func readRelabelled(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[3] == "" {
			t.Fatalf("%s:%d: want file, id, text and why", path, n+1)
		}
		out[f[0]+"\t"+f[1]+"\t"+f[2]] = f[3]
	}
	return out
}

// extractArchiveArticles extracts, as `fangtan extract` does, the articles
// of the shared archives whose ids are in want.
func extractArchiveArticles(t *testing.T, want map[string]bool) map[string]fangtan.Document {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "labelled.jsonl")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"hkcnews-10k.jsonl", "xwlb.jsonl"} {
		f := exSharedCorpus(t, name)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var rec struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if want[rec.ID] {
				out.Write(sc.Bytes())
				out.Write([]byte("\n"))
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f.Close()
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	docs := map[string]fangtan.Document{}
	_, err = corpus.Load(context.Background(), corpus.Options{Extractor: exNewTestExtractor(t)}, []string{path}, func(d fangtan.Document) error {
		docs[d.ID] = d
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}
