package fangtan_test

import (
	"fmt"

	"fangtan"
)

// A registry learns each person's posts from the articles that give
// them, by day, and tells the post held at another article's date.
func ExampleRegisteredOfficial_BestPostAt() {
	reg := fangtan.NewRegistry()
	note := func(date, post string) {
		reg.Note(&fangtan.Document{Date: date, Officials: []fangtan.Official{{Name: "李强", Title: post}}})
	}
	note("2022-10-23", "中共中央政治局常委")
	note("2022-12-01", "中共中央政治局常委")
	for _, date := range []string{"2023-03-11", "2023-06-01", "2024-05-01"} {
		note(date, "国务院总理")
	}
	li, _ := reg.Lookup("李强")
	anyPost := func(string) bool { return true }
	fmt.Println(li.BestPostAt("2022-11-05", anyPost))
	fmt.Println(li.BestPostAt("2024-01-10", anyPost))
	// Output:
	// 中共中央政治局常委
	// 国务院总理
}

// DayIndex numbers dates for comparing them; a month alone is its first
// day.
func ExampleDayIndex() {
	resigned, _ := fangtan.DayIndex("2017-01-16")
	article, _ := fangtan.DayIndex("2017-01-20")
	month, _ := fangtan.DayIndex("2017-01")
	fmt.Println(article-resigned, resigned-month)
	// Output: 4 15
}
