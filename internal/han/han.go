// Package han holds the character classes that reading, analysis and
// extraction share, so that "is this a Chinese character" has one answer
// in the whole program.
package han

import (
	"strings"
	"unicode"
)

// Is reports whether r is a Han character. Runes below U+2E80 never are,
// which spares the table lookup for ASCII and punctuation.
func Is(r rune) bool {
	if 0x4E00 <= r && r <= 0x9FFF {
		return true // CJK Unified Ideographs, most of any Chinese text
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// Digits are the Han numerals of one to ten; the scans that read counts,
// editions and regnal numbers add the runes their own forms allow (百, 两,
// 几, 第).
const Digits = "一二三四五六七八九十"

// All reports whether rs is not empty and holds only Han characters.
func All(rs []rune) bool {
	for _, r := range rs {
		if !Is(r) {
			return false
		}
	}
	return len(rs) > 0
}

// Count returns how many Han characters rs holds.
func Count(rs []rune) int {
	n := 0
	for _, r := range rs {
		if Is(r) {
			n++
		}
	}
	return n
}

// CountString is Count over a string.
func CountString(s string) int {
	n := 0
	for _, r := range s {
		if Is(r) {
			n++
		}
	}
	return n
}

// IsNameJoiner reports whether r joins the parts of a transliterated name
// (巴沙尔·阿萨德, 迪亚斯-卡内尔) in folded text, where analyzer.Fold has
// made every middle dot (・ • ‧) ·.
func IsNameJoiner(r rune) bool { return r == '·' || r == '-' }

// NameEnds returns the first and last parts of a name joined by
// IsNameJoiner runes (巴沙尔 and 阿萨德 of 巴沙尔·阿萨德); ok is false for a
// name of one part.
func NameEnds(name string) (first, last string, ok bool) {
	parts := strings.FieldsFunc(name, IsNameJoiner)
	if len(parts) < 2 {
		return "", "", false
	}
	return parts[0], parts[len(parts)-1], true
}
