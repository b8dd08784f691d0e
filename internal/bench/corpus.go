package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Record is one line of a JSONL corpus as the peers see it. The harness
// reads the corpus itself rather than through fangtan's corpus package, so
// that the peers do not depend on the code they are compared with.
type Record struct {
	ID    string
	Date  string // as written: 20220924 or 2017-01-01
	Title string
	Text  string
}

// Year is the four-digit year of the record's date, or "".
func (r *Record) Year() string {
	if len(r.Date) >= 4 {
		return r.Date[:4]
	}
	return ""
}

// Corpus is the combined input of a run: every configuration indexes
// exactly these records, written once to Path.
type Corpus struct {
	Path      string   // the combined JSONL file every configuration reads
	Sources   []string // the files it was built from
	Limit     int      // records taken from each source, 0 = all
	Copies    int      // how many times the sources were replicated
	Records   []Record
	TextBytes int64 // UTF-8 bytes of title + text over all records
}

type line struct {
	fields   map[string]json.RawMessage
	rec      Record
	origDate json.RawMessage
}

// date returns the date of copy k: copies are dated 4k years later
// (keeping 29 February), because fangtan folds a copy of a text dated
// within a month of it into the first as a reprint (fangtan.Reprint), and
// a scale run must index distinct articles. ok is false when the line's
// date does not start with a year.
func (l *line) date(k int) (json.RawMessage, bool) {
	if l.origDate == nil {
		l.origDate = l.fields["date"]
	}
	var d string
	if json.Unmarshal(l.origDate, &d) != nil || len(d) < 4 {
		return nil, false
	}
	year, err := strconv.Atoi(d[:4])
	if err != nil {
		return nil, false
	}
	out, _ := json.Marshal(strconv.Itoa(year+4*k) + d[4:])
	return out, true
}

// BuildCorpus reads each source (up to limit records each, 0 = all),
// replicates the result copies times with fresh ids ("<id>~c<k>" for copy
// k ≥ 1, so that scale runs index distinct documents), and writes it to
// out. All other fields of every line are kept unchanged, so fangtan's own
// reader sees the same authors, tags and URLs it would see in the source.
func BuildCorpus(sources []string, limit, copies int, out string) (*Corpus, error) {
	if len(sources) == 0 {
		return nil, errors.New("corpus: no source given")
	}
	if copies < 1 {
		copies = 1
	}
	var lines []line
	for _, src := range sources {
		n := 0
		err := readJSONL(src, func(lineNo int, raw []byte) error {
			if limit > 0 && n >= limit {
				return errStop
			}
			var fields map[string]json.RawMessage
			if err := json.Unmarshal(raw, &fields); err != nil {
				return fmt.Errorf("line %d: %w", lineNo, err)
			}
			rec, err := recordOf(fields)
			if err != nil {
				return fmt.Errorf("line %d: %w", lineNo, err)
			}
			lines = append(lines, line{fields: fields, rec: rec})
			n++
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("corpus %s: %w", src, err)
		}
		if n == 0 {
			return nil, fmt.Errorf("corpus %s: no records", src)
		}
	}
	c := &Corpus{Path: out, Sources: sources, Limit: limit, Copies: copies}
	f, err := os.Create(out)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	seen := make(map[string]bool, len(lines)*copies)
	for k := 0; k < copies; k++ {
		for i := range lines {
			l := &lines[i]
			rec := l.rec
			if k > 0 {
				rec.ID = fmt.Sprintf("%s~c%d", rec.ID, k)
			}
			if seen[rec.ID] {
				f.Close()
				return nil, fmt.Errorf("corpus: duplicate id %q (combine corpora with distinct ids)", rec.ID)
			}
			seen[rec.ID] = true
			id, _ := json.Marshal(rec.ID)
			l.fields["id"] = id
			if date, ok := l.date(k); ok {
				l.fields["date"] = date
				_ = json.Unmarshal(date, &rec.Date)
			}
			b, err := json.Marshal(l.fields)
			if err != nil {
				f.Close()
				return nil, fmt.Errorf("corpus: %s: %w", rec.ID, err)
			}
			w.Write(b)
			w.WriteByte('\n')
			c.Records = append(c.Records, rec)
			c.TextBytes += int64(len(rec.Title) + len(rec.Text))
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return nil, fmt.Errorf("corpus %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("corpus %s: %w", out, err)
	}
	return c, nil
}

// ReadRecords reads a JSONL corpus written by BuildCorpus.
func ReadRecords(path string) ([]Record, error) {
	var recs []Record
	err := readJSONL(path, func(lineNo int, raw []byte) error {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil {
			return fmt.Errorf("line %d: %w", lineNo, err)
		}
		rec, err := recordOf(fields)
		if err != nil {
			return fmt.Errorf("line %d: %w", lineNo, err)
		}
		recs = append(recs, rec)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", path, err)
	}
	return recs, nil
}

var errStop = errors.New("stop")

// readJSONL calls fn with every non-blank line of path. Lines may be long
// (a whole article), so it reads with ReadBytes rather than a Scanner.
func readJSONL(path string, fn func(lineNo int, raw []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	for lineNo := 1; ; lineNo++ {
		raw, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(raw)) > 0 {
			if ferr := fn(lineNo, raw); ferr != nil {
				if ferr == errStop {
					return nil
				}
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", lineNo, err)
		}
	}
}

// recordOf takes id, date, title and text from a decoded line; null or
// missing title and date are empty, a missing id or text is an error.
func recordOf(fields map[string]json.RawMessage) (Record, error) {
	var rec Record
	str := func(name string, dst *string, required bool) error {
		raw, ok := fields[name]
		if !ok || string(raw) == "null" {
			if required {
				return fmt.Errorf("field %q missing", name)
			}
			return nil
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			return fmt.Errorf("field %q: %w", name, err)
		}
		return nil
	}
	if err := str("id", &rec.ID, true); err != nil {
		return rec, err
	}
	if strings.TrimSpace(rec.ID) == "" {
		return rec, errors.New(`field "id" is empty`)
	}
	if err := str("text", &rec.Text, true); err != nil {
		return rec, err
	}
	if err := str("title", &rec.Title, false); err != nil {
		return rec, err
	}
	if err := str("date", &rec.Date, false); err != nil {
		return rec, err
	}
	if !utf8.ValidString(rec.Text) {
		return rec, fmt.Errorf("record %s: text is not valid UTF-8", rec.ID)
	}
	return rec, nil
}
