package analyzer

// This is the only file that touches gojieba (and so cgo).

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"
)

// jiebaSegmenter adapts gojieba. cppjieba's segmentation methods are const
// and keep no per-call state, so one instance serves concurrent callers.
type jiebaSegmenter struct {
	j     *gojieba.Jieba
	paths dictPaths
	dir   string // the dict dir it was opened from, "" for the embedded set

	tfidfOnce sync.Once
	tfidf     *TFIDF
	tfidfErr  error

	subWordsOnce sync.Once
	subWords     *subWords
	subWordsErr  error
}

// newJieba checks the files itself because gojieba panics on a missing
// file and cppjieba aborts the process on an unreadable one.
func newJieba(p dictPaths) (*jiebaSegmenter, error) {
	for _, path := range []string{p.main, p.hmm, p.user, p.idf, p.stop} {
		if strings.ContainsAny(path, "|;") {
			// cppjieba splits the user dictionary path on these.
			return nil, fmt.Errorf("dictionary %s: path must not contain '|' or ';'", path)
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("dictionary %s: %w", path, err)
		}
		f.Close()
	}
	return &jiebaSegmenter{j: gojieba.NewJieba(p.main, p.hmm, p.user, p.idf, p.stop), paths: p}, nil
}

// cstrSafe prepares text for C: a NUL byte would end the C string early and
// invalid UTF-8 makes cppjieba drop the whole sentence, so both become
// spaces, which keeps every byte offset valid for the original text.
func cstrSafe(text string) string {
	if strings.IndexByte(text, 0) < 0 && utf8.ValidString(text) {
		return text
	}
	b := []byte(text)
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r == 0 || (r == utf8.RuneError && w == 1) {
			b[i] = ' '
		}
		i += w
	}
	return string(b)
}

func (s *jiebaSegmenter) tokenize(text string, mode gojieba.TokenizeMode) []Segment {
	if text == "" {
		return nil
	}
	safe := cstrSafe(text)
	words := s.j.Tokenize(safe, mode, true)
	segs := make([]Segment, 0, len(words))
	for _, w := range words {
		segs = append(segs, Segment{Text: text[w.Start:w.End], Start: w.Start, End: w.End})
	}
	return segs
}

func (s *jiebaSegmenter) Cut(text string) []Segment {
	return s.tokenize(text, gojieba.DefaultMode)
}

func (s *jiebaSegmenter) CutForSearch(text string) []Segment {
	return s.tokenize(text, gojieba.SearchMode)
}

// Tag finds each tagged word's offsets by scanning forward: jieba's precise
// mode returns the words in text order, covering the text.
func (s *jiebaSegmenter) Tag(text string) []Segment {
	if text == "" {
		return nil
	}
	safe := cstrSafe(text)
	tagged := s.j.Tag(safe)
	segs := make([]Segment, 0, len(tagged))
	at := 0
	for _, wt := range tagged {
		i := strings.LastIndexByte(wt, '/')
		if i <= 0 {
			continue
		}
		word, tag := wt[:i], wt[i+1:]
		j := strings.Index(safe[at:], word)
		if j < 0 {
			continue
		}
		start := at + j
		end := start + len(word)
		segs = append(segs, Segment{Text: text[start:end], Start: start, End: end, Tag: tag})
		at = end
	}
	return segs
}

func (s *jiebaSegmenter) Keywords(text string, k int) []string {
	if text == "" || k <= 0 {
		return nil
	}
	return s.j.Extract(cstrSafe(text), k)
}

// TFIDF loads the same idf and stop-word files cppjieba was given, once.
func (s *jiebaSegmenter) TFIDF() (*TFIDF, error) {
	s.tfidfOnce.Do(func() {
		s.tfidf, s.tfidfErr = loadTFIDF(s.paths.idf, s.paths.stop)
		if s.tfidfErr != nil {
			s.tfidfErr = fmt.Errorf("keyword tables: %w", s.tfidfErr)
		}
	})
	return s.tfidf, s.tfidfErr
}

// DictionaryID is the name of the directory the dictionaries were written
// to, which is a hash of their content (see materialize).
func (s *jiebaSegmenter) DictionaryID() string {
	return filepath.Base(filepath.Dir(s.paths.main))
}

// DictionaryDir implements DictionarySource.
func (s *jiebaSegmenter) DictionaryDir() string { return s.dir }

// ExpandForSearch loads the dictionary's two- and three-rune words from the
// same main and user dictionary files cppjieba was given, once.
func (s *jiebaSegmenter) ExpandForSearch(text string, words []string) ([]Segment, error) {
	s.subWordsOnce.Do(func() {
		s.subWords, s.subWordsErr = loadSubWords(s.paths.main, s.paths.user)
	})
	if s.subWordsErr != nil {
		return nil, s.subWordsErr
	}
	return s.subWords.expandForSearch(text, words)
}
