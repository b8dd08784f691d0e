package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// selfSigned writes a certificate for 127.0.0.1 and its key as PEM files
// in dir, and returns their paths and a pool that trusts the certificate.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(15), Subject: pkix.Name{CommonName: "fangtan test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	writeTestFile(t, certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	writeTestFile(t, keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}))
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

// TestServeTLSAuthAccessLog runs fangtan serve with --tls-cert/--tls-key,
// --auth-file and --access-log: it answers only over HTTPS, only to the
// user's password, and logs each request with the user; bad options are
// refused before it starts, naming the file.
func TestServeTLSAuthAccessLog(t *testing.T) {
	fangtanBinary(t)
	dir := t.TempDir()
	idx := filepath.Join(dir, "idx")
	mustRun(t, "index", "--index", idx, "--quiet")
	certFile, keyFile, pool := selfSigned(t, dir)
	hash, err := bcrypt.GenerateFromPassword([]byte("记者 pw"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	users := filepath.Join(dir, "users")
	writeTestFile(t, users, []byte("# htpasswd -B\nreporter:"+string(hash)+"\n"))
	logFile := filepath.Join(dir, "access.log")

	s, err := startBinServer(t, idx, "--tls-cert", certFile, "--tls-key", keyFile, "--auth-file", users, "--access-log", logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.out.String(), "at https://") {
		t.Errorf("serve does not say it serves HTTPS: %s", s.out.String())
	}
	base := strings.Replace(s.base, "http://", "https://", 1)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	target := base + "/api/search?q=" + url.QueryEscape("刘振华")
	for _, tc := range []struct {
		name, user, password string
		status               int
	}{
		{"no credentials", "", "", 401},
		{"wrong password", "reporter", "guess", 401},
		{"right password", "reporter", "记者 pw", 200},
	} {
		req, _ := http.NewRequest(http.MethodGet, target, nil)
		if tc.user != "" {
			req.SetBasicAuth(tc.user, tc.password)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, resp.StatusCode, tc.status)
		}
	}
	if resp, err := binClient.Get(s.base + "/"); err == nil {
		resp.Body.Close()
		if resp.StatusCode < 400 {
			t.Errorf("plain HTTP to the HTTPS server answered %d", resp.StatusCode)
		}
	}
	log, _ := os.ReadFile(logFile)
	for _, want := range []string{`127.0.0.1 - reporter [`, `"GET /api/search?q=%E5%88%98%E6%8C%AF%E5%8D%8E HTTP/1.1" 200 `, `127.0.0.1 - - [`, `" 401 `} {
		if !strings.Contains(string(log), want) {
			t.Errorf("access log lacks %q:\n%s", want, log)
		}
	}

	writeTestFile(t, filepath.Join(dir, "md5users"), []byte("old:$apr1$salt$hash\n"))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--auth-file", filepath.Join(dir, "md5users")}, "md5users:1: user \"old\": only bcrypt hashes are accepted"},
		{[]string{"--auth-file", filepath.Join(dir, "missing")}, "auth file:"},
		{[]string{"--tls-cert", certFile}, "--tls-cert and --tls-key go together"},
		{[]string{"--tls-cert", users, "--tls-key", keyFile}, "TLS certificate " + users},
	} {
		r := fangtanRun(t, time.Minute, append([]string{"serve", "--index", idx, "--addr", "127.0.0.1:0"}, tc.args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("serve %v: exit %d, %q; want an error saying %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}
