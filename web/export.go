package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"fangtan"
)

// ExportRow is one article in an export: the fields a citation needs.
// Fragment is the matched text without markup.
type ExportRow struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	Source    string             `json:"source"`
	Date      string             `json:"date"`
	URL       string             `json:"url"`
	File      string             `json:"file"`
	Officials []fangtan.Official `json:"officials"`
	Places    []string           `json:"places"`
	Themes    []string           `json:"themes"`
	Fragment  string             `json:"fragment"`
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
		var res *fangtan.Result
		err := srv.withDeadline(ctx, func(ctx context.Context) error {
			res, err = srv.s.Search(ctx, page)
			return err
		})
		if err != nil {
			return nil, err
		}
		exp.Total = res.Total
		for _, h := range res.Hits {
			exp.Results = append(exp.Results, exportRow(h))
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

func exportRow(h fangtan.Hit) ExportRow {
	frags := make([]string, 0, len(h.Fragments))
	for _, f := range h.Fragments {
		frags = append(frags, plainText(f))
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
	return ExportRow{
		ID: h.ID, Title: h.Title, Source: h.Source, Date: h.Date, URL: h.URL, File: h.File,
		Officials: officialsSubjectFirst(officials), Places: places, Themes: themes,
		Fragment: strings.Join(frags, " … "),
	}
}

func setExportHeaders(w http.ResponseWriter, exp *Export, filename string) {
	h := w.Header()
	h.Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	h.Set("Cache-Control", "no-store")
	h.Set(headerTotal, strconv.FormatUint(exp.Total, 10))
	h.Set(headerRows, strconv.Itoa(exp.Rows))
	h.Set(headerTruncated, strconv.FormatBool(exp.Truncated))
}

func (srv *server) handleExportJSON(w http.ResponseWriter, r *http.Request) {
	exp, err := srv.collect(r)
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	setExportHeaders(w, exp, "fangtan-export.json")
	srv.writeJSON(w, r, http.StatusOK, exp)
}

// utf8BOM makes Excel read the CSV as UTF-8 instead of the local code page.
const utf8BOM = "\uFEFF"

var csvHeader = []string{"id", "title", "source", "date", "url", "file", "officials", "places", "themes", "fragment"}

func (srv *server) handleExportCSV(w http.ResponseWriter, r *http.Request) {
	exp, err := srv.collect(r)
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	cw := csv.NewWriter(&buf)
	cw.Write(csvHeader)
	for _, row := range exp.Results {
		officials := make([]string, 0, len(row.Officials))
		for _, o := range row.Officials {
			if o.Title != "" {
				officials = append(officials, o.Name+"("+o.Title+")")
			} else {
				officials = append(officials, o.Name)
			}
		}
		cw.Write([]string{
			cell(row.ID), cell(row.Title), cell(row.Source), cell(row.Date), cell(row.URL), cell(row.File),
			cell(strings.Join(officials, "; ")), cell(strings.Join(row.Places, "; ")),
			cell(strings.Join(row.Themes, "; ")), cell(row.Fragment),
		})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		srv.failJSON(w, r, err)
		return
	}
	setExportHeaders(w, exp, "fangtan-export.csv")
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula, with their full-width forms: Excel and LibreOffice in
// a Chinese locale take ＝SUM(…) as =SUM(…), and scraped Chinese text is
// full of full-width forms.
const formulaStarts = "=+-@\t\r＝＋－＠"

// cell defuses spreadsheet formulas: a scraped title starting with = or @
// must not run in the journalist's Excel. A leading apostrophe makes it text.
func cell(s string) string {
	if r, _ := utf8.DecodeRuneInString(s); s != "" && strings.ContainsRune(formulaStarts, r) {
		return "'" + s
	}
	return s
}
