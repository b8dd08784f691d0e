package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"fangtan"
)

// writeJSON encodes v into a buffer first, so that an encoding error is a
// clean 500 rather than a truncated body. encoding/json escapes <, > and &,
// so nothing in the answer can be sniffed as markup.
func (srv *server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		srv.log.Error("encoding JSON", "path", r.URL.Path, "err", err)
		status, v = http.StatusInternalServerError, apiError{Error: "internal error"}
		buf.Reset()
		json.NewEncoder(&buf).Encode(v)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// apiError is the body of every API error.
type apiError struct {
	Error string `json:"error"`
}

func (srv *server) handleAPINotFound(w http.ResponseWriter, r *http.Request) error {
	return &notFoundError{path: r.URL.Path}
}

// call runs one Searcher call under the deadline and the concurrency cap.
func call[T any](srv *server, ctx context.Context, f func(ctx context.Context) (T, error)) (T, error) {
	var out T
	err := srv.withDeadline(ctx, func(ctx context.Context) error {
		var err error
		out, err = f(ctx)
		return err
	})
	return out, err
}

func (srv *server) handleAPISearch(w http.ResponseWriter, r *http.Request) error {
	q, err := srv.parseQuery(r, true)
	if err != nil {
		return err
	}
	res, err := call(srv, r.Context(), func(ctx context.Context) (*fangtan.Result, error) { return srv.s.Search(ctx, q) })
	if err != nil {
		return err
	}
	srv.writeJSON(w, r, http.StatusOK, res)
	return nil
}

func (srv *server) handleAPIQuotes(w http.ResponseWriter, r *http.Request) error {
	q, err := srv.parseQuery(r, true)
	if err != nil {
		return err
	}
	res, err := call(srv, r.Context(), func(ctx context.Context) (*fangtan.QuoteResult, error) { return srv.s.SearchQuotes(ctx, q) })
	if err != nil {
		return err
	}
	srv.writeJSON(w, r, http.StatusOK, res)
	return nil
}

func (srv *server) handleAPIDoc(w http.ResponseWriter, r *http.Request) error {
	id, err := docID(r)
	if err != nil {
		return err
	}
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return badParam("malformed query string: %v", err)
	}
	q, err := srv.textParam(vals, "q")
	if err != nil {
		return err
	}
	doc, err := call(srv, r.Context(), func(ctx context.Context) (*fangtan.DocumentView, error) { return srv.s.Document(ctx, id, q) })
	if err != nil {
		return err
	}
	// Paragraphs count from 1 everywhere the API numbers them.
	d := *doc
	d.Quotes = slices.Clone(doc.Quotes)
	for i := range d.Quotes {
		d.Quotes[i].Paragraph++
	}
	srv.writeJSON(w, r, http.StatusOK, &d)
	return nil
}

// suggestAnswer is the body of /api/suggest.
type suggestAnswer struct {
	Prefix      string               `json:"prefix"`
	Suggestions []fangtan.Suggestion `json:"suggestions"`
}

func (srv *server) handleAPISuggest(w http.ResponseWriter, r *http.Request) error {
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return badParam("malformed query string: %v", err)
	}
	prefix, err := srv.textParam(vals, "prefix")
	if err != nil {
		return err
	}
	limit, err := intParam(vals, "limit", defaultSuggest)
	if err != nil {
		return err
	}
	if limit < 1 || limit > maxSuggest {
		return badParam("limit=%d is out of range: use 1 to %d", limit, maxSuggest)
	}
	// kind=speaker completes quote speakers; otherwise officials, places
	// and themes.
	kind := vals.Get("kind")
	if kind != "" && kind != "speaker" {
		return badParam("kind=%q: use speaker, or leave it out", kind)
	}
	ans := suggestAnswer{Prefix: prefix, Suggestions: []fangtan.Suggestion{}}
	// A field prefix typed in the box (official:李) completes on what follows it.
	if i := strings.LastIndexAny(prefix, ":："); i >= 0 {
		_, n := utf8.DecodeRuneInString(prefix[i:])
		prefix = strings.TrimSpace(prefix[i+n:])
	}
	if prefix != "" {
		got, err := call(srv, r.Context(), func(ctx context.Context) ([]fangtan.Suggestion, error) {
			return srv.s.Suggest(ctx, prefix, maxSuggest)
		})
		if err != nil {
			return err
		}
		for _, s := range got {
			if len(ans.Suggestions) < limit && (s.Kind == "speaker") == (kind == "speaker") {
				ans.Suggestions = append(ans.Suggestions, s)
			}
		}
	}
	srv.writeJSON(w, r, http.StatusOK, ans)
	return nil
}

// handleAPIKWIC answers /api/kwic with every line, sorted as asked.
func (srv *server) handleAPIKWIC(w http.ResponseWriter, r *http.Request) error {
	kq, err := srv.parseKWIC(r)
	if err != nil {
		return err
	}
	res, err := srv.kwic(r.Context(), kq)
	if err != nil {
		return err
	}
	srv.writeJSON(w, r, http.StatusOK, res)
	return nil
}

func (srv *server) handleAPIOfficial(w http.ResponseWriter, r *http.Request) error {
	name, err := officialName(r)
	if err != nil {
		return err
	}
	p, err := srv.official(r.Context(), name)
	if err != nil {
		return err
	}
	srv.writeJSON(w, r, http.StatusOK, p)
	return nil
}

func (srv *server) handleAPIOverview(w http.ResponseWriter, r *http.Request) error {
	o, err := call(srv, r.Context(), func(ctx context.Context) (*fangtan.Overview, error) { return srv.s.Overview(ctx) })
	if err != nil {
		return err
	}
	srv.writeJSON(w, r, http.StatusOK, o)
	return nil
}
