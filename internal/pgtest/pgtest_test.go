package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func query[T any](t *testing.T, dsn, sql string, args ...any) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	var v T
	if err := conn.QueryRow(ctx, sql, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return v
}

func TestStart(t *testing.T) {
	for _, tc := range []struct {
		name     string
		password string
	}{
		{"trust", ""},
		{"password", `p'a:ss\word`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Start(t, Options{Password: tc.password})
			u, err := url.Parse(c.DSN())
			if err != nil {
				t.Fatal(err)
			}
			if u.Hostname() != "127.0.0.1" {
				t.Fatalf("DSN host %q, want loopback", u.Hostname())
			}
			if got := query[int32](t, c.DSN(), "select 1"); got != 1 {
				t.Fatalf("select 1 = %d", got)
			}
			if got := query[string](t, c.DSN(), "show listen_addresses"); got != "127.0.0.1" {
				t.Errorf("listen_addresses = %q", got)
			}
			if tc.password != "" {
				ctx := context.Background()
				u.User = url.UserPassword("postgres", "wrong")
				if conn, err := pgx.Connect(ctx, u.String()); err == nil {
					conn.Close(ctx)
					t.Fatal("a wrong password was accepted")
				}
			}
			dir := c.base
			if err := c.Close(); err != nil {
				t.Fatalf("close: %v", err)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("%s left behind after Close (stat: %v)", dir, err)
			}
		})
	}
}

func TestStopStart(t *testing.T) {
	c := Start(t)
	ctx := context.Background()
	if err := c.Exec(ctx, "create table t(x int); insert into t values (7)"); err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if conn, err := pgx.Connect(ctx, c.DSN()); err == nil {
		conn.Close(ctx)
		t.Fatal("connected to a stopped cluster")
	}
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if got := query[int32](t, c.DSN(), "select x from t"); got != 7 {
		t.Fatalf("after restart x = %d, want 7", got)
	}
}

func TestStandby(t *testing.T) {
	for _, tc := range []struct {
		name     string
		password string
	}{
		{"trust", ""},
		{"password", "s3cret:pw"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			primary := Start(t, Options{Password: tc.password})
			ctx := context.Background()
			if err := primary.Exec(ctx, "create table t(x text)"); err != nil {
				t.Fatal(err)
			}
			standby := Standby(t, primary)
			if !query[bool](t, standby.DSN(), "select pg_is_in_recovery()") {
				t.Fatal("standby is not in recovery")
			}
			if err := primary.Exec(ctx, "insert into t values ($1)", "after the base backup"); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(20 * time.Second)
			for query[int64](t, standby.DSN(), "select count(*) from t where x = $1", "after the base backup") != 1 {
				if time.Now().After(deadline) {
					t.Fatal("the standby did not replay a row inserted on the primary within 20s")
				}
				time.Sleep(100 * time.Millisecond)
			}
			if err := standby.Exec(ctx, "insert into t values ('no')"); err == nil || !strings.Contains(err.Error(), "read-only") {
				t.Errorf("a write on the standby: err = %v, want read-only", err)
			}
			if err := primary.Stop(ctx); err != nil {
				t.Fatal(err)
			}
			if got := query[int64](t, standby.DSN(), "select count(*) from t"); got != 1 {
				t.Errorf("standby after the primary stopped: %d rows, want 1", got)
			}
		})
	}
}

func TestShards(t *testing.T) {
	set := Shards(t, 2, Options{Password: "shard'pw"})
	ctx := context.Background()
	for i, sh := range set.Shards {
		if err := sh.Exec(ctx, fmt.Sprintf("create table part(id int, shard text); insert into part values (%d, '%s')", i, set.Servers[i])); err != nil {
			t.Fatal(err)
		}
	}
	var ddl strings.Builder
	ddl.WriteString("create table whole(id int, shard text) partition by list (id);")
	for i, srv := range set.Servers {
		fmt.Fprintf(&ddl, "create foreign table whole_%d partition of whole for values in (%d) server %s options (table_name 'part');", i, i, srv)
	}
	if err := set.Coordinator.Exec(ctx, ddl.String()); err != nil {
		t.Fatal(err)
	}
	got := query[string](t, set.Coordinator.DSN(), "select string_agg(shard, ',' order by id) from whole")
	if want := strings.Join(set.Servers, ","); got != want {
		t.Fatalf("rows through the coordinator: %q, want %q", got, want)
	}

	t.Run("a stopped shard is an error naming it, soon", func(t *testing.T) {
		if err := set.Shards[1].Stop(ctx); err != nil {
			t.Fatal(err)
		}
		conn, err := pgx.Connect(ctx, set.Coordinator.DSN())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		start := time.Now()
		var n int64
		err = conn.QueryRow(ctx, "select count(*) from whole").Scan(&n)
		if err == nil {
			t.Fatalf("count over a stopped shard answered %d", n)
		}
		if !strings.Contains(err.Error(), set.Servers[1]) {
			t.Errorf("error %q does not name server %s", err, set.Servers[1])
		}
		if strings.Contains(err.Error(), "shard'pw") {
			t.Errorf("error %q shows the password", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("the error took %v", d)
		}
		if err := set.Shards[1].Start(ctx); err != nil {
			t.Fatal(err)
		}
		if got := query[int64](t, set.Coordinator.DSN(), "select count(*) from whole"); got != 2 {
			t.Errorf("after the shard returned: %d rows, want 2", got)
		}
	})
}
