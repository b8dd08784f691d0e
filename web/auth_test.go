package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func bcryptHash(t *testing.T, password string) []byte {
	t.Helper()
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestBasicAuth: with Users, every route answers 401 with a Basic
// challenge (and the security headers) unless the request names a user
// and the right password; with them, it is served.
func TestBasicAuth(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{Users: map[string][]byte{"alice": bcryptHash(t, "秘密 pass"), "bob": bcryptHash(t, "other")}})
	for _, tc := range []struct {
		name, user, password, target string
		status                       int
	}{
		{"no credentials, page", "", "", "/search?q=x", 401},
		{"no credentials, api", "", "", "/api/search?q=x", 401},
		{"no credentials, static", "", "", "/static/style.css", 401},
		{"no credentials, export", "", "", "/export.csv?q=x", 401},
		{"wrong password", "alice", "guess", "/api/search?q=x", 401},
		{"another user's password", "alice", "other", "/api/search?q=x", 401},
		{"unknown user", "mallory", "秘密 pass", "/api/search?q=x", 401},
		{"right password, api", "alice", "秘密 pass", "/api/search?q=" + url.QueryEscape("转型发展"), 200},
		{"right password again (remembered)", "alice", "秘密 pass", "/search?q=" + url.QueryEscape("转型发展"), 200},
		{"right password, static", "bob", "other", "/static/style.css", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tc.target, nil)
			if tc.user != "" {
				req.SetBasicAuth(tc.user, tc.password)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %.200s", rec.Code, tc.status, rec.Body.String())
			}
			if rec.Header().Get("Content-Security-Policy") == "" {
				t.Error("no Content-Security-Policy")
			}
			if tc.status == 401 {
				if ch := rec.Header().Get("WWW-Authenticate"); !strings.HasPrefix(ch, "Basic realm=") {
					t.Errorf("WWW-Authenticate %q", ch)
				}
				if strings.Contains(rec.Body.String(), "转型") {
					t.Error("a 401 shows search results")
				}
			}
		})
	}
}

// TestAccessLog: a Common Log Format line per request, with the user and
// the query string when users are required, and without the query string
// (what an anonymous reader searched for) when they are not.
func TestAccessLog(t *testing.T) {
	for _, tc := range []struct {
		name  string
		users map[string][]byte
		want  []string
		not   []string
	}{
		{"with users", map[string][]byte{"alice": bcryptHash(t, "pw")},
			[]string{`192.0.2.1 - alice [`, `"GET /api/search?q=%E8%BD%AC%E5%9E%8B HTTP/1.1" 200 `, `- - [`, `"GET /search?q=secret HTTP/1.1" 401 `}, nil},
		{"without users", nil,
			[]string{`192.0.2.1 - - [`, `"GET /api/search HTTP/1.1" 200 `, `"GET /nowhere HTTP/1.1" 404 `}, []string{"q=", "%E8%BD%AC"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var log bytes.Buffer
			h, _ := testHandler(t, newFake(), Options{Users: tc.users, AccessLog: &log})
			req := httptest.NewRequest(http.MethodGet, "/api/search?q="+url.QueryEscape("转型"), nil)
			req.SetBasicAuth("alice", "pw")
			h.ServeHTTP(httptest.NewRecorder(), req)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/search?q=secret", nil))
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/nowhere?q=secret", nil))
			lines := strings.Split(strings.TrimSpace(log.String()), "\n")
			if len(lines) != 3 {
				t.Fatalf("%d lines, want 3:\n%s", len(lines), log.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(log.String(), w) {
					t.Errorf("log lacks %q:\n%s", w, log.String())
				}
			}
			for _, n := range tc.not {
				if strings.Contains(log.String(), n) {
					t.Errorf("log holds %q:\n%s", n, log.String())
				}
			}
		})
	}
}

// TestParseHtpasswd: bcrypt lines as htpasswd -B writes them are read;
// other hashes and malformed lines are refused naming the line.
func TestParseHtpasswd(t *testing.T) {
	good := string(bcryptHash(t, "pw"))
	y := "$2y$" + strings.TrimPrefix(good, "$2a$")
	for _, tc := range []struct {
		name, file string
		users      int
		err        string
	}{
		{"bcrypt 2a and 2y, comments", "# users\nalice:" + good + "\n\nbob:" + y + "\n", 2, ""},
		{"apr1 refused", "alice:" + good + "\ncarol:$apr1$abc$def\n", 0, "users:2: user \"carol\": only bcrypt hashes"},
		{"sha refused", "dave:{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=\n", 0, "users:1: user \"dave\": only bcrypt"},
		{"no colon", "justaname\n", 0, "users:1: not name:hash"},
		{"broken bcrypt", "erin:$2y$10$short\n", 0, "users:1: user \"erin\""},
		{"empty", "\n# nobody\n", 0, "no users"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			users, err := parseHtpasswd(strings.NewReader(tc.file), "users")
			if tc.err == "" {
				if err != nil || len(users) != tc.users {
					t.Fatalf("%d users, %v; want %d", len(users), err, tc.users)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("error %v, want %q", err, tc.err)
			}
		})
	}
	if bcrypt.CompareHashAndPassword([]byte(y), []byte("pw")) != nil {
		t.Error("a $2y$ hash does not verify")
	}
}
