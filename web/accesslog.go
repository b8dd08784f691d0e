package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// logUserKey is the context key under which requireAuth records the user
// for the access log.
type logUserKey struct{}

// statusRecorder remembers the status and size of a response.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// accessLog writes one Common Log Format line per request to
// Options.AccessLog: host, user, time, request line, status, size.
func (srv *server) accessLog(next http.Handler) http.Handler {
	out := srv.opts.AccessLog
	if out == nil {
		return next
	}
	var mu sync.Mutex
	withQuery := len(srv.opts.Users) > 0
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user := ""
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), logUserKey{}, &user)))
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		target := r.URL.EscapedPath()
		if withQuery && r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		if user == "" {
			user = "-"
		}
		size := "-"
		if rec.bytes > 0 {
			size = fmt.Sprint(rec.bytes)
		}
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		line := fmt.Sprintf("%s - %s [%s] \"%s %s %s\" %d %s\n", host, logField(user),
			time.Now().Format("02/Jan/2006:15:04:05 -0700"), r.Method, logField(target), r.Proto, status, size)
		mu.Lock()
		_, _ = out.Write([]byte(line))
		mu.Unlock()
	})
}

// logField keeps a client-supplied value on its line and its field: the
// path is already escaped; a user name may hold anything.
func logField(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == ' ' || r == '"' {
			return '_'
		}
		return r
	}, s)
}
