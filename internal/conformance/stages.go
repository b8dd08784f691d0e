package conformance

import (
	"fmt"
	"sync"
	"testing"

	"fangtan"
)

// Staged returns documents and build options for a backend's build that
// check it prepares documents in stages (fangtan.Stages): Prepare records
// how many registered officials each document saw and gives it one of its
// own, and check fails t unless every document saw exactly the officials
// of the stages before its own.
func Staged(t *testing.T, workers int) (docs []fangtan.Document, opts fangtan.BuildOptions, check func()) {
	docs = make([]fangtan.Document, fangtan.StageSize+fangtan.StageSize/2)
	for i := range docs {
		docs[i] = fangtan.Document{ID: fmt.Sprintf("d%05d", i), File: "stages.txt", Title: "标题", Text: "正文", Paragraphs: []string{"正文"}, Date: "2021-07-02"}
	}
	var view *fangtan.Registry
	var mu sync.Mutex
	saw := map[string]int{}
	opts = fangtan.BuildOptions{
		Workers:  workers,
		Registry: fangtan.NewRegistry(),
		Known:    func(r *fangtan.Registry) { view = r },
		Prepare: func(d *fangtan.Document) {
			mu.Lock()
			saw[d.ID] = view.Len()
			mu.Unlock()
			d.Officials = []fangtan.Official{{Name: "官员" + d.ID, Title: "市长"}}
		},
	}
	check = func() {
		t.Helper()
		for i, d := range docs {
			if want := i / fangtan.StageSize * fangtan.StageSize; saw[d.ID] != want {
				t.Fatalf("%s saw %d registered officials, want %d", d.ID, saw[d.ID], want)
			}
		}
	}
	return docs, opts, check
}
