package postgres

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"fangtan"
	"fangtan/internal/conformance"
	"fangtan/internal/pgtest"
	"fangtan/web"
)

// shardPassword is the shards' and coordinator's password: it holds what
// breaks naive quoting, and must never show in an error.
const shardPassword = "sh'ard;--$$\\pw"

// splitDate is the median date of docs: the boundary between two shards
// that gives each about half of them.
func splitDate(t testing.TB, docs []fangtan.Document) string {
	t.Helper()
	var dates []string
	for _, d := range docs {
		if d.Date != "" {
			dates = append(dates, d.Date)
		}
	}
	sort.Strings(dates)
	if len(dates) < 2 || dates[0] == dates[len(dates)-1] {
		t.Fatalf("the documents' dates (%d of %d dated) cannot be split over two shards", len(dates), len(docs))
	}
	mid := dates[len(dates)/2]
	if mid == dates[0] {
		mid = dates[len(dates)-1]
	}
	return mid
}

// createSharded creates an empty sharded index in schema on set, split at
// date split: shard1 holds what is older (and the undated), shard2 the rest.
func createSharded(t testing.TB, set *pgtest.ShardSet, schema, split string) {
	t.Helper()
	err := CreateSharded(context.Background(), set.Coordinator.DSN(), Options{Schema: schema}, []ShardSpec{
		{Server: set.Servers[0], DSN: set.Shards[0].DSN(), To: split},
		{Server: set.Servers[1], DSN: set.Shards[1].DSN(), From: split},
	})
	if err != nil {
		t.Fatal(err)
	}
}

// shardCounts is how many articles each shard's own table holds.
func shardCounts(t testing.TB, set *pgtest.ShardSet, schema string) []int {
	t.Helper()
	var out []int
	for _, sh := range set.Shards {
		db, err := Connect(context.Background(), sh.DSN(), Options{Schema: schema})
		if err != nil {
			t.Fatal(err)
		}
		var n int
		err = db.pool.QueryRow(context.Background(), db.sql(`SELECT count(*) FROM {s}.articles`)).Scan(&n)
		db.Close()
		if err != nil {
			t.Fatalf("%s: %v", sh.Name, err)
		}
		out = append(out, n)
	}
	return out
}

// TestSharded: a coordinator whose articles, passages and quotes are
// foreign partitions on two shards, built through the coordinator, holds
// rows on both shards, passes the conformance suite, and returns the same
// documents, totals and facets as one node for the query mix. A rebuild
// through the coordinator replaces the rows in place.
func TestSharded(t *testing.T) {
	single := dsn(t)
	set := pgtest.Shards(t, 2, pgtest.Options{Password: shardPassword})
	ctx := context.Background()
	for _, c := range []struct {
		name string
		docs func(testing.TB) []fangtan.Document
	}{
		{"sample", conformance.SampleDocs},
		{"xwlb", conformance.XWLBDocs},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs := c.docs(t)
			schema := "shard_" + c.name
			createSharded(t, set, schema, splitDate(t, docs))
			coord, err := Connect(ctx, set.Coordinator.DSN(), Options{Schema: schema})
			if err != nil {
				t.Fatal(err)
			}
			defer coord.Close()
			conformance.Build(t, coord, docs)
			counts := shardCounts(t, set, schema)
			if counts[0] == 0 || counts[1] == 0 || counts[0]+counts[1] != len(docs) {
				t.Fatalf("shards hold %v articles of %d: want every article on one shard, each shard some", counts, len(docs))
			}
			sharded, err := Open(ctx, set.Coordinator.DSN(), Options{Schema: schema})
			if err != nil {
				t.Fatal(err)
			}
			defer sharded.Close()

			w, err := Connect(ctx, single, Options{Schema: "one_" + c.name})
			if err != nil {
				t.Fatal(err)
			}
			conformance.Build(t, w, docs)
			w.Close()
			one, err := Open(ctx, single, Options{Schema: "one_" + c.name})
			if err != nil {
				t.Fatal(err)
			}
			defer one.Close()

			conformance.RunCorpus(t, docs, sharded, 12)
			conformance.Compare(t, docs, one, sharded, "one node", "sharded")

			// A second build replaces the rows in place: no article twice.
			conformance.Build(t, coord, docs[:len(docs)-1])
			if got := shardCounts(t, set, schema); got[0]+got[1] != len(docs)-1 {
				t.Fatalf("after a rebuild of %d documents the shards hold %v", len(docs)-1, got)
			}
		})
	}
}

