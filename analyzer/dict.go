package analyzer

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed" // the dictionaries
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// The jieba dictionaries are embedded so that the binary runs on a machine
// without a Go module cache. jieba.dict.utf8, hmm_model.utf8, idf.utf8 and
// stop_words.utf8 are copied unchanged from github.com/yanyiwu/gojieba
// v1.4.7 (deps/cppjieba/dict, MIT License). user.dict.utf8 is ours: domain
// words and the officials of the sample corpus, in Simplified because
// segmentation runs on folded text. They are strings, not an embed.FS,
// because an FS copies each file to the heap on every read: 12 MB that a
// search server would carry until the runtime gives it back.
var (
	//go:embed dict/jieba.dict.utf8
	embeddedMain string
	//go:embed dict/hmm_model.utf8
	embeddedHMM string
	//go:embed dict/idf.utf8
	embeddedIDF string
	//go:embed dict/stop_words.utf8
	embeddedStop string
	//go:embed dict/user.dict.utf8
	embeddedUser string
)

// Dictionary file names, in an embedded set or a --dict-dir.
const (
	MainDictFile  = "jieba.dict.utf8"
	HMMModelFile  = "hmm_model.utf8"
	IDFFile       = "idf.utf8"
	StopWordsFile = "stop_words.utf8"
	UserDictFile  = "user.dict.utf8"
)

// dictPaths are the files gojieba opens.
type dictPaths struct {
	main, hmm, user, idf, stop string
}

// dictFiles are the dictionaries a Segmenter needs, in memory. The user
// dictionary is ours merged with the one a dict dir provides.
type dictFiles struct {
	main, hmm, idf, stop, user []byte
	// For the embedded set, the cache dir name and each file's SHA-256 are
	// known (embeddedDictName, embeddedSums), so an open checks the cached
	// copies by streaming them through SHA-256 instead of hashing and
	// comparing the 12 MB held in the binary, whose pages then stay
	// unread: less start-up time and RSS.
	name string
	sums [5]string // main, hmm, idf, stop, user
}

// embeddedDictName is materialize's directory name for the embedded set,
// and embeddedSums the SHA-256 of each embedded file; TestEmbeddedSums
// fails, naming the new values, when a dictionary changes.
const embeddedDictName = "dict-63118f2762e8f534"

// EmbeddedDictionaryID is the DictionaryID of the dictionaries built into
// fangtan, the ones used without a dict dir: an index can then say "the
// embedded dictionaries" instead of a hash.
const EmbeddedDictionaryID = embeddedDictName

// DictionarySource is implemented by the Segmenters of Open: they know
// the dict dir their dictionaries came from, which is what a user passes
// again to search an index built with them.
type DictionarySource interface {
	// DictionaryDir is the absolute dict dir, or "" for the embedded set.
	DictionaryDir() string
}

var embeddedSums = [5]string{
	"3043b77068e09c9904f27cad82f12b6ebe9dbdb5aeff3b25e45ab7f9c1122b55", // jieba.dict.utf8
	"f17790586ac86dd048c8adffed052c4bd2b28ed0682972c1275e59040c0589a7", // hmm_model.utf8
	"dbd1e03d72b2263cc8d84a4304ed77677eed9e7deaf43a1a5133bbba9733b535", // idf.utf8
	"b788b8a939d2e2fe079abd579ea98f12f9fb84370bfd0dddd81bb9381f7ab42c", // stop_words.utf8
	"2aa9ea6366bd0701c69c736b796c6011d1da8818452a1f4f2d43c35d3b467fbb", // user.dict.utf8
}

