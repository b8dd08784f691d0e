package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fangtan/index"
)

// progressBar shows how far fangtan index has come, stage by stage, on a
// terminal. It measures only what it can know: while documents are read
// and indexed, the bytes of the input files consumed against their sizes
// (not the text extracted from them, which is smaller by a share that
// varies with the format: on xwlb it stalled at 86%); during the
// registry's pass, the names looked for against their number; during the
// merge, which bleve does not measure, only the time it has taken. It
// always ends on a line at 100%.
//
// It also times the stages, terminal or not, for the summary.
type progressBar struct {
	w      io.Writer // nil: time the stages, draw nothing
	now    func() time.Time
	stages []index.Stage
	total  int64        // bytes of the input files
	read   atomic.Int64 // of them consumed so far

	mu         sync.Mutex
	last       index.Progress
	stage      index.Stage
	stageStart time.Time
	took       map[index.Stage]time.Duration
	finished   bool
	stop, done chan struct{}
}

const barWidth = 24

// newProgressBar draws on w only when it is a terminal and not quiet;
// stages are those the build will go through, in order.
func newProgressBar(w io.Writer, total int64, quiet bool, stages []index.Stage) *progressBar {
	if quiet || !isTerminal(w) {
		w = nil
	} else {
		w = rawWriter(w) // the bar's own \r and escapes, not the corpus's
	}
	b := newBar(w, total, stages, time.Now)
	if b.w != nil {
		b.stop, b.done = make(chan struct{}), make(chan struct{})
		go b.loop(200 * time.Millisecond)
	}
	return b
}

func newBar(w io.Writer, total int64, stages []index.Stage, now func() time.Time) *progressBar {
	return &progressBar{w: w, now: now, stages: stages, total: total,
		stage: index.StageIndex, stageStart: now(), took: map[index.Stage]time.Duration{}}
}

// loop redraws the bar, so that the merge's clock moves though nothing
// reports during it.
func (b *progressBar) loop(every time.Duration) {
	defer close(b.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
			b.mu.Lock()
			if !b.finished {
				fmt.Fprint(b.w, "\r"+b.line()+"\x1b[K")
			}
			b.mu.Unlock()
		}
	}
}

// readBytes is corpus.Options.Read.
func (b *progressBar) readBytes(n int64) { b.read.Add(n) }

// update is index.BuildOptions.Progress.
func (b *progressBar) update(p index.Progress) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if p.Stage != "" && p.Stage != b.stage {
		now := b.now()
		b.took[b.stage] += now.Sub(b.stageStart)
		b.stage, b.stageStart = p.Stage, now
	}
	if p.Stage == index.StageIndex || p.Done {
		b.last.Documents, b.last.Quotes = p.Documents, p.Quotes
	}
	b.last.Step, b.last.Steps = p.Step, p.Steps
	b.last.Read, b.last.ToRead = p.Read, p.ToRead
}

// finish stops the bar; after a success it draws its last line, at 100%.
// It returns how long each stage took.
func (b *progressBar) finish(ok bool) map[index.Stage]time.Duration {
	b.mu.Lock()
	if !b.finished {
		b.took[b.stage] += b.now().Sub(b.stageStart)
		b.finished = true
	}
	b.mu.Unlock()
	if b.stop != nil {
		close(b.stop)
		<-b.done
		b.stop = nil
	}
	if b.w != nil {
		if ok {
			fmt.Fprint(b.w, "\r"+b.doneLine()+"\x1b[K\n")
		} else {
			fmt.Fprint(b.w, "\r\x1b[K")
		}
	}
	return b.took
}

// line is the bar as it is now; b.mu is held.
func (b *progressBar) line() string {
	n, of := 1, len(b.stages)
	for i, s := range b.stages {
		if s == b.stage {
			n = i + 1
		}
	}
	elapsed := b.now().Sub(b.stageStart)
	head := fmt.Sprintf("[%d/%d %s]", n, of, stageName(b.stage))
	switch b.stage {
	case index.StageIndex:
		read := min(b.read.Load(), b.total)
		frac := 0.0
		if b.total > 0 {
			frac = float64(read) / float64(b.total)
		}
		if frac >= 1 {
			// Everything is read; the last batches are still being
			// written, which takes seconds: not 100% yet.
			return fmt.Sprintf("%s %s  99%%  %.1f MB read, writing the last batches  %d documents  %s", head, bar(0.99),
				float64(b.total)/1e6, b.last.Documents, clock(elapsed))
		}
		return fmt.Sprintf("%s %s %3.0f%%  %.1f/%.1f MB  %d documents  %s", head, bar(frac), 100*frac,
			float64(read)/1e6, float64(b.total)/1e6, b.last.Documents, eta(frac, elapsed))
	case index.StageRegistry:
		frac := 0.0
		if b.last.Steps > 0 {
			frac = float64(b.last.Step) / float64(b.last.Steps)
		}
		if b.last.Steps > 0 && b.last.Step >= b.last.Steps {
			if b.last.Read < b.last.ToRead {
				return fmt.Sprintf("%s %s  99%%  %d names looked for, %d/%d articles naming one read  %s", head, bar(0.99), b.last.Steps, b.last.Read, b.last.ToRead, clock(elapsed))
			}
			return fmt.Sprintf("%s %s  99%%  %d names looked for, writing the articles that gained one  %s", head, bar(0.99), b.last.Steps, clock(elapsed))
		}
		return fmt.Sprintf("%s %s %3.0f%%  %d/%d names  %s", head, bar(frac), 100*frac, b.last.Step, b.last.Steps, eta(frac, elapsed))
	default:
		// bleve gives no measure of a merge: a moving mark and the time.
		pos := int(elapsed/(250*time.Millisecond)) % barWidth
		marks := []byte(strings.Repeat(" ", barWidth))
		marks[pos] = '#'
		return fmt.Sprintf("%s [%s]  %s", head, marks, clock(elapsed))
	}
}

func (b *progressBar) doneLine() string {
	var total time.Duration
	for _, d := range b.took {
		total += d
	}
	return fmt.Sprintf("[done] %s 100%%  %d documents  %s", bar(1), b.last.Documents, clock(total))
}

func stageName(s index.Stage) string {
	switch s {
	case index.StageIndex:
		return "indexing"
	case index.StageRegistry:
		return "registry"
	case index.StageMerge:
		return "merging"
	}
	return string(s)
}

func bar(frac float64) string {
	frac = max(0, min(frac, 1))
	full := int(frac * barWidth)
	return "[" + strings.Repeat("=", full) + strings.Repeat(" ", barWidth-full) + "]"
}

// eta extrapolates the stage's pace; nothing before 2% or 2 s, when the
// pace says little yet.
func eta(frac float64, elapsed time.Duration) string {
	if frac < 0.02 || elapsed < 2*time.Second {
		return clock(elapsed)
	}
	left := time.Duration(float64(elapsed) * (1 - frac) / frac)
	return clock(elapsed) + ", ETA " + clock(left)
}

func clock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
