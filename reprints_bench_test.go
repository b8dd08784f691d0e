package fangtan

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// BenchmarkReprintsCheck admits the first 5,000 xwlb items, as a build
// does: the prints of each text and title, and its sentences'.
func BenchmarkReprintsCheck(b *testing.B) {
	f, err := os.Open("../shared/corpus/xwlb.jsonl")
	if err != nil {
		b.Skip("xwlb.jsonl is not in ../shared/corpus: ", err)
	}
	defer f.Close()
	var docs []Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() && len(docs) < 5000 {
		var rec struct{ ID, Date, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		if len(rec.Date) == 8 { // xwlb's 20220924, as the reader gives it
			rec.Date = rec.Date[:4] + "-" + rec.Date[4:6] + "-" + rec.Date[6:]
		}
		docs = append(docs, Document{ID: rec.ID, Date: rec.Date, Title: rec.Title, Text: rec.Text})
	}
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	for b.Loop() {
		var r Reprints
		for i := range docs {
			if _, err := r.Check(&docs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