// readEmbedded returns an embedded dictionary without copying it. The
// bytes live in the binary's read-only data: nothing may write to them.
func readEmbedded(name string) []byte {
	var s string
	switch name {
	case MainDictFile:
		s = embeddedMain
	case HMMModelFile:
		s = embeddedHMM
	case IDFFile:
		s = embeddedIDF
	case StopWordsFile:
		s = embeddedStop
	case UserDictFile:
		s = embeddedUser
	default:
		panic(fmt.Sprintf("analyzer: no embedded dictionary %s", name))
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// loadDicts returns the dictionaries from dictDir, or the embedded ones
// when dictDir is "". Files from a dict dir are checked line by line,
// because cppjieba aborts the whole process on a malformed line.
func loadDicts(dictDir string) (*dictFiles, error) {
	ours := readEmbedded(UserDictFile)
	if dictDir == "" {
		return &dictFiles{
			main: readEmbedded(MainDictFile),
			hmm:  readEmbedded(HMMModelFile),
			idf:  readEmbedded(IDFFile),
			stop: readEmbedded(StopWordsFile),
			user: ours,
			name: embeddedDictName,
			sums: embeddedSums,
		}, nil
	}
	st, err := os.Stat(dictDir)
	if err != nil {
		return nil, fmt.Errorf("dictionary dir: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("dictionary dir %s: not a directory", dictDir)
	}
	d := &dictFiles{}
	for _, f := range []struct {
		name  string
		dst   *[]byte
		check func([]byte) error
	}{
		{MainDictFile, &d.main, checkMainDict},
		{HMMModelFile, &d.hmm, checkHMMModel},
		{IDFFile, &d.idf, checkIDF},
		{StopWordsFile, &d.stop, checkStopWords},
	} {
		path := filepath.Join(dictDir, f.name)
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("dictionary %s: %w", path, err)
		}
		if err := f.check(b); err != nil {
			return nil, fmt.Errorf("dictionary %s: %w", path, err)
		}
		*f.dst = b
	}
	d.user = ours
	path := filepath.Join(dictDir, UserDictFile)
	theirs, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("dictionary %s: %w", path, err)
	default:
		if err := checkUserDict(theirs); err != nil {
			return nil, fmt.Errorf("dictionary %s: %w", path, err)
		}
		merged := append(bytes.Clone(ours), '\n')
		d.user = append(merged, theirs...)
	}
	return d, nil
}

// forEachLine calls f with every line of b and its 1-based number.
func forEachLine(b []byte, f func(n int, line string) error) error {
	if !utf8.Valid(b) {
		return errors.New("not valid UTF-8")
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		if err := f(n, sc.Text()); err != nil {
			return err
		}
	}
	return sc.Err()
}

// checkMainDict: every line is "word freq tag" with freq > 0.
func checkMainDict(b []byte) error {
	lines := 0
	err := forEachLine(b, func(n int, line string) error {
		fields := strings.Split(strings.TrimRight(line, "\r"), " ")
		if len(fields) != 3 || fields[0] == "" || fields[2] == "" {
			return fmt.Errorf("line %d: want \"word frequency tag\", got %q", n, line)
		}
		if f, err := strconv.ParseFloat(fields[1], 64); err != nil || f <= 0 {
			return fmt.Errorf("line %d: frequency %q is not a positive number", n, fields[1])
		}
		lines++
		return nil
	})
	if err == nil && lines == 0 {
		err = errors.New("empty")
	}
	return err
}

// checkHMMModel follows cppjieba's HMMModel::LoadModel: after skipping blank
// and '#' lines, one line of 4 start probabilities, 4 lines of 4 transition
// probabilities, then 4 lines of "rune:prob,..." emission probabilities.
func checkHMMModel(b []byte) error {
	var lines []string
	forEachErr := forEachLine(b, func(n int, line string) error {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
		return nil
	})
	if forEachErr != nil {
		return forEachErr
	}
	if len(lines) < 9 {
		return fmt.Errorf("want 9 model lines, found %d", len(lines))
	}
	for i := 0; i < 5; i++ {
		if len(strings.Split(lines[i], " ")) != 4 {
			return fmt.Errorf("model line %d: want 4 probabilities", i+1)
		}
	}
	for i := 5; i < 9; i++ {
		for _, pair := range strings.Split(lines[i], ",") {
			r, _, ok := strings.Cut(pair, ":")
			if !ok || strings.Count(pair, ":") != 1 || utf8.RuneCountInString(r) != 1 {
				return fmt.Errorf("model line %d: bad emission entry %q", i+1, pair)
			}
		}
	}
	return nil
}

// checkIDF: lines of "word idf" with a positive average.
func checkIDF(b []byte) error {
	lines, sum := 0, 0.0
	err := forEachLine(b, func(n int, line string) error {
		lines++
		if word, v, ok := strings.Cut(line, " "); ok && word != "" {
			f, _ := strconv.ParseFloat(v, 64)
			sum += f
		}
		return nil
	})
	if err == nil && (lines == 0 || sum <= 0) {
		err = errors.New("no positive idf values")
	}
	return err
}

func checkStopWords(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return errors.New("empty")
	}
	return forEachLine(b, func(int, string) error { return nil })
}

