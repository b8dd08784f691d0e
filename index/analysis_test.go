package index

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"fangtan/analyzer"
)

// TestGramsMatchExactAnalyzer checks that the two exact fields index
// exactly the exact analyzer's unigrams and bigrams at its positions, so
// analyzer.ExactTerms phrases match them.
func TestGramsMatchExactAnalyzer(t *testing.T) {
	texts := []string{
		"", "a", "习", "，", "刘振华常说:“事业是拼出来的,口碑是干出来的。”",
		"運城市委書記丁小強 ＧＤＰ增長5.2%", "A&B <script>x</script>", "a\xffb\xe4\xb8c刘振华", "　　開新局\n\n开新局",
	}
	for _, d := range fixtureDocs(t) {
		texts = append(texts, d.Title, d.Text)
	}
	alphabet := []rune("刘振华辦实事,。 \n5gGＧ—“”a\u00e9\u0301")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		rs := make([]rune, rng.IntN(12))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(rs))
	}
	exact := analyzer.NewExactAnalyzer()
	for _, text := range texts {
		type gram struct {
			term string
			pos  int
		}
		var want [3][]gram
		for _, tok := range exact.Analyze([]byte(text)) {
			n := utf8.RuneCount(tok.Term)
			want[n] = append(want[n], gram{string(tok.Term), tok.Position})
		}
		for _, n := range []int{1, 2} {
			var got []gram
			for _, tok := range gramAnalyzerOf(n).Analyze([]byte(text)) {
				got = append(got, gram{string(tok.Term), tok.Position})
			}
			if len(got) != len(want[n]) {
				t.Fatalf("%q: %d-grams %v, want %v", text, n, got, want[n])
			}
			for i := range got {
				if got[i] != want[n][i] {
					t.Fatalf("%q: %d-grams %v, want %v", text, n, got, want[n])
				}
			}
		}
	}
}
