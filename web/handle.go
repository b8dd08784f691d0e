package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"fangtan"
)

// Handlers return their errors, and one wrapper renders them: the HTML
// error page (or the page's own form, for a query to fix) for pages, JSON
// for the API, in the page's language. No handler writes an error itself.

// handlerFunc is a page or API handler that returns its error.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// page wraps a page handler.
func (srv *server) page(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			srv.fail(w, r, err)
		}
	}
}

// api wraps an API or export handler: errors are JSON, in English.
func (srv *server) api(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			srv.failJSON(w, r, err)
		}
	}
}

// formError is a bad query on a page that shows it above its own form,
// with the query still in it, instead of on the error page.
type formError struct {
	name string // the template
	p    *page
	err  error
}

func (e *formError) Error() string { return e.err.Error() }
func (e *formError) Unwrap() error { return e.err }

// onForm makes err, if it is a bad query, show on page name.
func onForm(name string, p *page, err error) error {
	if err == nil {
		return nil
	}
	return &formError{name: name, p: p, err: err}
}

// fail answers an error with a page in the request's language: a bad
// query above the form it came from, anything else on the error page.
func (srv *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	l := localeOf(r)
	status, msg := srv.errorStatus(r, err, l)
	var fe *formError
	if status == http.StatusBadRequest && errors.As(err, &fe) {
		p := fe.p
		p.Status, p.Message = status, msg
		if p.Q == "" {
			p.Q = r.URL.Query().Get("q")
		}
		switch v := p.View.(type) {
		case *searchView:
			v.Query.Text, v.Searched = p.Q, false
		case *quotesView:
			v.Query.Text, v.Searched = p.Q, false
		case *kwicView:
			v.Searched = false
		}
		srv.render(w, r, fe.name, p)
		return
	}
	p := srv.newPage(r, "", "")
	p.Status = status
	p.Title = p.L.T("error." + strconv.Itoa(status))
	// These say what to fix: the query, the address, the credentials, the
	// host name, or waiting for one's other searches; a 503, which part is
	// unavailable.
	if status == http.StatusBadRequest || status == http.StatusUnauthorized || status == http.StatusForbidden || status == http.StatusNotFound || status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		p.Message = msg
	}
	p.View = link{en: p.L.English()}.to("/search", nil)
	srv.render(w, r, "error", p)
}

// failJSON answers an API error as {"error": "..."}, in English.
func (srv *server) failJSON(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := srv.errorStatus(r, err, enLocale)
	srv.writeJSON(w, r, status, apiError{Error: msg})
}

// message is what a user reads of err in l's language: a MessageError's
// format is translated when the locale knows it.
func (l *locale) message(err error) string {
	var me *fangtan.MessageError
	if errors.As(err, &me) {
		if f, ok := l.errs[me.Format]; ok {
			return fmt.Sprintf(f, me.Args...)
		}
		return me.Message()
	}
	var nf *notFoundError
	if errors.As(err, &nf) {
		return l.F("error.nopage", nf.path)
	}
	return err.Error()
}
