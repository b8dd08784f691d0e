package postgres

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"fangtan"
)

// TestDateSortPages: a date-sorted search ranks only the rows of its
// page's dates; the order must still be date, then score, then id, and
// pages must tile the whole list, ties across a page's edge included.
func TestDateSortPages(t *testing.T) {
	db := connect(t)
	var docs []fangtan.Document
	// Three dates, four articles each, with the word once to four times:
	// within a date the score decides.
	for i, date := range []string{"2021-07-02", "2022-01-05", "2020-03-09"} {
		for k := 1; k <= 4; k++ {
			text := "开头。"
			for range k {
				text += "乡村振兴的工作。"
			}
			d := doc(fmt.Sprintf("d%d-%d", i, k), "f.txt", "标题", text) // ids in the opposite order of scores
			d.Date = date
			docs = append(docs, d)
		}
	}
	undated := doc("undated", "f.txt", "标题", "乡村振兴")
	undated.Date = ""
	docs = append(docs, undated)
	build(t, db, docs...)
	ctx := context.Background()
	for _, sort := range []string{fangtan.SortDate, fangtan.SortOldest} {
		t.Run(sort, func(t *testing.T) {
			full, err := db.Search(ctx, fangtan.Query{Text: "乡村振兴", Sort: sort, Size: 500})
			if err != nil {
				t.Fatal(err)
			}
			if len(full.Hits) != len(docs) {
				t.Fatalf("%d hits, want %d", len(full.Hits), len(docs))
			}
			ok := slices.IsSortedFunc(full.Hits, func(a, b fangtan.Hit) int {
				switch {
				case a.Date == "" && b.Date != "":
					return 1
				case b.Date == "" && a.Date != "":
					return -1
				case a.Date != b.Date:
					if (a.Date < b.Date) == (sort == fangtan.SortDate) {
						return 1
					}
					return -1
				case a.Score != b.Score:
					if a.Score < b.Score {
						return 1
					}
					return -1
				}
				if a.ID < b.ID {
					return -1
				}
				return 1
			})
			if !ok {
				for _, h := range full.Hits {
					t.Logf("%s %s %.4f", h.Date, h.ID, h.Score)
				}
				t.Fatal("not sorted by date, then score, then id")
			}
			for _, size := range []int{1, 3, 5} {
				var paged []string
				for from := 0; from < len(docs); from += size {
					r, err := db.Search(ctx, fangtan.Query{Text: "乡村振兴", Sort: sort, From: from, Size: size})
					if err != nil {
						t.Fatal(err)
					}
					paged = append(paged, hitIDs(r.Hits)...)
				}
				if want := hitIDs(full.Hits); !slices.Equal(paged, want) {
					t.Errorf("pages of %d: %v, want %v", size, paged, want)
				}
			}
		})
	}
}
