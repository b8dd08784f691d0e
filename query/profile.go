package query

import (
	"cmp"
	"slices"
	"strings"

	"fangtan"
	"fangtan/analyzer"
)

// An official's profile, assembled alike by every backend from counts
// over the articles that name them.

// ProfileSize is how many co-occurring officials, places and themes an
// official's profile lists.
const ProfileSize = 20

// PostSep separates the parts of a post value (PostValues), and a facet's
// name from its value where backends keep both in one string.
const PostSep = "\x1f"

// The facets a profile lists, derived from fangtan.Facets: the articles'
// people (official), their first listed place facet (city) and themes,
// and the quotes' people (speaker), whose quotes it counts.
var ProfilePerson, ProfilePlace, ProfileTheme, ProfileSpeaker = func() (person, place, theme, speaker string) {
	for _, f := range fangtan.Facets {
		switch {
		case f.Person && f.Scope == fangtan.ArticleFacet && person == "":
			person = f.Name
		case f.Person && f.Scope == fangtan.QuoteFacet && speaker == "":
			speaker = f.Name
		case f.Suggest == "place" && f.Listed && place == "":
			place = f.Name
		case f.Suggest == "theme" && theme == "":
			theme = f.Name
		}
	}
	return
}()

// PostValues are the distinct "name<US>year<US>post<US>country" values of
// the officials d names with a post (Document.NamedPosts), folded, with
// d's year ("" when undated): what a profile's posts are counted from.
func PostValues(d *fangtan.Document) []string {
	year := d.Year()
	if !IsYear(year) {
		year = ""
	}
	var out []string
	for _, o := range d.NamedPosts() {
		name := fold(o.Name)
		if name == "" {
			continue
		}
		v := strings.Join([]string{name, year, fold(o.Title), fold(o.Country)}, PostSep)
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func fold(s string) string { return strings.TrimSpace(analyzer.Fold(s)) }

// NewProfile is the profile of the official names[0], also listed as the
// other names (Registry.Forms: 巴沙尔·阿萨德 for 巴沙尔), from the counts
// over the articles naming them: how many (articles), the facet counts by
// facet name (all: ProfilePerson, ProfilePlace and ProfileTheme each
// with more than ProfileSize values when there are), and the post values
// with their counts (any order; values of other names are skipped). The
// caller adds the timeline and the quotes.
func NewProfile(names []string, articles uint64, all map[string][]fangtan.FacetCount, posts []fangtan.FacetCount) *fangtan.OfficialProfile {
	name := names[0]
	p := &fangtan.OfficialProfile{Name: name, Articles: articles, Posts: []fangtan.Post{}}
	for _, f := range []struct {
		facet string
		dst   *[]fangtan.FacetCount
	}{{ProfilePerson, &p.Officials}, {ProfilePlace, &p.Places}, {ProfileTheme, &p.Themes}} {
		*f.dst = []fangtan.FacetCount{}
		for _, v := range all[f.facet] {
			if len(*f.dst) == ProfileSize {
				break
			}
			if !slices.Contains(names, v.Value) {
				*f.dst = append(*f.dst, v)
			}
		}
	}
	byPost := map[[2]string]*fangtan.Post{}
	var order [][2]string
	for _, c := range posts {
		parts := strings.Split(c.Value, PostSep)
		if len(parts) != 4 || !slices.Contains(names, parts[0]) {
			continue
		}
		year, title, country := parts[1], parts[2], parts[3]
		key := [2]string{title, country}
		pp := byPost[key]
		if pp == nil {
			pp = &fangtan.Post{Title: title, Country: country}
			byPost[key] = pp
			order = append(order, key)
		}
		pp.Articles += c.Count
		if year != "" {
			if pp.First == "" || year < pp.First {
				pp.First = year
			}
			pp.Last = max(pp.Last, year)
		}
	}
	for _, k := range order {
		p.Posts = append(p.Posts, *byPost[k])
	}
	// Newest post first; then the most frequent; then by title, so that
	// the order does not depend on the counts' order.
	slices.SortFunc(p.Posts, func(a, b fangtan.Post) int {
		return cmp.Or(cmp.Compare(b.Last, a.Last), cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Title, b.Title), cmp.Compare(a.Country, b.Country))
	})
	return p
}
