package web

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/crypto/bcrypt"
)

// errUnauthorized marks a request without valid credentials.
var errUnauthorized = errors.New("unauthorized")

// LoadHtpasswd reads users from an htpasswd file holding bcrypt hashes, as
// `htpasswd -B` writes them (`name:$2y$…`, one a line; blank lines and
// lines starting with # are skipped). Any other hash is refused, naming
// the line: MD5 ($apr1$), SHA-1 and crypt are too weak to keep.
func LoadHtpasswd(path string) (map[string][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("auth file: %w", err)
	}
	defer f.Close()
	return parseHtpasswd(f, path)
}

func parseHtpasswd(r io.Reader, path string) (map[string][]byte, error) {
	users := make(map[string][]byte)
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, hash, ok := strings.Cut(line, ":")
		switch {
		case !ok || name == "":
			return nil, fmt.Errorf("auth file %s:%d: not name:hash", path, n)
		case !strings.HasPrefix(hash, "$2a$") && !strings.HasPrefix(hash, "$2b$") && !strings.HasPrefix(hash, "$2y$"):
			return nil, fmt.Errorf("auth file %s:%d: user %q: only bcrypt hashes are accepted (htpasswd -B)", path, n, name)
		}
		if _, err := bcrypt.Cost([]byte(hash)); err != nil {
			return nil, fmt.Errorf("auth file %s:%d: user %q: %v", path, n, name, err)
		}
		users[name] = []byte(hash)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("auth file %s: %w", path, err)
	}
	if len(users) == 0 {
		return nil, fmt.Errorf("auth file %s: no users", path)
	}
	return users, nil
}

// authenticator checks HTTP Basic credentials against bcrypt hashes. A
// bcrypt check costs tens of milliseconds of CPU by design, so credentials
// once verified are remembered (by a SHA-256 of them, never in clear) and
// at most half the cores run checks at once: a browser sends credentials
// with every request, and a flood of wrong passwords must not take the
// CPU that searches need.
type authenticator struct {
	users map[string][]byte
	sem   chan struct{}
	mu    sync.Mutex
	good  map[[32]byte]string // verified credentials → user
}

func newAuthenticator(users map[string][]byte) *authenticator {
	return &authenticator{users: users, sem: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2)), good: make(map[[32]byte]string)}
}

// maxRemembered bounds the verified credentials kept; the memory is
// forgotten whole when full.
const maxRemembered = 1024

// check returns the user that r's credentials name, or errUnauthorized.
func (a *authenticator) check(r *http.Request) (string, error) {
	name, password, ok := r.BasicAuth()
	if !ok {
		return "", fmt.Errorf("%w: this server needs a user name and password", errUnauthorized)
	}
	key := sha256.Sum256([]byte(name + "\x00" + password))
	a.mu.Lock()
	user, known := a.good[key]
	a.mu.Unlock()
	if known && subtle.ConstantTimeCompare([]byte(user), []byte(name)) == 1 {
		return name, nil
	}
	hash, exists := a.users[name]
	if !exists {
		// The same work as for a known user, so that timing does not tell
		// which names exist.
		hash = dummyHash()
	}
	select {
	case a.sem <- struct{}{}:
	case <-r.Context().Done():
		return "", fmt.Errorf("%w: %w", errUnauthorized, r.Context().Err())
	}
	err := bcrypt.CompareHashAndPassword(hash, []byte(password))
	<-a.sem
	if err != nil || !exists {
		return "", fmt.Errorf("%w: wrong user name or password", errUnauthorized)
	}
	a.mu.Lock()
	if len(a.good) >= maxRemembered {
		a.good = make(map[[32]byte]string)
	}
	a.good[key] = name
	a.mu.Unlock()
	return name, nil
}

// dummyHash is a bcrypt hash of nothing anyone types, at the default cost,
// made on first use rather than at every program's start.
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("fangtan: no such user"), bcrypt.DefaultCost)
	return h
})

// requireAuth answers 401 to a request without valid credentials, with
// the challenge that makes a browser ask for them.
func (srv *server) requireAuth(next http.Handler) http.Handler {
	if len(srv.opts.Users) == 0 {
		return next
	}
	a := newAuthenticator(srv.opts.Users)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, err := a.check(r)
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Basic realm="fangtan", charset="UTF-8"`)
			if strings.HasPrefix(r.URL.Path, "/api/") || strings.HasPrefix(r.URL.Path, "/export.") {
				srv.failJSON(w, r, err)
			} else {
				srv.fail(w, r, err)
			}
			return
		}
		if rec, ok := r.Context().Value(logUserKey{}).(*string); ok {
			*rec = user
		}
		next.ServeHTTP(w, r)
	})
}
