package analyzer

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// TSCharacters.txt is OpenCC's Traditional→Simplified character table,
// copied unchanged from github.com/longbridgeapp/opencc v0.3.13
// (dictionary/TSCharacters.txt), which bundles the data of the OpenCC
// project (https://github.com/BYVoid/OpenCC), licensed under the Apache
// License 2.0. Each line is "traditional<TAB>simplified [alternatives...]".
//
//go:embed TSCharacters.txt
var tsCharacters string

// variants.txt is fangtan's own table of variant characters that OpenCC's
// leaves alone (衞 for 衛, 巿 for 市): "variant simplified" a line.
//
//go:embed variants.txt
var variantCharacters string

var (
	t2sOnce  sync.Once
	t2sTable *foldTable
)

// foldTable holds the Traditional→Simplified mapping: a flat array for the
// Basic Multilingual Plane, where the analyzers spend their time, and a map
// for the few supplementary characters.
type foldTable struct {
	bmp   []rune // indexed by rune; 0 means unchanged
	other map[rune]rune
}

func (t *foldTable) lookup(r rune) (rune, bool) {
	if r < 0x10000 {
		s := t.bmp[r]
		return s, s != 0
	}
	s, ok := t.other[r]
	return s, ok
}

// t2s returns the Traditional→Simplified table, built on first use so that
// importing the package costs nothing.
func t2s() *foldTable {
	t2sOnce.Do(func() {
		t := &foldTable{bmp: make([]rune, 0x10000), other: map[rune]rune{}}
		set := func(k, v rune) {
			if k < 0x10000 {
				t.bmp[k] = v
			} else {
				t.other[k] = v
			}
		}
		for k, v := range parseTSCharacters(tsCharacters) {
			set(k, v)
		}
		for k, v := range parseVariants(variantCharacters) {
			set(k, v)
		}
		t2sTable = t
	})
	return t2sTable
}

// parseTSCharacters keeps the first candidate of every single-character
// entry. Entries whose key or first candidate is longer than one rune are
// skipped: Fold promises the same rune count as its input.
func parseTSCharacters(data string) map[rune]rune {
	m := make(map[rune]rune, 4200)
	for line := range strings.Lines(data) {
		line = strings.TrimRight(line, "\r\n")
		key, vals, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(key) != 1 {
			continue
		}
		first, _, _ := strings.Cut(strings.TrimSpace(vals), " ")
		if utf8.RuneCountInString(first) != 1 {
			continue
		}
		k, _ := utf8.DecodeRuneInString(key)
		v, _ := utf8.DecodeRuneInString(first)
		if k != v {
			m[k] = v
		}
	}
	return m
}

// parseVariants reads variants.txt: a variant, a space and its Simplified
// character a line. A line that is not two single characters is skipped;
// TestVariants holds the file to that form.
func parseVariants(data string) map[rune]rune {
	m := map[rune]rune{}
	for line := range strings.Lines(data) {
		fields := strings.Fields(line)
		if len(fields) != 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		k, kn := utf8.DecodeRuneInString(fields[0])
		v, vn := utf8.DecodeRuneInString(fields[1])
		if kn == len(fields[0]) && vn == len(fields[1]) {
			m[k] = v
		}
	}
	return m
}

// foldRune is the per-rune normalization behind Fold.
func foldRune(r rune, table *foldTable) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII forms
		r -= 0xFF01 - 0x21
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case r == 0x3000: // ideographic space
		return ' '
	case r == '・' || r == '•' || r == '‧' || r == '･':
		// The middle dots that join a foreign name's parts (加雷思・埃文斯)
		// are one, so the name is one value whichever the text used.
		return '·'
	case r >= 0x2E80 && r < 0xA000:
		// CJK radicals to the unified ideographs, most of any text
		// here: no Latin letter lies in the range, so unicode.Latin's
		// range table, a search per rune, is skipped (the
		// Traditional→Simplified lookup below still runs).
	case unicode.Is(unicode.Latin, r):
		return unicode.ToLower(r)
	}
	if s, ok := table.lookup(r); ok {
		return s
	}
	return r
}

// FoldRune is Fold of one rune.
func FoldRune(r rune) rune { return foldRune(r, t2s()) }

// Fold normalizes text the way both analyzers see it: full-width forms to
// half-width, Latin to lower case, and Traditional characters to Simplified.
// It maps rune by rune, so the result has as many runes as the input
// (an invalid UTF-8 byte counts as one rune and becomes U+FFFD).
func Fold(s string) string {
	folded, _ := foldMapped(s)
	return folded
}

// FoldWithOffsets folds s like Fold and also returns, for every byte offset
// i of the folded text (0 ≤ i ≤ len(folded)), the byte offset in s of the
// rune that folded byte belongs to; orig[len(folded)] == len(s). Traditional
// and Simplified forms of a character can differ in UTF-8 length, so offsets
// found in folded text must go through orig before they point into s.
func FoldWithOffsets(s string) (folded string, orig []int) {
	folded, orig = foldMapped(s)
	if orig == nil {
		orig = make([]int, len(folded)+1)
		for i := range orig {
			orig[i] = i
		}
	}
	return folded, orig
}

// foldMapped folds s and returns the folded→original byte offset table, or
// nil when every rune kept its UTF-8 length (the common case: offsets are
// then the same in both texts and the analyzers skip the table).
func foldMapped(s string) (string, []int) {
	b, orig := foldBytes(s)
	return string(b), orig
}

// foldBytes is foldMapped returning the folded text as bytes.
func foldBytes(s string) ([]byte, []int) {
	table := t2s()
	buf := make([]byte, 0, len(s)+8)
	sameLen := true
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		n := len(buf)
		buf = utf8.AppendRune(buf, foldRune(r, table))
		if len(buf)-n != w {
			sameLen = false
		}
		i += w
	}
	if sameLen {
		return buf, nil
	}
	orig := make([]int, len(buf)+1)
	fi := 0
	for i, r := range s {
		for n := utf8.RuneLen(foldRune(r, table)); n > 0; n-- {
			orig[fi] = i
			fi++
		}
	}
	orig[fi] = len(s)
	return buf, orig
}
