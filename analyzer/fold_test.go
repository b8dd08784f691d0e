package analyzer

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"simplified unchanged", "刘振华市长", "刘振华市长"},
		{"traditional to simplified", "迎澤區委書記李慧", "迎泽区委书记李慧"},
		{"traditional name", "丁小強", "丁小强"},
		{"phrase", "辦實事", "办实事"},
		{"full-width digits and letters", "ＧＤＰ增長５Ｇ２０２１", "gdp增长5g2021"},
		{"full-width punctuation", "（ｏｋ）！", "(ok)!"},
		{"ideographic space", "学党史\u3000办实事", "学党史 办实事"},
		{"latin lower case", "GDP, Ünïcode", "gdp, ünïcode"},
		{"chinese punctuation kept", "“你好”，世界。", "“你好”,世界。"},
		{"middle dots", "加雷思・埃文斯, 尼古拉斯•马杜罗, 赖清德‧萧美琴, ｱ･ｲ, 马克·米利", "加雷思·埃文斯, 尼古拉斯·马杜罗, 赖清德·萧美琴, ｱ·ｲ, 马克·米利"},
		{"supplementary result", "㑮", "𫝈"},
		{"variants OpenCC leaves alone", "衞生署、達沃巿巿長、朱凱廸、證劵", "卫生署、达沃市市长、朱凯迪、证券"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Fold(tt.in)
			if got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if n, m := utf8.RuneCountInString(tt.in), utf8.RuneCountInString(got); n != m {
				t.Errorf("Fold(%q) has %d runes, input has %d", tt.in, m, n)
			}
		})
	}
}

func TestFoldWithOffsets(t *testing.T) {
	inputs := []string{
		"", "abc", "刘振华", "迎澤區", "ＧＤＰ增長", "㑮a㑮", "a\xffb\xfe", "\u3000x",
	}
	// Random mixes of runes whose folded forms are shorter, longer or equal.
	pool := []rune("ＡＢａ１２　，。迎澤區刘振华㑮𫝈abcXYZ \n\x00é")
	rng := rand.New(rand.NewSource(1))
	for range 200 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteRune(pool[rng.Intn(len(pool))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		folded, orig := FoldWithOffsets(in)
		if folded != Fold(in) {
			t.Fatalf("FoldWithOffsets(%q) text %q != Fold %q", in, folded, Fold(in))
		}
		if len(orig) != len(folded)+1 || orig[len(folded)] != len(in) {
			t.Fatalf("FoldWithOffsets(%q): table has %d entries ending %d, want %d ending %d",
				in, len(orig), orig[len(orig)-1], len(folded)+1, len(in))
		}
		// Rune k of the folded text must map to the start of rune k of the
		// input, and the folded rune must be the fold of that input rune.
		var starts []int
		for i := range in {
			starts = append(starts, i)
		}
		k := 0
		for i, r := range folded {
			if orig[i] != starts[k] {
				t.Fatalf("FoldWithOffsets(%q): folded rune %d at %d maps to %d, want %d", in, k, i, orig[i], starts[k])
			}
			end := len(in)
			if k+1 < len(starts) {
				end = starts[k+1]
			}
			if want := Fold(in[starts[k]:end]); string(r) != want {
				t.Fatalf("FoldWithOffsets(%q): folded rune %d = %q, want %q", in, k, r, want)
			}
			k++
		}
		for i := 1; i < len(orig); i++ {
			if orig[i] < orig[i-1] {
				t.Fatalf("FoldWithOffsets(%q): offsets decrease at %d", in, i)
			}
		}
	}
}

// TestT2SMatchesOpenCC checks our table against the opencc library's own
// t2s conversion, character by character, over every Han character of the
// sample corpus and its Simplified counterpart.
func TestT2SMatchesOpenCC(t *testing.T) {
	cc, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	variants := parseVariants(variantCharacters)
	seen := map[rune]bool{}
	for _, text := range sampleTexts(t) {
		for _, r := range text {
			if unicode.Is(unicode.Han, r) {
				seen[r] = true
			}
		}
	}
	if len(seen) < 1000 {
		t.Fatalf("only %d distinct Han characters in the sample corpus", len(seen))
	}
	changed := 0
	for r := range seen {
		want, err := cc.Convert(string(r))
		if err != nil {
			t.Fatal(err)
		}
		if v, ok := variants[r]; ok {
			want = string(v) // fangtan's own table, which OpenCC lacks
		}
		got := Fold(string(r))
		if got != want {
			t.Errorf("Fold(%q) = %q, opencc t2s gives %q", r, got, want)
		}
		if got != string(r) {
			changed++
		}
	}
	if changed < 300 {
		t.Errorf("only %d of %d characters changed: is the Traditional sample being read?", changed, len(seen))
	}
}

// sampleTexts returns the raw sample corpus files by name.
func sampleTexts(tb testing.TB) map[string]string {
	tb.Helper()
	paths, err := filepath.Glob("../corpus/sample/*.txt")
	if err != nil || len(paths) < 5 {
		tb.Fatalf("sample corpus: %d files, %v", len(paths), err)
	}
	texts := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts[filepath.Base(p)] = string(b)
	}
	return texts
}

// TestFoldRuneCJKRange: foldRune skips the Latin script's table for the
// CJK range, which holds no Latin letter in this Go's Unicode tables; and
// FoldRune is Fold of one rune for every rune a text can hold.
func TestFoldRuneCJKRange(t *testing.T) {
	for r := rune(0x2E80); r < 0xA000; r++ {
		if unicode.Is(unicode.Latin, r) {
			t.Fatalf("%U is Latin: foldRune's CJK case would not lower it", r)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are no runes of a UTF-8 text
		}
		if got, want := string(FoldRune(r)), Fold(string(r)); got != want {
			t.Fatalf("FoldRune(%U) = %q, Fold = %q", r, got, want)
		}
	}
}

// TestVariants holds variants.txt to its form and its purpose: each line
// is two single characters; OpenCC's table does not already map the
// variant (or the line would be dead); the character it folds to is
// Simplified already, so folding twice changes nothing; and OpenCC's own
// t2s conversion leaves the variant alone, which is why the file exists.
func TestVariants(t *testing.T) {
	cc, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	ts := parseTSCharacters(tsCharacters)
	lines := 0
	for n, line := range strings.Split(variantCharacters, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lines++
		fields := strings.Fields(line)
		if len(fields) != 2 || utf8.RuneCountInString(fields[0]) != 1 || utf8.RuneCountInString(fields[1]) != 1 {
			t.Errorf("variants.txt:%d: %q is not a variant and its character", n+1, line)
			continue
		}
		v, _ := utf8.DecodeRuneInString(fields[0])
		s, _ := utf8.DecodeRuneInString(fields[1])
		if _, ok := ts[v]; ok {
			t.Errorf("variants.txt:%d: OpenCC's table already maps %c", n+1, v)
		}
		if got := FoldRune(s); got != s {
			t.Errorf("variants.txt:%d: %c folds on to %c; write that instead", n+1, s, got)
		}
		if got := FoldRune(v); got != s {
			t.Errorf("FoldRune(%c) = %c, want %c", v, got, s)
		}
		if conv, err := cc.Convert(string(v)); err != nil || conv != string(v) {
			t.Errorf("variants.txt:%d: opencc t2s converts %c to %q: OpenCC has it", n+1, v, conv)
		}
	}
	if lines < 40 {
		t.Errorf("only %d variants read", lines)
	}
}
