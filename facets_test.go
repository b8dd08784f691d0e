package fangtan

import (
	"encoding/json"
	"slices"
	"testing"
)

// Each filterable facet's Filter is the Query field whose JSON name is the
// facet's name, so that the API's JSON, its parameters and the query
// language agree.
func TestFacetFiltersMatchQueryFields(t *testing.T) {
	for _, f := range Facets {
		if f.Filter == nil {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			var q Query
			*f.Filter(&q) = []string{"x"}
			b, err := json.Marshal(q)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if _, ok := m[f.Name]; !ok || len(m) != 2 { // "q" is always there
				t.Errorf("Filter of %s sets %s", f.Name, b)
			}
		})
	}
}

func TestFacetValues(t *testing.T) {
	d := &Document{Date: "2021-07-02", Source: "光明日报", Officials: []Official{{Name: "李慧"}, {Name: "刘振华"}},
		Places: Places{Cities: []string{"太原"}, Provinces: []string{"山西"}, Districts: []string{"小店区"}}, Themes: []string{"办实事"}}
	undated := &Document{Date: "2021"}
	q := &Quote{Speaker: "李慧"}
	tests := []struct {
		facet string
		d     *Document
		q     *Quote
		want  []string
	}{
		{"official", d, nil, []string{"李慧", "刘振华"}},
		{"city", d, nil, []string{"太原"}},
		{"province", d, nil, []string{"山西"}},
		{"district", d, nil, []string{"小店区"}},
		{"theme", d, nil, []string{"办实事"}},
		{"source", d, nil, []string{"光明日报"}},
		{"year", d, nil, []string{"2021"}},
		{"year", undated, nil, []string{"2021"}},
		{"year", &Document{}, nil, []string{UndatedYear}},
		{"speaker", d, q, []string{"李慧"}},
		{"kind", d, q, []string{string(QuoteDirect)}},
		{"kind", d, &Quote{Kind: QuoteReported}, []string{string(QuoteReported)}},
	}
	for _, tc := range tests {
		t.Run(tc.facet, func(t *testing.T) {
			f, ok := FacetNamed(tc.facet)
			if !ok {
				t.Fatalf("no facet %s", tc.facet)
			}
			if got := f.Values(tc.d, tc.q); !slices.Equal(got, tc.want) {
				t.Errorf("Values = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFacetNames(t *testing.T) {
	for _, tc := range []struct {
		scope FacetScope
		want  []string
	}{
		{ArticleFacet, []string{"official", "city", "province", "theme", "source", "year"}},
		{QuoteFacet, []string{"speaker", "kind"}},
	} {
		if got := FacetNames(tc.scope); !slices.Equal(got, tc.want) {
			t.Errorf("FacetNames(%d) = %q, want %q", tc.scope, got, tc.want)
		}
	}
	if _, ok := FacetNamed("month"); ok {
		t.Error("month, the timeline's internal count, is a facet")
	}
}
