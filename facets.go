package fangtan

// The facets, defined once: the index counts and filters them, the query
// language and the HTTP API name them, the web sidebar and the CLI list
// them, each from this list. A facet's Name is all of these at once: the
// key of Result.Facets and QuoteResult.Facets, the query language's field
// (official:李慧), the HTTP parameter (official=李慧, not_official=李慧),
// the CLI flag (--official 李慧) and the key of Query.Excludes.

// FacetScope says which search lists a facet's counts.
type FacetScope int

const (
	// ArticleFacet is counted in an article search's Result.
	ArticleFacet FacetScope = iota + 1
	// QuoteFacet is counted in a quote search's QuoteResult. A quote
	// carries its article's values too, so article facets filter quote
	// searches; quote facets do not apply to article searches.
	QuoteFacet
)

// UndatedYear is the year facet's value for a document without a date, so
// that the facet has a bucket for them and year=undated finds them.
const UndatedYear = "undated"

// Facet is one facet.
type Facet struct {
	Name  string
	Scope FacetScope
	// Listed facets are counted in results and shown, in the order of
	// Facets; the others (district) only filter, and their values only
	// feed suggestions.
	Listed bool
	// Values are the facet's values of an article, or for a quote facet of
	// one of its quotes (q is nil for an article), before folding.
	Values func(d *Document, q *Quote) []string
	// Filter is the Query field that filters by the facet, OR within it;
	// nil for kind, whose filter is the single-valued Query.Kind.
	Filter func(q *Query) *[]string
	// Person facets hold people's names, which the registry's aliases
	// (习主席 for 习近平) map to one name in filters.
	Person bool
	// Suggest is the Suggestion.Kind its values complete as, "" for none.
	Suggest string
}

// Facets are every facet, in display order.
var Facets = []Facet{
	{Name: "official", Scope: ArticleFacet, Listed: true,
		Values: func(d *Document, _ *Quote) []string {
			names := make([]string, len(d.Officials))
			for i, o := range d.Officials {
				names[i] = o.Name
			}
			return names
		},
		Filter: func(q *Query) *[]string { return &q.Officials }, Person: true, Suggest: "official"},
	{Name: "city", Scope: ArticleFacet, Listed: true,
		Values: func(d *Document, _ *Quote) []string { return d.Places.Cities },
		Filter: func(q *Query) *[]string { return &q.Cities }, Suggest: "place"},
	{Name: "province", Scope: ArticleFacet, Listed: true,
		Values: func(d *Document, _ *Quote) []string { return d.Places.Provinces },
		Filter: func(q *Query) *[]string { return &q.Provinces }, Suggest: "place"},
	{Name: "district", Scope: ArticleFacet,
		Values: func(d *Document, _ *Quote) []string { return d.Places.Districts },
		Filter: func(q *Query) *[]string { return &q.Districts }, Suggest: "place"},
	{Name: "theme", Scope: ArticleFacet, Listed: true,
		Values: func(d *Document, _ *Quote) []string { return d.Themes },
		Filter: func(q *Query) *[]string { return &q.Themes }, Suggest: "theme"},
	{Name: "source", Scope: ArticleFacet, Listed: true,
		Values: func(d *Document, _ *Quote) []string { return []string{d.Source} },
		Filter: func(q *Query) *[]string { return &q.Sources }},
	{Name: "year", Scope: ArticleFacet, Listed: true,
		Values: func(d *Document, _ *Quote) []string {
			if y := d.Year(); d.Date != "" && isYear(y) {
				return []string{y}
			}
			return []string{UndatedYear}
		},
		Filter: func(q *Query) *[]string { return &q.Years }},
	{Name: "speaker", Scope: QuoteFacet, Listed: true,
		Values: func(_ *Document, q *Quote) []string { return []string{q.Speaker} },
		Filter: func(q *Query) *[]string { return &q.Speakers }, Person: true, Suggest: "speaker"},
	{Name: "kind", Scope: QuoteFacet, Listed: true,
		Values: func(_ *Document, q *Quote) []string {
			if q.Kind == "" {
				return []string{string(QuoteDirect)}
			}
			return []string{string(q.Kind)}
		}},
}

// FacetNames are the names of the listed facets of scope, in display order.
func FacetNames(scope FacetScope) []string {
	var names []string
	for _, f := range Facets {
		if f.Scope == scope && f.Listed {
			names = append(names, f.Name)
		}
	}
	return names
}

// FacetNamed returns the facet called name.
func FacetNamed(name string) (Facet, bool) {
	for _, f := range Facets {
		if f.Name == name {
			return f, true
		}
	}
	return Facet{}, false
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
