package analyzer

import (
	"bufio"
	"encoding/json"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// cutWords is what a caller that segmented the text itself hands to Top.
func cutWords(seg Segmenter, text string) []string {
	return words(seg.Cut(text))
}

// TestTFIDFMatchesJieba: Top over the words of Cut gives exactly jieba's
// Keywords, order included, on the sample pages, on texts made of ties and
// (when present) on the first articles of the shared xwlb corpus.
func TestTFIDFMatchesJieba(t *testing.T) {
	seg := defaultSegmenter(t)
	kr, ok := seg.(KeywordRanker)
	if !ok {
		t.Fatalf("%T does not rank keywords", seg)
	}
	tf, err := kr.TFIDF()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"empty":   "",
		"single":  "的",
		"ties":    strings.Repeat("甲乙丙 丁戊己 庚辛壬 癸子丑 寅卯辰 巳午未 申酉戌 亥甲乙 ", 3) + "刘振华 刘振华",
		"unknown": "喵喵喵 汪汪汪 咕咕咕 嘎嘎嘎 哞哞哞 咩咩咩 吱吱吱 嗡嗡嗡 呱呱呱 啾啾啾 噗噗噗 嘀嘀嘀",
		"invalid": "bad \xff\xfe utf-8 书记王强说\x00区委书记王强",
	}
	for name, text := range sampleTexts(t) {
		texts[name] = Fold(text)
	}
	for i, text := range xwlbTexts(t, 200) {
		texts["xwlb-"+string(rune('a'+i/26))+string(rune('a'+i%26))] = Fold(text)
	}
	for name, text := range texts {
		for _, k := range []int{1, 10, 30} {
			want := seg.Keywords(text, k)
			got := tf.Top(cutWords(seg, cstrSafe(text)), k)
			if len(want) == 0 && len(got) == 0 {
				continue
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s k=%d: Top = %v\n want Keywords = %v", name, k, got, want)
			}
		}
	}
	if got := tf.Top([]string{"刘振华"}, 0); got != nil {
		t.Errorf("Top(k=0) = %v", got)
	}
}

// xwlbTexts returns the texts of the first n records of the shared xwlb
// corpus, or none when it is absent.
func xwlbTexts(t *testing.T, n int) []string {
	f, err := os.Open("../../shared/corpus/xwlb.jsonl")
	if err != nil {
		t.Logf("shared corpus absent (%v): checking the sample pages only", err)
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() && len(out) < n {
		var rec struct {
			Title, Text string
		}
		if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Text != "" {
			out = append(out, rec.Title+"\n"+rec.Text)
		}
	}
	return out
}

func TestParseTFIDF(t *testing.T) {
	tf, err := ParseTFIDF([]byte("甲乙 2\n\n丙丁 5 \n坏行 1 2\n单 \n戊己 6"), []byte("的\n我们"))
	if err != nil {
		t.Fatal(err)
	}
	// Six lines read, three kept: the mean is 13/6, as cppjieba computes it.
	if tf.mean != 13.0/6 || tf.idf[wordHash("丙丁")] != 5 || len(tf.idf) != 3 {
		t.Errorf("mean %v, idf %v", tf.mean, tf.idf)
	}
	if got := tf.Top([]string{"甲乙", "甲乙", "我们", "丙丁", "的", "未知词"}, 3); !slices.Equal(got, []string{"丙丁", "甲乙", "未知词"}) {
		t.Errorf("Top = %v", got)
	}
	for _, bad := range []string{"", "\n\n", "甲 0\n"} {
		if _, err := ParseTFIDF([]byte(bad), nil); err == nil {
			t.Errorf("ParseTFIDF(%q) succeeded", bad)
		}
	}
}

// BenchmarkTFIDF measures the keyword tables' heap (heap-MB, after a GC)
// and load time, and Top over the words of the sample pages.
//
//	go test ./analyzer -run '^$' -bench TFIDF
func BenchmarkTFIDF(b *testing.B) {
	b.Run("load", func(b *testing.B) {
		var keep []*TFIDF
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := 0; i < b.N; i++ {
			tf, err := ParseTFIDF(readEmbedded(IDFFile), readEmbedded(StopWordsFile))
			if err != nil {
				b.Fatal(err)
			}
			keep = append(keep, tf)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(len(keep))/(1<<20), "heap-MB")
		runtime.KeepAlive(keep)
	})
	b.Run("top", func(b *testing.B) {
		seg := defaultSegmenter(b)
		tf, err := seg.(KeywordRanker).TFIDF()
		if err != nil {
			b.Fatal(err)
		}
		var docs [][]string
		n := 0
		for _, text := range sampleTexts(b) {
			docs = append(docs, cutWords(seg, Fold(text)))
			n += len(text)
		}
		b.SetBytes(int64(n))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, d := range docs {
				tf.Top(d, 30)
			}
		}
	})
}
