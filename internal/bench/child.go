package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime/pprof"
	"strings"
	"time"
)

// Each configuration indexes, and serves for the startup and HTTP
// measurements, in a child process of its own: peak RSS is per process, so
// only a fresh process gives each configuration its own figure. The child
// is this same program re-executed with childEnv set to a childSpec.
const childEnv = "FANGTAN_BENCH_CHILD"

// resultMarker starts the line on which an index child reports, so that
// anything else a library prints to stdout cannot be mistaken for it.
const resultMarker = "FANGTAN-BENCH-RESULT "

type childSpec struct {
	Mode   string `json:"mode"` // "index" or "serve"
	System string `json:"system"`
	Corpus string `json:"corpus,omitempty"`
	Dir    string `json:"dir"`
	Addr   string `json:"addr,omitempty"`
	// CPUProfile, when set, is where an index child writes a pprof CPU
	// profile of its build.
	CPUProfile string `json:"cpu_profile,omitempty"`
}

type childResult struct {
	Docs      int     `json:"docs"`
	Skipped   int     `json:"skipped"`
	FirstSkip string  `json:"first_skipped,omitempty"`
	Seconds   float64 `json:"seconds"`
	PeakRSS   int64   `json:"peak_rss"`
	// CPUSeconds is the child's whole user + system time, filled in by the
	// parent: less sensitive than wall time to other work on the machine.
	CPUSeconds float64 `json:"-"`
}

// IsChild reports whether this process was started by the harness as a
// child; the program's entry point (fangtan bench, or a test's TestMain)
// must then call RunChild and nothing else.
func IsChild() bool { return os.Getenv(childEnv) != "" }

// RunChild does what the parent asked in the environment: build one
// configuration's index and report on stdout, or serve it on the given
// loopback address until ctx is done.
func RunChild(ctx context.Context, stdout io.Writer) error {
	var spec childSpec
	if err := json.Unmarshal([]byte(os.Getenv(childEnv)), &spec); err != nil {
		return fmt.Errorf("bench child: bad %s: %w", childEnv, err)
	}
	sys, err := systemNamed(spec.System)
	if err != nil {
		return err
	}
	switch spec.Mode {
	case "index":
		if spec.CPUProfile != "" {
			f, err := os.Create(spec.CPUProfile)
			if err != nil {
				return fmt.Errorf("bench child: %w", err)
			}
			defer f.Close()
			if err := pprof.StartCPUProfile(f); err != nil {
				return fmt.Errorf("bench child: %w", err)
			}
			defer pprof.StopCPUProfile()
		}
		start := time.Now()
		n, skipped, err := sys.Build(ctx, spec.Corpus, spec.Dir)
		if err != nil {
			return fmt.Errorf("bench child: %s: build: %w", spec.System, err)
		}
		res := childResult{Docs: n, Skipped: len(skipped), Seconds: time.Since(start).Seconds(), PeakRSS: peakRSS()}
		if len(skipped) > 0 {
			res.FirstSkip = skipped[0]
		}
		b, _ := json.Marshal(res)
		_, err = fmt.Fprintf(stdout, "\n%s%s\n", resultMarker, b)
		return err
	case "serve":
		if !isLoopback(spec.Addr) {
			return fmt.Errorf("bench child: serve address %q is not on loopback", spec.Addr)
		}
		e, err := sys.Open(ctx, spec.Dir)
		if err != nil {
			return err
		}
		defer e.Close()
		srv := &http.Server{Addr: spec.Addr, Handler: e.Handler(), ReadHeaderTimeout: 10 * time.Second}
		go func() {
			<-ctx.Done()
			srv.Close()
		}()
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("bench child: serve %s: %w", spec.Addr, err)
		}
		return nil
	}
	return fmt.Errorf("bench child: unknown mode %q", spec.Mode)
}

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// childCmd prepares self re-executed as a child doing spec.
func childCmd(ctx context.Context, self []string, spec childSpec, stderr io.Writer) (*exec.Cmd, error) {
	if len(self) == 0 {
		return nil, errors.New("bench: no command to start children with")
	}
	b, err := json.Marshal(spec)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, self[0], self[1:]...)
	cmd.Env = append(os.Environ(), childEnv+"="+string(b))
	cmd.Stderr = stderr
	cmd.Cancel = func() error { return cmd.Process.Kill() }
	return cmd, nil
}

// indexInChild builds one configuration's index in a child process.
func indexInChild(ctx context.Context, self []string, system, corpus, dir, profile string, stderr io.Writer) (childResult, error) {
	var res childResult
	var errOut bytes.Buffer
	cmd, err := childCmd(ctx, self, childSpec{Mode: "index", System: system, Corpus: corpus, Dir: dir, CPUProfile: profile}, io.MultiWriter(stderr, &errOut))
	if err != nil {
		return res, err
	}
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return res, fmt.Errorf("%s: index child: %w: %s", system, err, lastLine(errOut.String()))
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if line, ok := strings.CutPrefix(sc.Text(), resultMarker); ok {
			if err := json.Unmarshal([]byte(line), &res); err != nil {
				return res, fmt.Errorf("%s: index child result: %w", system, err)
			}
			res.CPUSeconds = (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
			return res, nil
		}
	}
	return res, fmt.Errorf("%s: index child reported no result", system)
}

// freeLoopbackAddr finds a free port on 127.0.0.1 for a child server.
func freeLoopbackAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	return addr, ln.Close()
}

// lastLine is the last non-blank line of a child's stderr: its error.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