// checkUserDict: lines of "word", "word tag" or "word freq tag".
func checkUserDict(b []byte) error {
	return forEachLine(b, func(n int, line string) error {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			return nil
		}
		fields := strings.Split(line, " ")
		if len(fields) > 3 || fields[0] == "" {
			return fmt.Errorf("line %d: want \"word [frequency] [tag]\", got %q", n, line)
		}
		if len(fields) == 3 {
			if f, err := strconv.Atoi(fields[1]); err != nil || f <= 0 {
				return fmt.Errorf("line %d: frequency %q is not a positive integer", n, fields[1])
			}
		}
		return nil
	})
}

// materialize writes the dictionaries to a directory named by a hash of
// their content, because gojieba only reads files. The directory is reused
// by later runs and by other processes; files are written under a temporary
// name and renamed, so a reader never sees half a file.
func materialize(d *dictFiles) (dictPaths, error) {
	name := d.name
	if name == "" {
		name = dictSetName(d)
	}
	var bases []string
	if dir, err := os.UserCacheDir(); err == nil {
		bases = append(bases, filepath.Join(dir, "fangtan"))
	}
	bases = append(bases, filepath.Join(os.TempDir(), "fangtan-"+strconv.Itoa(os.Getuid())))
	var errs []error
	for _, base := range bases {
		dir := filepath.Join(base, name)
		p, err := writeDicts(dir, d)
		if err == nil {
			return p, nil
		}
		errs = append(errs, err)
	}
	return dictPaths{}, fmt.Errorf("extracting dictionaries: %w", errors.Join(errs...))
}

func writeDicts(dir string, d *dictFiles) (dictPaths, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return dictPaths{}, err
	}
	p := dictPaths{
		main: filepath.Join(dir, MainDictFile),
		hmm:  filepath.Join(dir, HMMModelFile),
		idf:  filepath.Join(dir, IDFFile),
		stop: filepath.Join(dir, StopWordsFile),
		user: filepath.Join(dir, UserDictFile),
	}
	for i, f := range []struct {
		path string
		data []byte
	}{{p.main, d.main}, {p.hmm, d.hmm}, {p.idf, d.idf}, {p.stop, d.stop}, {p.user, d.user}} {
		if d.sums[i] != "" && hasSum(f.path, len(f.data), d.sums[i]) {
			continue
		}
		if err := writeFileAtomic(f.path, f.data); err != nil {
			return dictPaths{}, err
		}
	}
	return p, nil
}

// dictSetName names a dictionary set's cache dir by a hash of its content.
func dictSetName(d *dictFiles) string {
	h := sha256.New()
	for _, b := range [][]byte{d.main, d.hmm, d.idf, d.stop, d.user} {
		fmt.Fprintf(h, "%d\n", len(b))
		h.Write(b)
	}
	return "dict-" + hex.EncodeToString(h.Sum(nil))[:16]
}

// hasSum reports whether the file at path has size bytes and the given
// SHA-256, reading it in small pieces.
func hasSum(path string, size int, sum string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.Size() != int64(size) {
		return false
	}
	h := sha256.New()
	if _, err := io.CopyBuffer(h, f, make([]byte, 64<<10)); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == sum
}

// writeFileAtomic makes path hold data, writing under a temporary name and
// renaming so that a concurrent reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	// Compare contents, not just sizes: a file changed in place must
	// not silently change segmentation.
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// queryIDF and queryStopWords stand in for idf.utf8 and stop_words.utf8
// when a segmenter is opened for queries only. cppjieba needs the files to
// exist and asserts (aborting the process) that each has at least one
// line, so each gets one line; its keyword tables then cost nothing.
const (
	queryIDFFile       = "idf.queries.utf8"
	queryStopWordsFile = "stop_words.queries.utf8"
	queryIDF           = "一 1\n"
	queryStopWords     = "的\n"
)

// OpenForQueries is Open for a process that only segments — a search
// server cutting queries, whose index is already built: cppjieba's keyword
// extractor gets placeholder tables instead of the 260,000-word idf table,
// which saves memory and start-up time. Cut, CutForSearch and Tag are the
// same as Open's; Keywords returns nothing and its TFIDF fails with
// ErrQueriesOnly, so it must not be used to extract documents for indexing.
func OpenForQueries(dictDir string) (Segmenter, error) {
	return open(dictDir, true)
}

// Open returns a jieba Segmenter using the dictionaries in dictDir, or the
// embedded ones when dictDir is "". A dict dir must hold jieba.dict.utf8,
// hmm_model.utf8, idf.utf8 and stop_words.utf8; its user.dict.utf8, if any,
// is merged with fangtan's own user dictionary. Loading takes about a
// second, so share the result (see Default).
func Open(dictDir string) (Segmenter, error) {
	return open(dictDir, false)
}

