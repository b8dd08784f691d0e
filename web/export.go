package web

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
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

// export streams the whole filtered result set, up to the export limit, in
// one Searcher.Export pass. Its cost budget: it holds one search slot (the
// client's and a shared one, as a search does) for its whole run, which
// ExportTimeout bounds, instead of taking 100 deeper and deeper searches.
// begin runs once, with the totals, before the first row, so an error
// before it (a bad query, a timeout in the ranking) is a proper status; a
// failure after it (the client gone, the deadline) can only cut the file
// short, which the X-Fangtan-Rows header lets a client notice.
func (srv *server) export(r *http.Request, begin func(exp *Export) error, row func(ExportRow) error) error {
	q, err := srv.parseQuery(r, false)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(r.Context(), srv.opts.ExportTimeout)
	defer cancel()
	release, err := srv.acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	limit := srv.opts.ExportLimit
	return srv.s.Export(ctx, q, limit, func(total uint64) error {
		rows := min(total, uint64(limit))
		return begin(&Export{Query: q, Total: total, Rows: int(rows), Truncated: rows < total, Limit: limit})
	}, func(h fangtan.Hit) error {
		return row(exportRow(h))
	})
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

func setExportHeaders(w http.ResponseWriter, exp *Export, filename, contentType string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	h.Set("Cache-Control", "no-store")
	h.Set(headerTotal, strconv.FormatUint(exp.Total, 10))
	h.Set(headerRows, strconv.Itoa(exp.Rows))
	h.Set(headerTruncated, strconv.FormatBool(exp.Truncated))
}

// exportFailed reports an export error: as a status when nothing was sent
// yet, or in the log when the file is already on its way.
func (srv *server) exportFailed(w http.ResponseWriter, r *http.Request, started bool, err error) {
	if !started {
		srv.failJSON(w, r, err)
		return
	}
	srv.log.Warn("export cut short", "path", r.URL.Path, "err", err)
}

func (srv *server) handleExportJSON(w http.ResponseWriter, r *http.Request) {
	started, first := false, true
	bw := bufio.NewWriterSize(w, 32<<10)
	err := srv.export(r, func(exp *Export) error {
		setExportHeaders(w, exp, "fangtan-export.json", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		started = true
		// The Export shape, with its results written one by one.
		head, err := json.Marshal(exp)
		if err != nil {
			return err
		}
		head = bytes.TrimSuffix(bytes.TrimSuffix(head, []byte("}")), []byte(`"results":null`))
		_, err = bw.Write(append(head, []byte(`"results":[`)...))
		return err
	}, func(row ExportRow) error {
		if !first {
			bw.WriteByte(',')
		}
		first = false
		b, err := json.Marshal(row)
		if err != nil {
			return err
		}
		_, err = bw.Write(b)
		return err
	})
	if err == nil && !started {
		// No hit: begin never ran (a Searcher calls start before any hit,
		// so this is a Searcher that found nothing to start with).
		err = errors.New("export: the searcher did not start the export")
	}
	if err != nil {
		srv.exportFailed(w, r, started, err)
		return
	}
	bw.WriteString("]}\n")
	bw.Flush()
}

// utf8BOM makes Excel read the CSV as UTF-8 instead of the local code page.
const utf8BOM = "\uFEFF"

var csvHeader = []string{"id", "title", "source", "date", "url", "file", "officials", "places", "themes", "fragment"}

func (srv *server) handleExportCSV(w http.ResponseWriter, r *http.Request) {
	started := false
	bw := bufio.NewWriterSize(w, 32<<10)
	cw := csv.NewWriter(bw)
	err := srv.export(r, func(exp *Export) error {
		setExportHeaders(w, exp, "fangtan-export.csv", "text/csv; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		started = true
		bw.WriteString(utf8BOM)
		return cw.Write(csvHeader)
	}, func(row ExportRow) error {
		officials := make([]string, 0, len(row.Officials))
		for _, o := range row.Officials {
			if o.Title != "" {
				officials = append(officials, o.Name+"("+o.Title+")")
			} else {
				officials = append(officials, o.Name)
			}
		}
		return cw.Write([]string{
			cell(row.ID), cell(row.Title), cell(row.Source), cell(row.Date), cell(row.URL), cell(row.File),
			cell(strings.Join(officials, "; ")), cell(strings.Join(row.Places, "; ")),
			cell(strings.Join(row.Themes, "; ")), cell(row.Fragment),
		})
	})
	if err == nil && !started {
		err = errors.New("export: the searcher did not start the export")
	}
	if err != nil {
		srv.exportFailed(w, r, started, err)
		return
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		srv.exportFailed(w, r, started, err)
		return
	}
	bw.Flush()
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
