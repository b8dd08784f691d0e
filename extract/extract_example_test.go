package extract_test

import (
	"fmt"
	"log"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/extract"
)

func ExampleExtractor_Extract() {
	seg, err := analyzer.Default()
	if err != nil {
		log.Fatal(err)
	}
	ex, err := extract.NewExtractor(seg)
	if err != nil {
		log.Fatal(err)
	}
	doc := fangtan.Document{
		Title: "陵城區推進營商環境建設",
		Paragraphs: []string{
			"近日,區委書記馬常春帶隊到企業調研。",
			"“誰抓住了營商環境,誰就抓住了高質量發展的生命線。”馬常春說。",
			"2019年陵城區政府工作報告提出,著力抓好民生實事。",
		},
	}
	ex.Extract(&doc)
	for _, o := range doc.Officials {
		fmt.Println("official:", o.Name, o.Title)
	}
	fmt.Println("places:", doc.Places.Provinces, doc.Places.Cities, doc.Places.Districts)
	fmt.Println("themes:", doc.Themes)
	for _, q := range doc.Quotes {
		fmt.Printf("quote: %s — %s (%s), paragraph %d\n", q.Text, q.Speaker, q.SpeakerTitle, q.Paragraph)
	}
	// Output:
	// official: 马常春 区委书记
	// places: [山东省] [德州市] [陵城区]
	// themes: [高质量发展 营商环境]
	// quote: 誰抓住了營商環境,誰就抓住了高質量發展的生命線。 — 马常春 (区委书记), paragraph 1
}