func open(dictDir string, queriesOnly bool) (Segmenter, error) {
	d, err := loadDicts(dictDir)
	if err != nil {
		return nil, err
	}
	p, err := materialize(d)
	if err != nil {
		return nil, err
	}
	if dictDir != "" {
		if abs, err := filepath.Abs(dictDir); err == nil {
			dictDir = abs
		}
	}
	if !queriesOnly {
		s, err := newJieba(p)
		if err != nil {
			return nil, err
		}
		s.dir = dictDir
		return s, nil
	}
	dir := filepath.Dir(p.main)
	p.idf, p.stop = filepath.Join(dir, queryIDFFile), filepath.Join(dir, queryStopWordsFile)
	for _, f := range []struct{ path, data string }{{p.idf, queryIDF}, {p.stop, queryStopWords}} {
		if err := writeFileAtomic(f.path, []byte(f.data)); err != nil {
			return nil, fmt.Errorf("extracting dictionaries: %w", err)
		}
	}
	s, err := newJieba(p)
	if err != nil {
		return nil, err
	}
	s.dir = dictDir
	return querySegmenter{s}, nil
}

// querySegmenter hides the keyword methods of a segmenter whose keyword
// tables are placeholders.
type querySegmenter struct{ s *jiebaSegmenter }

func (q querySegmenter) Cut(text string) []Segment          { return q.s.Cut(text) }
func (q querySegmenter) CutForSearch(text string) []Segment { return q.s.CutForSearch(text) }
func (q querySegmenter) Tag(text string) []Segment          { return q.s.Tag(text) }
func (q querySegmenter) DictionaryID() string               { return q.s.DictionaryID() }
func (q querySegmenter) DictionaryDir() string              { return q.s.DictionaryDir() }
func (q querySegmenter) ExpandForSearch(text string, words []string) ([]Segment, error) {
	return q.s.ExpandForSearch(text, words)
}

// Keywords returns nothing: the segmenter was opened for queries only.
func (q querySegmenter) Keywords(string, int) []string { return nil }

// TFIDF fails, so that a document extractor given this segmenter says so
// instead of indexing documents without keywords.
func (q querySegmenter) TFIDF() (*TFIDF, error) { return nil, ErrQueriesOnly }

// ErrQueriesOnly is the error of a keyword ranker opened for queries only.
var ErrQueriesOnly = errors.New("segmenter opened for queries only (OpenForQueries, ConfigureForQueries): it has no keyword tables")

var shared struct {
	sync.Mutex
	seg         Segmenter
	dir         string
	queriesOnly bool
}

// Configure sets the dictionary dir that Default opens ("" for the embedded
// dictionaries). It must be called before the first Default.
func Configure(dictDir string) error {
	return configure(dictDir, false)
}

// ConfigureForQueries is Configure for a process that only segments
// queries (fangtan serve): Default then opens with OpenForQueries, which
// needs less memory and time. Call it before the first Default; a process
// that extracts documents for indexing must use Configure instead.
func ConfigureForQueries(dictDir string) error {
	return configure(dictDir, true)
}

func configure(dictDir string, queriesOnly bool) error {
	shared.Lock()
	defer shared.Unlock()
	if shared.seg != nil {
		if dictDir != shared.dir {
			return fmt.Errorf("dictionary dir %q: the shared segmenter is already open with %q", dictDir, shared.dir)
		}
		if !queriesOnly && shared.queriesOnly {
			return fmt.Errorf("dictionary dir %q: the shared segmenter is already open for queries only, without keyword tables", dictDir)
		}
		return nil // a full segmenter serves queries too
	}
	shared.dir = dictDir
	shared.queriesOnly = queriesOnly
	return nil
}

// SetDefault replaces the process-wide Segmenter that Default returns.
func SetDefault(s Segmenter) {
	shared.Lock()
	defer shared.Unlock()
	shared.seg = s
}

// Default returns the process-wide Segmenter, opening it on first use from
// the dir given to Configure (embedded dictionaries by default). A failed
// open is not remembered, so a later call may succeed.
func Default() (Segmenter, error) {
	shared.Lock()
	defer shared.Unlock()
	if shared.seg != nil {
		return shared.seg, nil
	}
	s, err := open(shared.dir, shared.queriesOnly)
	if err != nil {
		return nil, err
	}
	shared.seg = s
	return s, nil
}
