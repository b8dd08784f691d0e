package index_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"fangtan"
	"fangtan/index"
)

func Example() {
	dir, err := os.MkdirTemp("", "fangtan-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "news.index")

	docs := []fangtan.Document{{
		ID: "a1", File: "a1.txt", Title: "運城市委書記丁小強:紮實開展「我為群眾辦實事」", Date: "2021-09-15",
		Officials:  []fangtan.Official{{Name: "丁小强", Title: "运城市委书记", Subject: true}},
		Places:     fangtan.Places{Provinces: []string{"山西省"}, Cities: []string{"运城市"}},
		Paragraphs: []string{"丁小強強調,要把辦實事作為黨史學習教育的重要內容。"},
		Text:       "丁小強強調,要把辦實事作為黨史學習教育的重要內容。",
	}}
	if _, err := index.Build(context.Background(), path, index.DocumentsSource(docs), index.BuildOptions{}); err != nil {
		log.Fatal(err)
	}
	idx, err := index.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()

	// Simplified query, Traditional text; city:运城 matches 运城市.
	res, err := idx.Search(context.Background(), fangtan.Query{Text: `"办实事" city:运城`})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Total, res.Hits[0].ID, res.Facets["official"])
	fmt.Println(res.Hits[0].Fragments[0])
	// Output:
	// 1 a1 [{丁小强 1}]
	// 丁小強強調,要把<mark>辦實事</mark>作為黨史學習教育的重要內容。
}
