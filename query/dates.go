package query

import (
	"errors"
	"strings"
	"time"

	"fangtan/analyzer"
)

// The dates that can be searched: bleve keeps dates as int64 nanoseconds
// since 1970 and fails the whole search on a range beyond them (these are
// its query.MinRFC3339CompatibleTime and MaxRFC3339CompatibleTime), so
// every backend refuses them alike.
var (
	minDate = time.Date(1677, 12, 1, 0, 0, 0, 0, time.UTC)
	maxDate = time.Date(2262, 4, 11, 11, 59, 59, 0, time.UTC)
)

// Searchable reports whether t lies within the dates a search can take.
func Searchable(t time.Time) bool { return !t.Before(minDate) && !t.After(maxDate) }

// parseDateClause reads date:A..B, date:A.., date:..B or date:A, where A and
// B are YYYY, YYYY-MM or YYYY-MM-DD. B includes the whole period it names.
func parseDateClause(c *Clause, value string) error {
	value = analyzer.Fold(value)
	from, to, isRange := strings.Cut(value, "..")
	if !isRange {
		to = from
	}
	if from == "" && to == "" {
		return Bad("date:%s at character %d names no date (write date:2021-07..2021-12)", value, c.Pos)
	}
	if from != "" {
		start, _, err := ParsePeriod(from)
		if err != nil {
			return Bad("date:%s at character %d: %q is not a date (%v); write YYYY, YYYY-MM or YYYY-MM-DD", value, c.Pos, from, err)
		}
		c.From, c.HasFrom = start, true
	}
	if to != "" {
		_, end, err := ParsePeriod(to)
		if err != nil {
			return Bad("date:%s at character %d: %q is not a date (%v); write YYYY, YYYY-MM or YYYY-MM-DD", value, c.Pos, to, err)
		}
		c.To, c.HasTo = end, true
	}
	if c.HasFrom && c.HasTo && !c.From.Before(c.To) {
		return Bad("date:%s at character %d ends before it starts", value, c.Pos)
	}
	if c.HasFrom && !Searchable(c.From) || c.HasTo && !Searchable(c.To) {
		return Bad("date:%s at character %d is outside the dates that can be searched (1678 to 2261)", value, c.Pos)
	}
	return nil
}

// DateRange is the Date clause of a request's date_from and date_to
// (fangtan.Query.DateFrom, DateTo): YYYY, YYYY-MM or YYYY-MM-DD, to
// including the whole period it names. ok is false when both are empty.
func DateRange(from, to string) (c Clause, ok bool, err error) {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if from == "" && to == "" {
		return Clause{}, false, nil
	}
	c = Clause{Kind: Date, Field: FieldDate}
	if from != "" {
		start, _, err := ParsePeriod(analyzer.Fold(from))
		if err != nil {
			return Clause{}, false, Bad("date_from %q is not a date (%v); write YYYY, YYYY-MM or YYYY-MM-DD", from, err)
		}
		c.From, c.HasFrom = start, true
	}
	if to != "" {
		_, end, err := ParsePeriod(analyzer.Fold(to))
		if err != nil {
			return Clause{}, false, Bad("date_to %q is not a date (%v); write YYYY, YYYY-MM or YYYY-MM-DD", to, err)
		}
		c.To, c.HasTo = end, true
	}
	if c.HasFrom && c.HasTo && !c.From.Before(c.To) {
		return Clause{}, false, Bad("the date range %s to %s ends before it starts", from, to)
	}
	if c.HasFrom && !Searchable(c.From) || c.HasTo && !Searchable(c.To) {
		return Clause{}, false, Bad("the date range %s to %s is outside the dates that can be searched (1678 to 2261)", from, to)
	}
	return c, true, nil
}

// ParsePeriod returns the start of the period s (YYYY, YYYY-MM or
// YYYY-MM-DD, / for -) names and the start of the next one.
func ParsePeriod(s string) (start, next time.Time, err error) {
	s = strings.ReplaceAll(s, "/", "-")
	err = errors.New("not YYYY, YYYY-MM or YYYY-MM-DD")
	for _, layout := range []struct {
		layout string
		add    func(time.Time) time.Time
	}{
		{"2006-1-2", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-1", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if strings.Count(s, "-") != strings.Count(layout.layout, "-") {
			continue
		}
		t, perr := time.Parse(layout.layout, s)
		if perr == nil {
			return t, layout.add(t), nil
		}
		if strings.Contains(perr.Error(), "out of range") {
			_, why, _ := strings.Cut(perr.Error(), ": ")
			err = errors.New(why)
		}
	}
	return time.Time{}, time.Time{}, err
}
