package main

import (
	"fmt"
	"golang.org/x/term"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Marks that plain puts around a highlighted span on a terminal; safeWriter
// turns them into bold red there and drops them elsewhere. They are
// private-use runes, which plain removes from the text it is given, so a
// document cannot use them.
const (
	markOpen  = '\uE000'
	markClose = '\uE001'
)

// safeWriter neutralises what a terminal would obey in text that comes from
// the corpus or from file names: control characters other than newline and
// tab (ESC starts OSC titles, OSC 8 links and cursor moves; CR overwrites a
// line), C1 controls, bidirectional overrides and invalid UTF-8 are written
// as visible escapes (\x1b, \r, \u009b, \u202e, \xff). Every command writes through
// one, so a crafted title or file name can neither drive the terminal nor
// forge a line of a report. JSON output is unaffected: the encoder has
// already escaped what matters, and \u escapes stay valid JSON.
type safeWriter struct {
	w       io.Writer
	tty     bool   // markOpen/markClose become colours
	pending []byte // an incomplete rune at the end of the last Write
}

func newSafeWriter(w io.Writer) *safeWriter {
	return &safeWriter{w: w, tty: isTerminal(w)}
}

// rawWriter is the writer under a safeWriter, for the progress bar, whose
// own control sequences are meant for the terminal.
func rawWriter(w io.Writer) io.Writer {
	if s, ok := w.(*safeWriter); ok {
		return s.w
	}
	return w
}

func (s *safeWriter) Write(p []byte) (int, error) {
	buf := append(s.pending, p...)
	// A rune split across two writes (bufio flushes by size) waits for its
	// end rather than being escaped as invalid.
	cut := len(buf)
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-utf8.UTFMax; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	s.pending = append([]byte(nil), buf[cut:]...)
	if _, err := s.w.Write(neutralise(buf[:cut], s.tty)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a dangling incomplete rune, escaped.
func (s *safeWriter) Flush() error {
	if len(s.pending) == 0 {
		return nil
	}
	_, err := s.w.Write(neutralise(s.pending, s.tty))
	s.pending = nil
	return err
}

func neutralise(b []byte, tty bool) []byte {
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\x%02x`, b[0])
		case r == '\n' || r == '\t':
			out = append(out, b[0])
		case r < 0x20:
			out = fmt.Appendf(out, `\x%02x`, r)
		// JSON output holds these raw (json.Encoder leaves them), so they
		// take an escape that is also valid inside a JSON string.
		case r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0x061c, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			out = fmt.Appendf(out, `\u%04x`, r)
		case r == markOpen:
			if tty {
				out = append(out, "\x1b[1;31m"...)
			}
		case r == markClose:
			if tty {
				out = append(out, "\x1b[0m"...)
			}
		default:
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

func isTerminalFd(fd uintptr) bool { return term.IsTerminal(int(fd)) }

func isTerminal(w io.Writer) bool {
	f, ok := rawWriter(w).(*os.File)
	return ok && isTerminalFd(f.Fd())
}

// oneLine escapes the newlines and tabs of a value printed on one line of a
// report (a file name, a title), which safeWriter lets through: a file
// named "a\nfangtan: …" must not forge a line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.NewReplacer("\n", `\n`, "\t", `\t`).Replace(s)
}
