package conformance

import "fangtan"

// BenchQuery is one query of the benchmarks' mix.
type BenchQuery struct {
	Name   string
	Q      fangtan.Query
	Quotes bool // a quote search
}

// BenchQueries is the query mix of the Go benchmarks of every backend
// (index and postgres), kept here so that their figures are of the same
// searches: single words, several words, phrases, a drill-down,
// Traditional text, a date sort and quotes.
var BenchQueries = []BenchQuery{
	{"word", fangtan.Query{Text: "转型发展"}, false},
	{"frequent-word", fangtan.Query{Text: "习近平"}, false},
	{"words", fangtan.Query{Text: "经济 高质量发展 改革"}, false},
	{"phrase", fangtan.Query{Text: `"党史学习教育"`}, false},
	{"long-phrase", fangtan.Query{Text: `"推动高质量发展"`}, false},
	{"or-exclude", fangtan.Query{Text: "乡村振兴 OR 脱贫攻坚 -疫情"}, false},
	{"drill-down", fangtan.Query{Text: "发展", Years: []string{"2021"}, Provinces: []string{"山西"}}, false},
	{"traditional", fangtan.Query{Text: "辦實事 黨史學習教育"}, false},
	{"date-sort", fangtan.Query{Text: "习近平 date:2020..2022", Sort: "date"}, false},
	{"quotes", fangtan.Query{Text: "发展"}, true},
}
