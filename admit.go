package fangtan

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// The rules by which every backend admits a document, so that all of them
// index the same documents.

// MaxDocumentBytes caps the text of one document. Analysis holds about 150
// bytes per byte of a document's text at once (a 50 MB one-line file took
// 7.5 GB and 3.5 minutes), while the longest article of the shared corpora
// is 109 KB: anything near this cap is a dump, not an article.
const MaxDocumentBytes = 2 << 20

// Caps on a document's names, which every hit, page and export repeats: a
// 3.6 MB title was indexed and returned in full with each hit. The longest
// title of the shared corpora (xwlb, hkcnews-10k) has 110 characters, the
// longest author 14.
const (
	// MaxTitleRunes: a longer title is cut there, with "…".
	MaxTitleRunes = 300
	// MaxAuthorRunes: a longer author is cut there, with "…".
	MaxAuthorRunes = 50
	// MaxAuthors: the authors after this many are dropped.
	MaxAuthors = 20
	// MaxIDBytes: a document with a longer id is skipped: the web refuses
	// longer ids, so it could never be opened.
	MaxIDBytes = 512
)

// Admit checks a document a build or an add is given. skip, when not
// empty, is why the document is left out; otherwise Admit records its id
// in seen (id → file, for the message of a later duplicate) and cuts its
// title and authors to the caps, saying in cut what it cut.
func Admit(d *Document, seen map[string]string) (skip string, cut []string) {
	switch {
	case d.ID == "":
		return "document without an id", nil
	case len(d.Text) > MaxDocumentBytes:
		return fmt.Sprintf("text of %.1f MB is longer than a document may be (%d MB)", float64(len(d.Text))/1e6, MaxDocumentBytes>>20), nil
	case len(d.ID) > MaxIDBytes:
		return fmt.Sprintf("id of %d bytes is longer than an id may be (%d)", len(d.ID), MaxIDBytes), nil
	case strings.Contains(d.ID, "#q"):
		return `id contains "#q", which names quotes`, nil
	}
	if prev, dup := seen[d.ID]; dup {
		return fmt.Sprintf("duplicate id %q (also in %s)", d.ID, prev), nil
	}
	seen[d.ID] = d.File
	return "", capNames(d)
}

// capNames cuts d's title and authors to the caps above and says what it
// cut, for the build's report.
func capNames(d *Document) []string {
	var notes []string
	if n := utf8.RuneCountInString(d.Title); n > MaxTitleRunes {
		d.Title = cutRunes(d.Title, MaxTitleRunes)
		notes = append(notes, fmt.Sprintf("title of %d characters cut to %d", n, MaxTitleRunes))
	}
	if len(d.Authors) > MaxAuthors {
		notes = append(notes, fmt.Sprintf("%d authors, only the first %d kept", len(d.Authors), MaxAuthors))
		d.Authors = d.Authors[:MaxAuthors:MaxAuthors]
	}
	for i, a := range d.Authors {
		if n := utf8.RuneCountInString(a); n > MaxAuthorRunes {
			d.Authors = slices.Clone(d.Authors)
			d.Authors[i] = cutRunes(a, MaxAuthorRunes)
			notes = append(notes, fmt.Sprintf("author of %d characters cut to %d", n, MaxAuthorRunes))
		}
	}
	return notes
}

// cutRunes keeps the first n-1 runes of s and adds "…".
func cutRunes(s string, n int) string {
	i := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}
