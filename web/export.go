package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"fangtan"
)

// ExportRow is one article in an export: the fields a citation needs.
// Fragment is the matched text without markup; Paragraph (from 1) is where
// the first match is, and Permalink links to it.
type ExportRow struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	Authors   []string           `json:"authors"`
	Source    string             `json:"source"`
	Date      string             `json:"date"`
	URL       string             `json:"url"`
	File      string             `json:"file"`
	Officials []fangtan.Official `json:"officials"`
	Places    []string           `json:"places"`
	Themes    []string           `json:"themes"`
	Fragment  string             `json:"fragment"`
	Paragraph int                `json:"paragraph,omitempty"`
	Permalink string             `json:"permalink"`
}

// Export is the body of /export.json.
type Export struct {
	Query     fangtan.Query `json:"query"`
	Total     uint64        `json:"total"`
	Rows      int           `json:"rows"`
	Truncated bool          `json:"truncated"`
	Limit     int           `json:"limit"`
	Results   []ExportRow   `json:"results"`
}

// Headers that tell a client how complete an export is, since a CSV body
// has nowhere else to say it.
const (
	headerTotal     = "X-Fangtan-Total"
	headerRows      = "X-Fangtan-Rows"
	headerTruncated = "X-Fangtan-Truncated"
)

// collect pages through the Searcher for the whole filtered result set, up
// to the export limit. It gathers everything before answering, so that an
// error part-way is a proper error status, not a truncated file.
func (srv *server) collect(r *http.Request) (*Export, error) {
	q, err := srv.parseQuery(r, false)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(r.Context(), srv.opts.ExportTimeout)
	defer cancel()
	exp := &Export{Query: q, Limit: srv.opts.ExportLimit, Results: []ExportRow{}}
	for from := 0; from < srv.opts.ExportLimit; {
		page := q
		page.From, page.Size = from, min(exportPageSize, srv.opts.ExportLimit-from)
		res, err := call(srv, ctx, func(ctx context.Context) (*fangtan.Result, error) { return srv.s.Search(ctx, page) })
		if err != nil {
			return nil, err
		}
		exp.Total = res.Total
		for _, h := range res.Hits {
			exp.Results = append(exp.Results, exportRow(h, permalink(r, h.ID, h.Paragraph)))
		}
		from += len(res.Hits)
		if len(res.Hits) == 0 || uint64(from) >= res.Total {
			break
		}
	}
	if len(exp.Results) > srv.opts.ExportLimit {
		exp.Results = exp.Results[:srv.opts.ExportLimit]
	}
	exp.Rows = len(exp.Results)
	exp.Truncated = uint64(exp.Rows) < exp.Total
	return exp, nil
}

func exportRow(h fangtan.Hit, perma string) ExportRow {
	frags := make([]string, 0, len(h.Fragments))
	if len(h.Snippets) > 0 {
		for _, sn := range h.Snippets {
			frags = append(frags, snippetText(sn))
		}
	} else {
		for _, f := range h.Fragments {
			frags = append(frags, plainText(f))
		}
	}
	officials := h.Officials
	if officials == nil {
		officials = []fangtan.Official{}
	}
	places := joinPlaces(h.Provinces, h.Cities, h.Districts)
	if places == nil {
		places = []string{}
	}
	themes := h.Themes
	if themes == nil {
		themes = []string{}
	}
	authors := h.Authors
	if authors == nil {
		authors = []string{}
	}
	return ExportRow{
		ID: h.ID, Title: h.Title, Authors: authors, Source: h.Source, Date: h.Date, URL: h.URL, File: h.File,
		Officials: officialsSubjectFirst(officials), Places: places, Themes: themes,
		Fragment: strings.Join(frags, " "), Paragraph: h.Paragraph, Permalink: perma,
	}
}

func (srv *server) handleExportJSON(w http.ResponseWriter, r *http.Request) error {
	exp, err := srv.collect(r)
	if err != nil {
		return err
	}
	setCountHeaders(w, exp.Total, exp.Rows, exp.Truncated)
	setAttachment(w, exportName("export", exp.Query.Text, "json", time.Now()))
	srv.writeJSON(w, r, http.StatusOK, exp)
	return nil
}

// utf8BOM makes Excel read the CSV as UTF-8 instead of the local code page.
const utf8BOM = "\uFEFF"

var csvHeader = []string{"id", "title", "author", "source", "date", "url", "file", "officials", "places", "themes", "fragment", "paragraph", "permalink"}

func (srv *server) handleExportCSV(w http.ResponseWriter, r *http.Request) error {
	exp, err := srv.collect(r)
	if err != nil {
		return err
	}
	rows := [][]string{csvHeader}
	for _, row := range exp.Results {
		officials := make([]string, 0, len(row.Officials))
		for _, o := range row.Officials {
			if o.Title != "" {
				officials = append(officials, o.Name+"("+o.Title+")")
			} else {
				officials = append(officials, o.Name)
			}
		}
		para := ""
		if row.Paragraph > 0 {
			para = strconv.Itoa(row.Paragraph)
		}
		rows = append(rows, []string{
			row.ID, row.Title, strings.Join(row.Authors, "; "), row.Source, row.Date, row.URL, row.File,
			strings.Join(officials, "; "), strings.Join(row.Places, "; "),
			strings.Join(row.Themes, "; "), row.Fragment, para, row.Permalink,
		})
	}
	setCountHeaders(w, exp.Total, exp.Rows, exp.Truncated)
	return writeCSV(w, exportName("export", exp.Query.Text, "csv", time.Now()), rows)
}

// cell defuses spreadsheet formulas: a scraped title starting with = or @
// must not run in the journalist's Excel. A leading apostrophe makes it text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
