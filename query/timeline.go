package query

import (
	"fmt"
	"slices"
	"strconv"

	"fangtan"
)

// MonthlySpan is the span of years (hi-lo+1) under which a timeline counts
// months instead of years.
const MonthlySpan = 3

// YearSpan reads per-year counts (the year facet: "2021", …, and
// fangtan.UndatedYear) and returns the first and last year with documents,
// and whether a timeline of them is by month. ok is false without dated
// documents.
func YearSpan(years []fangtan.FacetCount) (lo, hi int, monthly, ok bool) {
	for _, c := range years {
		if c.Count == 0 {
			continue
		}
		y, err := strconv.Atoi(c.Value)
		if err != nil || !IsYear(c.Value) {
			continue
		}
		if !ok || y < lo {
			lo = y
		}
		if !ok || y > hi {
			hi = y
		}
		ok = true
	}
	return lo, hi, ok && hi-lo+1 < MonthlySpan, ok
}

// Timeline makes a search's histogram from its per-year counts and, when
// the dated documents span less than MonthlySpan years, its per-month
// counts ("2021-07"): by month then, else by year, with every period in
// between. months is read only when the timeline is by month, so a backend
// counts months only then.
func Timeline(years []fangtan.FacetCount, months []fangtan.FacetCount) *fangtan.Timeline {
	t := &fangtan.Timeline{Unit: "year", Buckets: []fangtan.Bucket{}}
	byYear := map[int]int{}
	for _, c := range years {
		if c.Value == fangtan.UndatedYear {
			t.Undated = c.Count
			continue
		}
		if y, err := strconv.Atoi(c.Value); err == nil && IsYear(c.Value) {
			byYear[y] = c.Count
		}
	}
	lo, hi, monthly, ok := YearSpan(years)
	if !ok {
		return t
	}
	if monthly {
		t.Unit = "month"
		byMonth := map[string]int{}
		for _, c := range months {
			byMonth[c.Value] = c.Count
		}
		for y := lo; y <= hi; y++ {
			for m := 1; m <= 12; m++ {
				p := fmt.Sprintf("%04d-%02d", y, m)
				t.Buckets = append(t.Buckets, fangtan.Bucket{Period: p, Count: byMonth[p]})
			}
		}
		// Trim the empty months before the first and after the last.
		first := slices.IndexFunc(t.Buckets, func(b fangtan.Bucket) bool { return b.Count > 0 })
		last := len(t.Buckets) - 1
		for last > first && t.Buckets[last].Count == 0 {
			last--
		}
		if first >= 0 {
			t.Buckets = t.Buckets[first : last+1]
		}
		return t
	}
	for y := lo; y <= hi; y++ {
		t.Buckets = append(t.Buckets, fangtan.Bucket{Period: strconv.Itoa(y), Count: byYear[y]})
	}
	return t
}

// TopFacets is the first size counts of each facet of names (all counts
// sorted as shown), an empty list for a facet without values.
func TopFacets(all map[string][]fangtan.FacetCount, names []string, size int) map[string][]fangtan.FacetCount {
	out := make(map[string][]fangtan.FacetCount, len(names))
	for _, name := range names {
		counts := all[name]
		out[name] = slices.Clone(counts[:min(len(counts), size)])
		if out[name] == nil {
			out[name] = []fangtan.FacetCount{}
		}
	}
	return out
}
