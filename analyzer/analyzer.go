// Package analyzer adapts jieba (gojieba) and OpenCC's Traditional→Simplified
// data to bleve: a word analyzer for ranking and an exact analyzer for quoted
// phrases, both reporting byte offsets into the original text.
//
// One jieba segmenter serves the process (Default). Indexing opens it with
// Configure, which loads the keyword extractor's idf and stop-word tables;
// a process that only cuts queries — fangtan serve over a built index —
// calls ConfigureForQueries instead (or OpenForQueries for its own
// instance): the same segmentation with placeholder keyword tables, which
// needs less memory and start-up time, and whose Keywords return nothing.
package analyzer

// Names under which the tokenizers and analyzers are registered with bleve.
// They are stored in index mappings, so they must never change.
const (
	WordTokenizerName  = "fangtan_word"
	WordAnalyzerName   = "fangtan_word"
	ExactTokenizerName = "fangtan_exact"
	ExactAnalyzerName  = "fangtan_exact"
)

// Segment is one word found by a Segmenter. Start and End are byte offsets
// into the text that was segmented.
type Segment struct {
	Text  string
	Start int
	End   int
	Tag   string // part-of-speech tag, only from Tag (nr = person, ns = place)
}

// Segmenter is what fangtan needs of jieba. Implementations are safe for
// concurrent use, so one instance serves the whole process.
type Segmenter interface {
	// Cut segments in precise mode: non-overlapping words covering the text.
	Cut(text string) []Segment
	// CutForSearch segments in search mode: the words of Cut plus their
	// dictionary sub-words (刘振华 also yields 振华).
	CutForSearch(text string) []Segment
	// Tag segments in precise mode and tags each word's part of speech.
	Tag(text string) []Segment
	// Keywords returns the k most salient words by TF-IDF.
	Keywords(text string, k int) []string
}
