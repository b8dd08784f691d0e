package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
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

func (srv *server) failJSON(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := srv.errorStatus(r, err)
	srv.writeJSON(w, r, status, apiError{Error: msg})
}

func (srv *server) handleAPINotFound(w http.ResponseWriter, r *http.Request) {
	srv.failJSON(w, r, &notFoundError{path: r.URL.Path})
}

func (srv *server) handleAPISearch(w http.ResponseWriter, r *http.Request) {
	q, err := srv.parseQuery(r, true)
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	var res *fangtan.Result
	err = srv.withDeadline(r.Context(), func(ctx context.Context) error {
		res, err = srv.s.Search(ctx, q)
		return err
	})
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	srv.writeJSON(w, r, http.StatusOK, res)
}

func (srv *server) handleAPIQuotes(w http.ResponseWriter, r *http.Request) {
	q, err := srv.parseQuery(r, true)
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	var res *fangtan.QuoteResult
	err = srv.withDeadline(r.Context(), func(ctx context.Context) error {
		res, err = srv.s.SearchQuotes(ctx, q)
		return err
	})
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	srv.writeJSON(w, r, http.StatusOK, res)
}

func (srv *server) handleAPIDoc(w http.ResponseWriter, r *http.Request) {
	id, err := docID(r)
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		srv.failJSON(w, r, badParam("malformed query string: %v", err))
		return
	}
	q, err := srv.textParam(vals, "q")
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	var doc *fangtan.DocumentView
	err = srv.withDeadline(r.Context(), func(ctx context.Context) error {
		doc, err = srv.s.Document(ctx, id, q)
		return err
	})
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	srv.writeJSON(w, r, http.StatusOK, doc)
}

// suggestAnswer is the body of /api/suggest.
type suggestAnswer struct {
	Prefix      string               `json:"prefix"`
	Suggestions []fangtan.Suggestion `json:"suggestions"`
}

func (srv *server) handleAPISuggest(w http.ResponseWriter, r *http.Request) {
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		srv.failJSON(w, r, badParam("malformed query string: %v", err))
		return
	}
	prefix, err := srv.textParam(vals, "prefix")
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	limit, err := intParam(vals, "limit", defaultSuggest)
	if err != nil {
		srv.failJSON(w, r, err)
		return
	}
	if limit < 1 || limit > maxSuggest {
		srv.failJSON(w, r, badParam("limit=%d is out of range: use 1 to %d", limit, maxSuggest))
		return
	}
	ans := suggestAnswer{Prefix: prefix, Suggestions: []fangtan.Suggestion{}}
	// A field prefix typed in the box (official:李) completes on what follows it.
	if i := strings.LastIndexAny(prefix, ":："); i >= 0 {
		_, n := utf8.DecodeRuneInString(prefix[i:])
		prefix = strings.TrimSpace(prefix[i+n:])
	}
	if prefix != "" {
		var got []fangtan.Suggestion
		err = srv.withDeadline(r.Context(), func(ctx context.Context) error {
			got, err = srv.s.Suggest(ctx, prefix, limit)
			return err
		})
		if err != nil {
			srv.failJSON(w, r, err)
			return
		}
		if len(got) > limit {
			got = got[:limit]
		}
		ans.Suggestions = append(ans.Suggestions, got...)
	}
	srv.writeJSON(w, r, http.StatusOK, ans)
}
