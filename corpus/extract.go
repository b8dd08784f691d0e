package corpus

import (
	"fangtan"
	"fangtan/analyzer"
)

// Extractor finds officials, places, themes, keywords and quotes in an
// article. It is safe for concurrent use.
type Extractor struct {
	seg analyzer.Segmenter
}

// NewExtractor returns an Extractor using seg for person tags and keywords.
func NewExtractor(seg analyzer.Segmenter) (*Extractor, error) {
	return &Extractor{seg: seg}, nil
}

// Extract fills doc's Officials, Places, Themes, Keywords and Quotes from its
// Title and Paragraphs.
func (e *Extractor) Extract(doc *fangtan.Document) {
	// TODO(corpus issue)
}
