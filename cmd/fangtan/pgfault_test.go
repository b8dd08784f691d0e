package main

import (
	"context"
	"encoding/json"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"fangtan"
	"fangtan/internal/pgtest"
)

// TestPostgresKill kills `fangtan add --backend postgres` and `fangtan
// index --backend postgres` (a rebuild) with SIGKILL once their
// transaction has written rows. The previous data then answers as before
// (PostgreSQL rolls the dead session's transaction back), a repeated add
// leaves every document once, and no output shows the DSN's password.
func TestPostgresKill(t *testing.T) {
	fangtanBinary(t)
	const pw = "k1ll'ed;--$$pw"
	c := pgtest.Start(t, pgtest.Options{Password: pw})
	pg := []string{"--backend", "postgres", "--dsn", c.DSN()}
	root := t.TempDir()
	noSecret := func(what, out string) {
		t.Helper()
		if strings.Contains(out, pw) || strings.Contains(out, "k1ll%27ed") {
			t.Errorf("%s: the password shows:\n%s", what, out)
		}
	}
	// with puts the backend's flags after the subcommand, before the
	// arguments (flag parsing stops at the first argument).
	with := func(sub string, args ...string) []string {
		return append(append([]string{sub}, pg...), args...)
	}
	run := func(sub string, args ...string) binResult {
		t.Helper()
		args = with(sub, args...)
		r := fangtanRun(t, 3*time.Minute, args...)
		noSecret(strings.Join(args, " "), r.stdout+r.stderr)
		if r.code != 0 {
			t.Fatalf("fangtan %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
		return r
	}
	total := func(q string) uint64 {
		t.Helper()
		r := run("search", "--json", q)
		var res fangtan.Result
		if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
			t.Fatalf("search %s: %v\n%s", q, err, r.stdout)
		}
		return res.Total
	}
	snapshot := func() []uint64 {
		return []uint64{total("书记"), total(`"市长"`)}
	}
	run("index", "--quiet") // the bundled sample
	before := snapshot()
	if before[0] == 0 {
		t.Fatal("the sample index finds nothing for 书记")
	}

	// writing waits until the killable process's transaction has written.
	conn, err := pgx.Connect(context.Background(), c.DSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	writing := func() bool {
		var yes bool
		err := conn.QueryRow(context.Background(), `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
			WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() AND query LIKE 'INSERT INTO%')`).Scan(&yes)
		return err == nil && yes
	}
	kill := func(name, sub string, args ...string) {
		t.Helper()
		cmd := startKillable(t, with(sub, args...)...)
		pollUntil(t, 2*time.Minute, name+" writes rows", writing)
		time.Sleep(200 * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err == nil {
			t.Fatalf("%s finished before it was killed; make it longer", name)
		}
	}

	t.Run("rebuild", func(t *testing.T) {
		big := root + "/big.jsonl"
		writeJSONL(t, big, "big", "鹭岛湾区", 3000)
		kill("the rebuild", "index", "--quiet", big)
		if got := snapshot(); !equalUints(got, before) {
			t.Errorf("after a killed rebuild the totals are %v, before %v", got, before)
		}
		if n := total(`"鹭岛湾区"`); n != 0 {
			t.Errorf("the killed rebuild's documents are visible: %d", n)
		}
	})

	t.Run("add", func(t *testing.T) {
		const n = 1500
		more := root + "/more.jsonl"
		writeJSONL(t, more, "more", "白鹭洲", n)
		kill("the add", "add", more)
		if got := snapshot(); !equalUints(got, before) {
			t.Errorf("after a killed add the totals are %v, before %v", got, before)
		}
		if got := total(`"白鹭洲"`); got != 0 {
			t.Errorf("the killed add's documents are visible: %d (an add is one transaction)", got)
		}
		for range 2 {
			run("add", more)
			if got := total(`"白鹭洲"`); got != n {
				t.Errorf("after a completed add, %d documents match, want %d (no duplicates, none missing)", got, n)
			}
		}
	})
}

func equalUints(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
