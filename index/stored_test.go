package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
)

// TestStoredRoundTrip: a stored value gives back exactly the metadata,
// text and quotes it was made of, with or without the quotes, also for a
// text longer than zstd's blocks and for bytes that are not UTF-8.
func TestStoredRoundTrip(t *testing.T) {
	long := strings.Repeat("习近平在中央经济工作会议上发表重要讲话。", 3000) // 180 KB
	for _, tc := range []struct {
		name               string
		meta, text, quotes string
	}{
		{"article with quotes", `{"id":"a1","title":"事业是拼出来的"}`, "事业是拼出来的，口碑是干出来的。\n第二段", `[{"text":"口碑是干出来的。"}]`},
		{"article without quotes", `{"id":"a2"}`, "转型发展", ""},
		{"quote (no text)", `{"id":"a1#q0","text":"事业是拼出来的。"}`, "", ""},
		{"title-only article", `{"id":"a3","title":"标题"}`, "", ""},
		{"everything empty", "", "", ""},
		{"text past the window", `{"id":"long"}`, long, `[{"text":"` + long[len(long)-60:] + `"}]`},
		{"bytes that are not UTF-8", "{\"id\":\"\xff\"}", "\x00\xfe\xff 半个字\xe4\xb8", "\xe4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var quotes []byte
			if tc.quotes != "" {
				quotes = []byte(tc.quotes)
			}
			v := packStored([]byte(tc.meta), []byte(tc.text), quotes)
			for _, withQuotes := range []bool{false, true} {
				meta, text, q, err := unpackStored(v, withQuotes)
				if err != nil {
					t.Fatalf("withQuotes %v: %v", withQuotes, err)
				}
				if string(meta) != tc.meta || string(text) != tc.text {
					t.Errorf("withQuotes %v: meta %.40q text %.40q, want %.40q %.40q", withQuotes, meta, text, tc.meta, tc.text)
				}
				want := ""
				if withQuotes {
					want = tc.quotes
				}
				if string(q) != want || (want == "") != (q == nil) {
					t.Errorf("withQuotes %v: quotes %.40q, want %.40q", withQuotes, q, want)
				}
			}
		})
	}
}

// TestStoredCompresses: what the stored value is for. On the sample
// corpus the packed values must be well under the raw bytes (snappy, which
// zap applies anyway, left UTF-8 Chinese at about 80% of its size on xwlb);
// a lost dictionary (the quotes) or a coder that only stores shows here.
func TestStoredCompresses(t *testing.T) {
	_, docs := sampleIndex(t)
	var raw, packed, quoteRaw, quotePacked int
	for i := range docs {
		d := &docs[i]
		meta, quotes, err := encodeArticle(d)
		if err != nil {
			t.Fatal(err)
		}
		raw += len(meta) + len(d.Text) + len(quotes)
		packed += len(packStored(meta, []byte(d.Text), quotes))
		// A quote's value has no text to share: the dictionary of JSON
		// keys is all it has.
		for _, q := range d.Quotes {
			js := []byte(`{"id":"` + d.ID + `#q0","text":"` + q.Text + `","speaker":"` + q.Speaker + `","kind":"direct","doc_id":"` + d.ID + `","file":"` + d.File + `","title":"` + d.Title + `","date":"` + d.Date + `","paragraph":1,"fragments":null}`)
			quoteRaw += len(js)
			quotePacked += len(packStored(js, nil, nil))
		}
	}
	if raw == 0 || quoteRaw == 0 {
		t.Fatalf("the sample corpus gave %d bytes of articles and %d of quotes", raw, quoteRaw)
	}
	t.Logf("articles: %d bytes packed to %d (%.0f%%); quotes: %d to %d (%.0f%%)", raw, packed, 100*float64(packed)/float64(raw),
		quoteRaw, quotePacked, 100*float64(quotePacked)/float64(quoteRaw))
	if packed > raw*65/100 {
		t.Errorf("articles packed to %d of %d bytes, want at most 65%%", packed, raw)
	}
	if quotePacked > quoteRaw*75/100 {
		t.Errorf("quotes packed to %d of %d bytes, want at most 75%%", quotePacked, quoteRaw)
	}
}

// TestStoredDamaged: a stored value that does not decode is an error
// wrapping errStored, never a panic or an allocation sized by garbage.
func TestStoredDamaged(t *testing.T) {
	good := packStored([]byte(`{"id":"a1"}`), []byte("事业是拼出来的，口碑是干出来的。"), []byte(`[{"text":"口碑"}]`))
	lengths := func(meta, text uint64, rest []byte) []byte {
		b := binary.AppendUvarint(nil, meta)
		b = binary.AppendUvarint(b, text)
		return append(b, rest...)
	}
	for _, tc := range []struct {
		name string
		v    []byte
	}{
		{"empty", nil},
		{"one byte", []byte{5}},
		{"unterminated length", bytes.Repeat([]byte{0xff}, 12)},
		{"truncated stream", good[:len(good)/2]},
		{"lengths past what the stream holds", lengths(1<<40, 1<<40, good[2:])},
		{"text longer than the stream", lengths(11, 500, good[2:])},
		{"not zstd", lengths(3, 3, []byte("\xff\xff\xff\xff\xff\xff"))},
		{"a raw JSON value (the format before)", []byte(`{"id":"a1","title":"标题"}`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, withQuotes := range []bool{false, true} {
				_, _, _, err := unpackStored(tc.v, withQuotes)
				if !errors.Is(err, errStored) {
					t.Errorf("withQuotes %v: error %v, want one wrapping %v", withQuotes, err, errStored)
				}
			}
		})
	}
}

// FuzzUnpackStored: any bytes as a stored value decode or give an error,
// never a panic.
func FuzzUnpackStored(f *testing.F) {
	f.Add(packStored([]byte(`{"id":"a1"}`), []byte("转型发展"), []byte(`[{"text":"转型"}]`)))
	f.Add(packStored([]byte(`{"id":"a1#q0"}`), nil, nil))
	f.Add([]byte(`{"id":"a1"}`))
	f.Fuzz(func(t *testing.T, v []byte) {
		for _, withQuotes := range []bool{false, true} {
			if _, _, _, err := unpackStored(v, withQuotes); err != nil && !errors.Is(err, errStored) {
				t.Errorf("error %v does not wrap errStored", err)
			}
		}
	})
}

// BenchmarkStored packs and unpacks the sample corpus's articles: the cost
// the compressed stored value adds to a build (pack) and to every hit
// (unpack without quotes).
func BenchmarkStored(b *testing.B) {
	_, docs := sampleIndex(b)
	type rec struct{ meta, text, quotes, packed []byte }
	recs := make([]rec, len(docs))
	var raw int
	for i := range docs {
		meta, quotes, err := encodeArticle(&docs[i])
		if err != nil {
			b.Fatal(err)
		}
		recs[i] = rec{meta, []byte(docs[i].Text), quotes, packStored(meta, []byte(docs[i].Text), quotes)}
		raw += len(meta) + len(docs[i].Text) + len(quotes)
	}
	b.Run("pack", func(b *testing.B) {
		b.SetBytes(int64(raw))
		for b.Loop() {
			for _, r := range recs {
				packStored(r.meta, r.text, r.quotes)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/doc")
	})
	b.Run("unpack", func(b *testing.B) {
		b.SetBytes(int64(raw))
		for b.Loop() {
			for _, r := range recs {
				if _, _, _, err := unpackStored(r.packed, false); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/doc")
	})
}