// TestShardedAddAndDelete: an add through the coordinator routes the
// article by date to its shard, a repeated add replaces it (no duplicate
// on any shard), and a delete removes it from its shard.
func TestShardedAddAndDelete(t *testing.T) {
	dsn(t)
	set := pgtest.Shards(t, 2)
	ctx := context.Background()
	docs := conformance.SampleDocs(t)
	split := splitDate(t, docs)
	createSharded(t, set, DefaultSchema, split)
	coord, err := Open(ctx, set.Coordinator.DSN(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer coord.Close()
	opts, err := conformance.BuildOptions()
	if err != nil {
		t.Fatal(err)
	}
	old := fangtan.Document{ID: "old", Date: "1999-01-02", Title: "旧闻", Text: "一九九九年的旧闻，说的是分片。"}
	newer := fangtan.Document{ID: "new", Date: "2099-01-02", Title: "新闻", Text: "二〇九九年的新闻，说的是分片。"}
	undated := fangtan.Document{ID: "undated", Title: "无日期", Text: "没有日期的新闻，说的也是分片。"}
	for range 2 {
		if _, err := coord.Add(ctx, []fangtan.Document{old, newer, undated}, opts); err != nil {
			t.Fatal(err)
		}
	}
	if got := shardCounts(t, set, DefaultSchema); !slices.Equal(got, []int{2, 1}) {
		t.Fatalf("after adding two old (one undated) and one new article twice, the shards hold %v, want [2 1]", got)
	}
	ids, total, err := conformance.IDs(ctx, coord, fangtan.Query{Text: `"分片"`}, 10)
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(ids)
	if total != 3 || strings.Join(ids, ",") != "new,old,undated" {
		t.Fatalf(`"分片" found %v (total %d), want new, old and undated once each`, ids, total)
	}
	if n, err := coord.Delete(ctx, []string{"new"}, fangtan.BuildOptions{}); err != nil || n != 1 {
		t.Fatalf("delete new: %d, %v", n, err)
	}
	if got := shardCounts(t, set, DefaultSchema); !slices.Equal(got, []int{2, 0}) {
		t.Fatalf("after deleting the new article the shards hold %v, want [2 0]", got)
	}
}

// TestShardStops: with a shard stopped, a search through web answers 503
// within seconds, naming the shard (not a hang, not the other shard's
// results alone), never the password; it answers as before once the shard
// is back.
func TestShardStops(t *testing.T) {
	dsn(t)
	set := pgtest.Shards(t, 2, pgtest.Options{Password: shardPassword})
	ctx := context.Background()
	docs := conformance.SampleDocs(t)
	createSharded(t, set, DefaultSchema, splitDate(t, docs))
	w, err := Connect(ctx, set.Coordinator.DSN(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	conformance.Build(t, w, docs)
	w.Close()
	db, err := Open(ctx, set.Coordinator.DSN(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := httptest.NewServer(web.New(db, web.Options{SearchTimeout: 20 * time.Second}))
	defer srv.Close()
	get := func(path string) (int, string, time.Duration) {
		t.Helper()
		start := time.Now()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), time.Since(start)
	}
	const path = "/api/search?q=" + "%E7%9A%84" // 的: every shard holds matches
	code, before, _ := get(path)
	if code != http.StatusOK {
		t.Fatalf("before: %d %s", code, before)
	}
	if err := set.Shards[1].Stop(ctx); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, "/search?q=%E7%9A%84", "/api/quotes?q=%E7%9A%84"} {
		code, body, took := get(p)
		if code != http.StatusServiceUnavailable || !strings.Contains(body, set.Servers[1]) {
			t.Errorf("%s with %s stopped: %d in %v, want 503 naming it:\n%.400s", p, set.Servers[1], code, took, body)
		}
		if took > 10*time.Second {
			t.Errorf("%s with a shard stopped took %v: nearly a hang", p, took)
		}
		if strings.Contains(body, shardPassword) || strings.Contains(body, "goroutine") {
			t.Errorf("%s: the answer shows the password or a stack:\n%s", p, body)
		}
	}
	if err := set.Shards[1].Start(ctx); err != nil {
		t.Fatal(err)
	}
	code, after, _ := get(path)
	if code != http.StatusOK || !sameTotal(before, after) {
		t.Errorf("after the shard returned: %d %.300s, before %.300s", code, after, before)
	}
}

// sameTotal compares the "total" of two API answers.
func sameTotal(a, b string) bool {
	var ra, rb struct{ Total int }
	return json.Unmarshal([]byte(a), &ra) == nil && json.Unmarshal([]byte(b), &rb) == nil && ra.Total == rb.Total && ra.Total > 0
}
