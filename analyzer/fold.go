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

var (
	t2sOnce  sync.Once
	t2sTable map[rune]rune
)

// t2s returns the Traditional→Simplified table, built on first use so that
// importing the package costs nothing.
func t2s() map[rune]rune {
	t2sOnce.Do(func() {
		t2sTable = parseTSCharacters(tsCharacters)
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

// foldRune is the per-rune normalization behind Fold.
func foldRune(r rune, table map[rune]rune) rune {
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
	case unicode.Is(unicode.Latin, r):
		return unicode.ToLower(r)
	}
	if s, ok := table[r]; ok {
		return s
	}
	return r
}

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
	table := t2s()
	var b strings.Builder
	b.Grow(len(s))
	sameLen := true
	for i, r := range s {
		f := foldRune(r, table)
		if sameLen && utf8.RuneLen(f) != runeWidth(s, i, r) {
			sameLen = false
		}
		b.WriteRune(f)
	}
	folded := b.String()
	if sameLen {
		return folded, nil
	}
	orig := make([]int, len(folded)+1)
	fi := 0
	for i, r := range s {
		for n := utf8.RuneLen(foldRune(r, table)); n > 0; n-- {
			orig[fi] = i
			fi++
		}
	}
	orig[fi] = len(s)
	return folded, orig
}

// runeWidth is the number of bytes r occupies at s[i:], where an invalid
// byte decodes as utf8.RuneError of width 1.
func runeWidth(s string, i int, r rune) int {
	if r == utf8.RuneError {
		_, w := utf8.DecodeRuneInString(s[i:])
		return w
	}
	return utf8.RuneLen(r)
}
