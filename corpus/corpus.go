// Package corpus reads Chinese news pages and interviews (text, HTML,
// Markdown, JSON lines; UTF-8, GBK or Big5), removes the site chrome, splits
// pages that hold several articles, and extracts who, where, what, when and
// who said what into fangtan.Documents.
package corpus

import (
	"context"

	"fangtan"
)

// Problem is a file that could not be used, and why. Loading goes on after one.
type Problem struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func (p Problem) Error() string { return p.Path + ": " + p.Reason }

// Options configure Load.
type Options struct {
	// Extractor fills officials, places, themes, keywords and quotes.
	// Nil leaves them empty (page-level metadata is still read).
	Extractor *Extractor
}

// Report summarizes a Load.
type Report struct {
	Files     int       `json:"files"`
	Documents int       `json:"documents"`
	Bytes     int64     `json:"bytes"`
	Problems  []Problem `json:"problems"`
}

// Load reads every file under paths (files or directories, walked
// recursively) and calls emit once per extracted document, in a stable
// order. A file that cannot be read is recorded in the report and skipped.
// It stops early only when ctx is done or emit returns an error.
func Load(ctx context.Context, opts Options, paths []string, emit func(fangtan.Document) error) (Report, error) {
	return Report{}, nil // TODO(corpus issue)
}
