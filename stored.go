package fangtan

import (
	"encoding/json"
	"fmt"
)

// storedMeta is how every backend keeps an article's metadata: the
// Document without its text, paragraphs and quotes, which each keeps
// apart, and the paragraph lengths that split the text into paragraphs
// again.
type storedMeta struct {
	Document
	ParagraphLens []int `json:"paragraph_lens,omitempty"`
}

// EncodeMeta is d's metadata as a backend stores it (JSON), to be read
// back with DecodeMeta and the text.
func EncodeMeta(d *Document) ([]byte, error) {
	s := storedMeta{Document: *d}
	s.Text, s.Quotes, s.Words = "", nil, nil
	if len(d.Paragraphs) > 0 && d.TextIsParagraphs() {
		s.Paragraphs = nil
		s.ParagraphLens = make([]int, len(d.Paragraphs))
		for i, p := range d.Paragraphs {
			s.ParagraphLens[i] = len(p)
		}
	}
	return json.Marshal(&s)
}

// DecodeMeta rebuilds an article from EncodeMeta's metadata and its text,
// without quotes (an empty list).
func DecodeMeta(meta []byte, text string) (*Document, error) {
	var s storedMeta
	if err := json.Unmarshal(meta, &s); err != nil {
		return nil, fmt.Errorf("decode stored document: %w", err)
	}
	s.Text = text
	if s.ParagraphLens != nil {
		s.Paragraphs = make([]string, len(s.ParagraphLens))
		off := 0
		for i, n := range s.ParagraphLens {
			if n < 0 || off+n > len(text) {
				return nil, fmt.Errorf("decode stored document %s: paragraph %d runs past the text", s.ID, i)
			}
			s.Paragraphs[i] = text[off : off+n]
			off += n + 1
		}
	}
	s.Quotes = []Quote{}
	return &s.Document, nil
}
