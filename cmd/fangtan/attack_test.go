package main

// The loopback attack of issue 15, run by make loadtest: a flood of
// uncacheable searches and exports from one client while another client
// searches normally. Bounded in time and count; loopback only.

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clientFrom is an HTTP client whose connections come from ip, a loopback
// address of its own, so that the server sees distinct clients.
func clientFrom(ip string, conns int) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: conns}}
}

// peakRSS is the server's peak resident memory (VmHWM) in MB.
func peakRSS(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// TestLoadAttack (make loadtest; FANGTAN_ATTACK=1) serves an index of
// FANGTAN_ATTACK_CORPUS (default ../../../shared/corpus/xwlb.jsonl, skipped
// when missing; FANGTAN_ATTACK_INDEX reuses a built index) with
// FANGTAN_ATTACK_BIN (default: this fangtan), and for FANGTAN_ATTACK_TIME
// (20s) has 48 connections of one client send `的 -zzq<random>` (a random
// exclusion defeats the facet cache) and, one at a time, whole exports,
// while a well-behaved client from another address searches once every
// 100 ms. It logs the well-behaved client's latencies and statuses, the
// attacker's statuses and the server's peak RSS, and fails if the
// well-behaved client gets any 5xx or a transport error.
func TestLoadAttack(t *testing.T) {
	if os.Getenv("FANGTAN_ATTACK") == "" {
		t.Skip("the attack run: make loadtest, or FANGTAN_ATTACK=1")
	}
	duration := 20 * time.Second
	if d, err := time.ParseDuration(os.Getenv("FANGTAN_ATTACK_TIME")); err == nil {
		duration = d
	}
	idx := os.Getenv("FANGTAN_ATTACK_INDEX")
	if idx == "" {
		corpusPath := os.Getenv("FANGTAN_ATTACK_CORPUS")
		if corpusPath == "" {
			corpusPath = "../../../shared/corpus/xwlb.jsonl"
		}
		if _, err := os.Stat(corpusPath); err != nil {
			t.Skipf("no corpus for the attack run: %v", err)
		}
		idx = filepath.Join(t.TempDir(), "idx")
		start := time.Now()
		mustRun(t, "index", "--index", idx, "--quiet", corpusPath)
		t.Logf("indexed %s in %v", corpusPath, time.Since(start).Round(time.Second))
	}
	if bin := os.Getenv("FANGTAN_ATTACK_BIN"); bin != "" {
		theBinary.once.Do(func() {})
		theBinary.path, theBinary.err = bin, nil
	}
	srv, err := startBinServer(t, idx)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()

	var (
		mu           sync.Mutex
		attackStatus = map[int]int{}
		attackErrs   atomic.Int64
		wg           sync.WaitGroup
	)
	attacker := clientFrom("127.0.0.2", 64)
	count := func(code int) { mu.Lock(); attackStatus[code]++; mu.Unlock() }
	for i := range 48 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 15))
			for n := 0; n < 100_000 && ctx.Err() == nil; n++ {
				q := fmt.Sprintf("的 -zzq%d", rng.Uint64())
				resp, err := attacker.Get(srv.base + "/api/search?q=" + url.QueryEscape(q))
				if err != nil {
					attackErrs.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				count(resp.StatusCode)
			}
		}()
	}
	wg.Add(1)
	go func() { // whole exports, one after another
		defer wg.Done()
		for n := 0; n < 1000 && ctx.Err() == nil; n++ {
			resp, err := attacker.Get(srv.base + "/export.csv?q=" + url.QueryEscape("的"))
			if err != nil {
				attackErrs.Add(1)
				continue
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			count(1000 + resp.StatusCode) // 1200: an export's 200
		}
	}()

	good := clientFrom("127.0.0.3", 1)
	var lat []time.Duration
	goodStatus := map[int]int{}
	goodQueries := []string{"转型发展", "习近平 经济", "乡村振兴", `"高质量发展"`, "疫情防控 year:2020"}
	for n := 0; n < 100_000 && ctx.Err() == nil; n++ {
		start := time.Now()
		resp, err := good.Get(srv.base + "/api/search?q=" + url.QueryEscape(goodQueries[n%len(goodQueries)]))
		if err != nil {
			t.Errorf("the well-behaved client: %v", err)
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		lat = append(lat, time.Since(start))
		goodStatus[resp.StatusCode]++
		time.Sleep(100 * time.Millisecond)
	}
	wg.Wait()
	rss := peakRSS(srv.cmd.Process.Pid)
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(float64(len(lat))*p))].Round(100 * time.Microsecond)
	}
	t.Logf("well-behaved client: %d requests, p50 %v, p99 %v, max %v, statuses %v", len(lat), pct(0.5), pct(0.99), pct(1), goodStatus)
	t.Logf("attacker (48 connections + exports): statuses %v (1xxx: exports), %d transport errors", attackStatus, attackErrs.Load())
	t.Logf("server peak RSS %.0f MB", rss)
	for code, n := range goodStatus {
		if code >= 500 {
			t.Errorf("the well-behaved client got %d × %d", n, code)
		}
	}
}
