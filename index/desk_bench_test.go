package index

import (
	"context"
	"slices"
	"testing"
	"time"

	"fangtan"
	"fangtan/query"
)

// The research desk's speed goals, on the xwlb index (FANGTAN_BENCH_DOCS
// articles, 5000 by default; skipped, saying so, without the corpus):
//
//   - the timeline adds at most 20% to a search's p50;
//   - KWIC over 1,000 matching documents answers in under 300 ms;
//   - an official's page for 习近平 answers in under 500 ms.
//
// Every measured call is uncached: the facet cache is emptied first, as a
// write to the index would, so that facet counting (which the timeline
// rides on) is measured every time.

// uncached empties the index's facet cache.
func uncached(idx *Index) { idx.gen.Add(1) }

func timed(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}

func median(lat []time.Duration) time.Duration {
	lat = slices.Clone(lat)
	slices.Sort(lat)
	return lat[len(lat)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkTimelineCost compares searches on the xwlb index with the
// timeline's month counts against the same searches without them (the
// timelines switch off), one call of each in turn.
func BenchmarkTimelineCost(b *testing.B) {
	idx := xwlbIndex(b)
	ctx := context.Background()
	defer func() { timelines = true }()
	for _, bq := range benchQueries {
		if bq.Quotes {
			continue
		}
		b.Run(bq.Name, func(b *testing.B) {
			// One call of each in turn, so that both see the same
			// machine (it is shared: medians of many pairs, not means).
			var base, tl []time.Duration
			var unit string
			for b.Loop() {
				for range 25 {
					timelines = false
					base = append(base, timed(func() {
						uncached(idx)
						if _, err := idx.Search(ctx, bq.Q); err != nil {
							b.Fatal(err)
						}
					}))
					timelines = true
					tl = append(tl, timed(func() {
						uncached(idx)
						res, err := idx.Search(ctx, bq.Q)
						if err != nil || res.Timeline == nil {
							b.Fatal(err, "no timeline")
						}
						unit = res.Timeline.Unit
					}))
				}
			}
			mb, mt := median(base), median(tl)
			b.ReportMetric(ms(mb), "base-p50-ms")
			b.ReportMetric(ms(mt), "timeline-p50-ms")
			b.ReportMetric(100*(ms(mt)-ms(mb))/ms(mb), "added-%")
			if unit == "month" {
				b.ReportMetric(1, "by-month")
			}
		})
	}
}

// BenchmarkKWIC lists every occurrence of a frequent phrase.
func BenchmarkKWIC(b *testing.B) {
	idx := xwlbIndex(b)
	for _, q := range []string{"发展", `"高质量发展"`} {
		b.Run(q, func(b *testing.B) {
			var res *fangtan.KWICResult
			var lat []time.Duration
			for b.Loop() {
				start := time.Now()
				var err error
				if res, err = idx.KWIC(context.Background(), fangtan.Query{Text: q}, 20); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			reportPercentiles(b, lat)
			b.ReportMetric(float64(min(res.Documents, query.KWICMaxDocs)), "docs")
			b.ReportMetric(float64(len(res.Lines)), "lines")
		})
	}
}

// BenchmarkOfficialPage profiles 习近平 and reads his latest quotes, the two
// calls the official's page makes, uncached.
func BenchmarkOfficialPage(b *testing.B) {
	idx := xwlbIndex(b)
	ctx := context.Background()
	var lat []time.Duration
	var p *fangtan.OfficialProfile
	for b.Loop() {
		uncached(idx)
		start := time.Now()
		var err error
		if p, err = idx.Official(ctx, "习近平"); err != nil {
			b.Fatal(err)
		}
		if _, err := idx.SearchQuotes(ctx, fangtan.Query{Speakers: []string{"习近平"}, Sort: fangtan.SortDate, Size: 10}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	reportPercentiles(b, lat)
	b.ReportMetric(float64(p.Articles), "articles")
	b.ReportMetric(float64(len(p.Posts)), "posts")
}
