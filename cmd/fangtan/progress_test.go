package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"fangtan/index"
)

// fakeClock is a clock the test moves.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func newFakeClock() *fakeClock           { return &fakeClock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)} }
func wantIn(t *testing.T, line, want string) {
	t.Helper()
	if !strings.Contains(line, want) {
		t.Errorf("bar %q lacks %q", line, want)
	}
}

// The bar goes through every stage, measures what each can know, and
// ends on a line at 100%; the stage times add up to the clock's.
func TestProgressBarStages(t *testing.T) {
	clk := newFakeClock()
	var out bytes.Buffer
	stages := []index.Stage{index.StageIndex, index.StageRegistry, index.StageMerge}
	b := newBar(&out, 20e6, stages, clk.now)

	// Reading: input bytes against the files' size, whatever share of
	// them is text.
	b.update(index.Progress{Stage: index.StageIndex, Documents: 100, Bytes: 3e6})
	b.readBytes(5e6)
	clk.add(10 * time.Second)
	line := b.line()
	for _, want := range []string{"[1/3 indexing]", " 25%", "5.0/20.0 MB", "100 documents", "0:10, ETA 0:30"} {
		wantIn(t, line, want)
	}
	// Everything read (or more: a file grew) while the last batches are
	// written is not yet 100%.
	b.readBytes(30e6)
	b.update(index.Progress{Stage: index.StageIndex, Documents: 400, Bytes: 16e6})
	wantIn(t, b.line(), " 99%  20.0 MB read, writing the last batches")

	b.update(index.Progress{Stage: index.StageRegistry})
	clk.add(3 * time.Second)
	b.update(index.Progress{Stage: index.StageRegistry, Step: 30, Steps: 40})
	line = b.line()
	for _, want := range []string{"[2/3 registry]", " 75%", "30/40 names", "0:03, ETA 0:01"} {
		wantIn(t, line, want)
	}
	b.update(index.Progress{Stage: index.StageRegistry, Step: 40, Steps: 40, Read: 12, ToRead: 90})
	wantIn(t, b.line(), " 99%  40 names looked for, 12/90 articles naming one read")
	b.update(index.Progress{Stage: index.StageRegistry, Step: 40, Steps: 40, Read: 90, ToRead: 90})
	wantIn(t, b.line(), " 99%  40 names looked for, writing")

	b.update(index.Progress{Stage: index.StageMerge})
	clk.add(7 * time.Second)
	line = b.line()
	for _, want := range []string{"[3/3 merging]", "0:07"} {
		wantIn(t, line, want)
	}
	if strings.Contains(line, "%") {
		t.Errorf("the merge shows a percentage it cannot know: %q", line)
	}

	b.update(index.Progress{Documents: 400, Done: true})
	clk.add(time.Second)
	took := b.finish(true)
	last := out.String()
	if !strings.HasSuffix(last, "\n") || !strings.Contains(last, "100%") || !strings.Contains(last, "400 documents") {
		t.Errorf("the last line %q is not a finished bar at 100%%", last)
	}
	want := map[index.Stage]time.Duration{index.StageIndex: 10 * time.Second, index.StageRegistry: 3 * time.Second, index.StageMerge: 8 * time.Second}
	for st, d := range want {
		if took[st] != d {
			t.Errorf("stage %s took %v, want %v", st, took[st], d)
		}
	}
}

// A failed build clears the bar rather than claiming 100%.
func TestProgressBarFailure(t *testing.T) {
	var out bytes.Buffer
	b := newBar(&out, 100, []index.Stage{index.StageIndex}, newFakeClock().now)
	b.readBytes(50)
	b.finish(false)
	if strings.Contains(out.String(), "100%") {
		t.Errorf("a failed build ends at 100%%: %q", out.String())
	}
}

// The summary reports the whole command's wall time: before, it left out
// the dictionaries' load and the merge (0.5 s reported for 3.2 s on the
// sample, 124 s for 147 on xwlb).
func TestIndexSummaryReportsWallTime(t *testing.T) {
	fangtanBinary(t)
	idx := filepath.Join(t.TempDir(), "idx")
	start := time.Now()
	r := mustRun(t, "index", "--index", idx, "--quiet")
	wall := time.Since(start)
	m := regexp.MustCompile(`indexed \d+ documents .* in ([0-9.]+)s,`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("no summary in %q", r.stdout)
	}
	reported, _ := strconv.ParseFloat(m[1], 64)
	// The process's own start-up and exit are the only time left out.
	if reported < 0.85*wall.Seconds()-0.1 || reported > wall.Seconds()+0.05 {
		t.Errorf("summary says %.1fs for a command that took %.2fs", reported, wall.Seconds())
	}
	if !strings.Contains(r.stdout, "stages: indexing") || !strings.Contains(r.stdout, "merging") {
		t.Errorf("the summary lacks the stages' times: %q", r.stdout)
	}
}
