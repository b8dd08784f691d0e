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
	"time"
	"unicode/utf8"

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
	// Reprints are the other ids the source published the article under
	// (fangtan.Reprint), counted once, as this row.
	Reprints []string `json:"reprints"`
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
		return row(exportRow(h, permalink(r, h.ID, h.Paragraph)))
	})
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
	places := fangtan.PlaceNames(h.Provinces, h.Cities, h.Districts)
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
	reprints := make([]string, 0, len(h.Reprints))
	for _, r := range h.Reprints {
		reprints = append(reprints, r.ID)
	}
	return ExportRow{
		ID: h.ID, Title: h.Title, Authors: authors, Source: h.Source, Date: h.Date, URL: h.URL, File: h.File,
		Officials: officialsSubjectFirst(officials), Places: places, Themes: themes,
		Fragment: strings.Join(frags, " "), Paragraph: h.Paragraph, Permalink: perma, Reprints: reprints,
	}
}

// setExportHeaders names the file after the query and the day, and says
// how complete the export is.
func setExportHeaders(w http.ResponseWriter, exp *Export, ext, contentType string) {
	setAttachment(w, exportName("export", exp.Query.Text, ext, time.Now()))
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", "no-store")
	setCountHeaders(w, exp.Total, exp.Rows, exp.Truncated)
}

// exportDone turns an export's outcome into the handler's: an error before
// anything was sent is the error status; after that the file can only be
// cut short, which is logged.
func (srv *server) exportDone(r *http.Request, started bool, err error) error {
	if err == nil && !started {
		// begin never ran: a Searcher calls start before any hit, so this
		// one found nothing to start with.
		err = errors.New("export: the searcher did not start the export")
	}
	if err == nil || !started {
		return err
	}
	srv.log.Warn("export cut short", "path", r.URL.Path, "err", err)
	return nil
}

func (srv *server) handleExportJSON(w http.ResponseWriter, r *http.Request) error {
	started, first := false, true
	bw := bufio.NewWriterSize(w, 32<<10)
	err := srv.export(r, func(exp *Export) error {
		setExportHeaders(w, exp, "json", "application/json; charset=utf-8")
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
	if err := srv.exportDone(r, started, err); err != nil || !started {
		return err
	}
	bw.WriteString("]}\n")
	_ = bw.Flush() // a failed flush is a client gone: nobody to tell
	return nil
}

// utf8BOM makes Excel read the CSV as UTF-8 instead of the local code page.
const utf8BOM = "\uFEFF"

var csvHeader = []string{"id", "title", "author", "source", "date", "url", "file", "officials", "places", "themes", "fragment", "paragraph", "permalink", "reprints"}

func (srv *server) handleExportCSV(w http.ResponseWriter, r *http.Request) error {
	started := false
	bw := bufio.NewWriterSize(w, 32<<10)
	cw := csv.NewWriter(bw)
	err := srv.export(r, func(exp *Export) error {
		setExportHeaders(w, exp, "csv", "text/csv; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		started = true
		bw.WriteString(utf8BOM)
		return cw.Write(csvHeader)
	}, func(row ExportRow) error {
		officials := make([]string, 0, len(row.Officials))
		for _, o := range row.Officials {
			officials = append(officials, o.Label())
		}
		para := ""
		if row.Paragraph > 0 {
			para = strconv.Itoa(row.Paragraph)
		}
		return cw.Write([]string{
			cell(row.ID), cell(row.Title), cell(strings.Join(row.Authors, "; ")), cell(row.Source), cell(row.Date),
			cell(row.URL), cell(row.File), cell(strings.Join(officials, "; ")), cell(strings.Join(row.Places, "; ")),
			cell(strings.Join(row.Themes, "; ")), cell(row.Fragment), para, cell(row.Permalink),
			cell(strings.Join(row.Reprints, "; ")),
		})
	})
	if err := srv.exportDone(r, started, err); err != nil || !started {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return srv.exportDone(r, started, err)
	}
	_ = bw.Flush()
	return nil
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
