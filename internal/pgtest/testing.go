package pgtest

import (
	"context"
	"testing"
	"time"
)

// skipIfUnavailable skips t, saying what is missing, when clusters cannot
// be started here.
func skipIfUnavailable(t testing.TB) {
	t.Helper()
	if err := Available(); err != nil {
		t.Skipf("skipping: %v", err)
	}
}

func startCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 2*time.Minute)
}

// Start starts a cluster for t, stopped and removed when t ends. It skips t
// when PostgreSQL is not installed.
func Start(t testing.TB, opts ...Options) *Cluster {
	t.Helper()
	skipIfUnavailable(t)
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	ctx, cancel := startCtx()
	defer cancel()
	c, err := Launch(ctx, "primary", o)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() { closeOrLog(t, c) })
	return c
}

// Standby makes and starts a hot standby of primary for t.
func Standby(t testing.TB, primary *Cluster) *Cluster {
	t.Helper()
	ctx, cancel := startCtx()
	defer cancel()
	c, err := LaunchStandby(ctx, primary, "standby")
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() { closeOrLog(t, c) })
	return c
}

// Shards starts a coordinator and n shards connected by postgres_fdw for t.
func Shards(t testing.TB, n int, opts ...Options) *ShardSet {
	t.Helper()
	skipIfUnavailable(t)
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	ctx, cancel := startCtx()
	defer cancel()
	s, err := LaunchShards(ctx, n, o)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Logf("pgtest: %v", err)
		}
	})
	return s
}

func closeOrLog(t testing.TB, c *Cluster) {
	if t.Failed() {
		t.Logf("pgtest: %s's log:\n%s", c.Name, tail(c.LogFile()))
	}
	if err := c.Close(); err != nil {
		t.Logf("pgtest: %v", err)
	}
}
