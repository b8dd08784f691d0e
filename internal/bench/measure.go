package bench

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"fangtan/internal/procstat"
)

// Latency summarizes a series of queries; times are in milliseconds.
type Latency struct {
	Clients  int     `json:"clients"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	Seconds  float64 `json:"seconds"`
	P50      float64 `json:"p50_ms"`
	P95      float64 `json:"p95_ms"`
	P99      float64 `json:"p99_ms"`
	Mean     float64 `json:"mean_ms"`
	QPS      float64 `json:"qps"`
	// FirstError is the first failure seen, so an error count is explained.
	FirstError string `json:"first_error,omitempty"`
}

// percentile is the nearest-rank percentile of sorted durations, in ms.
func percentile(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.999999) - 1
	i = max(0, min(i, len(sorted)-1))
	return ms(sorted[i])
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

func summarize(clients int, durs []time.Duration, errs int, firstErr error, wall time.Duration) Latency {
	slices.Sort(durs)
	l := Latency{Clients: clients, Requests: len(durs) + errs, Errors: errs, Seconds: wall.Seconds()}
	if firstErr != nil {
		l.FirstError = firstErr.Error()
	}
	if len(durs) > 0 {
		var sum time.Duration
		for _, d := range durs {
			sum += d
		}
		l.Mean = ms(sum / time.Duration(len(durs)))
		l.P50, l.P95, l.P99 = percentile(durs, .50), percentile(durs, .95), percentile(durs, .99)
	}
	if wall > 0 {
		l.QPS = float64(len(durs)) / wall.Seconds()
	}
	return l
}

// Limits bound a load run: it stops at Requests queries or after Duration,
// whichever comes first.
type Limits struct {
	Requests int
	Duration time.Duration
}

// loadRecorded runs do over the n queries of a mix from clients
// goroutines (do is told which one, 0 to clients-1), cycling through the
// mix in order, within lim. It also returns the durations of each query
// of the mix.
func loadRecorded(ctx context.Context, clients int, n int, lim Limits, do func(ctx context.Context, client, i int) error) (Latency, [][]time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, lim.Duration)
	defer cancel()
	var (
		next     atomic.Int64
		mu       sync.Mutex
		durs     []time.Duration
		per      = make([][]time.Duration, n)
		errs     int
		firstErr error
		wg       sync.WaitGroup
	)
	start := time.Now()
	for client := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []time.Duration
			var localIdx []int
			var localErrs int
			var localFirst error
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= lim.Requests {
					break
				}
				t := time.Now()
				err := do(ctx, client, i%n)
				d := time.Since(t)
				if err != nil {
					if ctx.Err() != nil {
						break // the time limit cut this query short; it is not a failure
					}
					localErrs++
					if localFirst == nil {
						localFirst = err
					}
					continue
				}
				local = append(local, d)
				localIdx = append(localIdx, i%n)
			}
			mu.Lock()
			durs = append(durs, local...)
			for j, d := range local {
				per[localIdx[j]] = append(per[localIdx[j]], d)
			}
			errs += localErrs
			if firstErr == nil {
				firstErr = localFirst
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return summarize(clients, durs, errs, firstErr, time.Since(start)), per
}

// httpLoad sends GET base+paths[i] from clients concurrent clients and
// counts anything but a 200 with a readable body as an error. The clients
// stand for distinct users, and fangtan serve limits the searches of each
// client address (web.Options.PerClient): each client connects from an
// address of its own in 127.0.0.0/8 (127.0.0.2, 127.0.0.3, …), which
// Linux routes over loopback without configuration.
func httpLoad(ctx context.Context, base string, paths []string, clients int, lim Limits) Latency {
	cs := make([]*http.Client, clients)
	for i := range cs {
		d := &net.Dialer{Timeout: 10 * time.Second, LocalAddr: &net.TCPAddr{IP: net.IPv4(127, byte((i+2)>>16), byte((i+2)>>8), byte(i+2))}}
		tr := &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true, DialContext: d.DialContext}
		defer tr.CloseIdleConnections()
		cs[i] = &http.Client{Transport: tr, Timeout: 30 * time.Second}
	}
	lat, _ := loadRecorded(ctx, clients, len(paths), lim, func(ctx context.Context, client, i int) error {
		return getOK(ctx, cs[client], base+paths[i])
	})
	return lat
}

func getOK(ctx context.Context, c *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("GET %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s: %.200s", u, resp.Status, body)
	}
	return nil
}

// peakRSS is this process's high-water resident set, from /proc or, where
// there is none, getrusage (whose Maxrss Linux reports in KiB).
func peakRSS() int64 {
	if b, err := procstat.Bytes(0, "VmHWM"); err == nil {
		return b
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		return ru.Maxrss * 1024
	}
	return 0
}

// dirSize is the total size of the regular files under dir.
func dirSize(dir string) (int64, error) {
	var total int64
	err := walkFiles(dir, func(size int64) { total += size })
	return total, err
}
