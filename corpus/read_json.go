package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// record is a news item as the JSON corpora hold it. Every field is
// optional; date may be YYYYMMDD, YYYY-MM-DD or a longer timestamp, and
// author may be a string or a list. Scrapers and news APIs name the same
// fields in other words (content, headline, publish_time, media): each
// field takes the first of its names that a record fills.
type record struct {
	ID     json.RawMessage `json:"id"`
	Title  string          `json:"title"`
	Date   json.RawMessage `json:"date"`
	Source string          `json:"source"`
	URL    string          `json:"url"`
	Author json.RawMessage `json:"author"`
	Text   string          `json:"text"`

	Headline    string          `json:"headline"`
	Content     string          `json:"content"`
	Body        string          `json:"body"`
	Article     string          `json:"article"`
	PublishTime json.RawMessage `json:"publish_time"`
	PublishedAt json.RawMessage `json:"published_at"`
	PubDate     json.RawMessage `json:"pubdate"`
	Time        json.RawMessage `json:"time"`
	Media       string          `json:"media"`
	Site        string          `json:"site"`
	Publisher   string          `json:"publisher"`
	Link        string          `json:"link"`
	Authors     json.RawMessage `json:"authors"`
}

// settle fills each field from the first of its other names.
func (r *record) settle() {
	r.Title = firstNonEmpty(r.Title, r.Headline)
	r.Text = firstNonEmpty(r.Text, r.Content, r.Body, r.Article)
	for _, d := range []json.RawMessage{r.PublishTime, r.PublishedAt, r.PubDate, r.Time} {
		if rawString(r.Date) == "" {
			r.Date = d
		}
	}
	r.Source = firstNonEmpty(r.Source, r.Media, r.Site, r.Publisher)
	r.URL = firstNonEmpty(r.URL, r.Link)
	if rawString(r.Author) == "" && len(rawAuthors(r.Author)) == 0 {
		r.Author = r.Authors
	}
}

// listKeys are the keys under which a news API's JSON file holds its
// records: {"data": [...]}, {"articles": [...]}.
var listKeys = []string{"data", "items", "articles", "results", "records", "news", "list"}

// recordList returns the array of records a wrapping object holds under one
// of listKeys, or nil when raw is a record itself.
func recordList(raw []byte) []json.RawMessage {
	var wrapper map[string]json.RawMessage
	if json.Unmarshal(raw, &wrapper) != nil {
		return nil
	}
	for _, k := range []string{"text", "title", "content", "headline", "body"} {
		if _, ok := wrapper[k]; ok {
			return nil
		}
	}
	for _, k := range listKeys {
		var items []json.RawMessage
		if v, ok := wrapper[k]; ok && json.Unmarshal(v, &items) == nil && len(items) > 0 {
			return items
		}
	}
	return nil
}

// MaxLineBytes caps one line of a JSON-lines file. A document's text may
// hold 2 MB (fangtan.MaxDocumentBytes), which JSON's \uXXXX escapes can
// double; the rest of a record is small. A longer line is skipped, and
// named, without ever being held in memory: a 1 GB line used to take 2.3 GB
// to read and refuse.
const MaxLineBytes = 8 << 20

// errLongLine reports a line over MaxLineBytes; readLine has skipped it.
type errLongLine struct{ n int64 }

func (e errLongLine) Error() string {
	return fmt.Sprintf("line of %.1f MB is longer than a JSON-lines record may be (%d MB)", float64(e.n)/1e6, MaxLineBytes>>20)
}

// readLine reads one line, '\n' included, of at most max bytes. A longer
// line is read to its end in pieces, without keeping them, and reported as
// errLongLine; the next call reads the next line.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	var n int64
	for {
		frag, err := br.ReadSlice('\n')
		n += int64(len(frag))
		if n <= int64(max) {
			line = append(line, frag...)
		} else {
			line = nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if n > int64(max) && (err == nil || err == io.EOF) {
			if err == nil {
				return nil, errLongLine{n}
			}
			return nil, errors.Join(errLongLine{n}, io.EOF)
		}
		return line, err
	}
}

// readJSONLines streams a JSON-lines file, one line of at most MaxLineBytes
// at a time. A broken or over-long line is a problem named file:line; the
// other lines go on.
func readJSONLines(ctx context.Context, r io.Reader, in input, stem string, yield func(page) error, problem func(Problem)) error {
	br := bufio.NewReaderSize(r, 1<<16)
	lineNo, good, bad := 0, 0, 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := readLine(br, MaxLineBytes)
		var long errLongLine
		if errors.As(err, &long) {
			lineNo++
			bad++
			problem(Problem{Path: in.display + ":" + strconv.Itoa(lineNo), Reason: long.Error()})
			if errors.Is(err, io.EOF) {
				break
			}
			continue
		}
		if len(line) > 0 {
			lineNo++
			if lineNo == 1 {
				line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
			}
			line = bytes.TrimSpace(line)
			if len(line) > 0 {
				p, perr := recordPage(line, in.rel, stem, lineNo)
				switch {
				case perr != nil:
					bad++
					problem(Problem{Path: in.display + ":" + strconv.Itoa(lineNo), Reason: perr.Error()})
				case p != nil:
					good++
					if yerr := yield(*p); yerr != nil {
						return yerr
					}
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read line %d: %s", lineNo+1, describeOSError(err))
		}
	}
	if good == 0 && bad == 0 {
		return errEmpty
	}
	if good == 0 {
		return errors.New("no readable JSON record")
	}
	return nil
}

// readJSONFile reads a .json file holding one record or an array of them.
func readJSONFile(raw []byte, in input, stem string, yield func(page) error, problem func(Problem)) error {
	raw = bytes.TrimSpace(bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF}))
	if len(raw) == 0 {
		return errEmpty
	}
	items := recordList(raw)
	if raw[0] != '[' && items == nil {
		p, err := recordPage(raw, in.rel, stem, 0)
		if err != nil {
			return err
		}
		if p == nil {
			return errors.New("JSON record without text")
		}
		p.id = strings.TrimSuffix(p.id, "-0")
		return yield(*p)
	}
	if items == nil {
		if err := json.Unmarshal(raw, &items); err != nil {
			return fmt.Errorf("invalid JSON: %s", jsonErrorText(err))
		}
	}
	good := 0
	for i, item := range items {
		p, err := recordPage(item, in.rel, stem, i+1)
		if err != nil {
			problem(Problem{Path: fmt.Sprintf("%s[%d]", in.display, i), Reason: err.Error()})
			continue
		}
		if p != nil {
			good++
			if err := yield(*p); err != nil {
				return err
			}
		}
	}
	if good == 0 {
		return errors.New("no readable JSON record")
	}
	return nil
}

// recordPage turns one JSON object into a page. A record without text gives
// no page and no error: it has nothing to index.
func recordPage(raw []byte, rel, stem string, n int) (*page, error) {
	if !utf8.Valid(raw) {
		return nil, errors.New("not UTF-8")
	}
	var rec record
	if err := json.Unmarshal(raw, &rec); err != nil {
		return nil, fmt.Errorf("invalid JSON: %s", jsonErrorText(err))
	}
	rec.settle()
	if strings.TrimSpace(rec.Text) == "" {
		if strings.TrimSpace(rec.Title) == "" {
			return nil, errors.New("record has neither text (or content, body, article) nor title (or headline)")
		}
		rec.Text = rec.Title
	}
	p := &page{file: rel, stem: stem, record: true}
	p.id = rawString(rec.ID)
	if p.id == "" {
		p.id = stem + "-" + strconv.Itoa(n)
	}
	p.hints = pageMeta{
		Title:   strings.TrimSpace(rec.Title),
		Date:    normalizeDate(rawString(rec.Date)),
		Source:  normalizeSource(rec.Source),
		URL:     strings.TrimSpace(rec.URL),
		Authors: rawAuthors(rec.Author),
	}
	p.titled = p.hints.Title != ""
	if p.hints.Source == "" {
		p.hints.Source = sourceForStem(stem)
	}
	p.lines = strings.Split(strings.ReplaceAll(rec.Text, "\r\n", "\n"), "\n")
	for i, l := range p.lines {
		// A record scraped from Markdown keeps its block quotations'
		// marks (> 他形容自己…, > **日照香爐生紫煙**): they are no text,
		// and a quotation or heading behind one must open its paragraph.
		p.lines[i] = trimQuoteMarks(l)
	}
	if lines := htmlFragmentLines(rec.Text); lines != nil {
		p.lines = lines // <p>…</p><p>…</p>: the article's markup
	}
	return p, nil
}

// rawString reads a JSON string or number as text; null gives "".
func rawString(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var num json.Number
	if json.Unmarshal(raw, &num) == nil {
		return num.String()
	}
	return ""
}

// rawAuthors reads an author field given as a string ("甲、乙" too), a
// list, or an object or list of objects with a name ({"name": "张三"}).
func rawAuthors(raw json.RawMessage) []string {
	var named []struct{ Name string }
	if json.Unmarshal(raw, &named) != nil {
		var one struct{ Name string }
		if json.Unmarshal(raw, &one) == nil && one.Name != "" {
			named = append(named[:0], one)
		}
	}
	var list []string
	for _, n := range named {
		if n.Name != "" {
			list = append(list, n.Name)
		}
	}
	if len(list) == 0 && json.Unmarshal(raw, &list) != nil {
		s := rawString(raw)
		if s == "" {
			return nil
		}
		list = strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' })
	}
	var out []string
	for _, a := range list {
		if a = strings.TrimSpace(a); a != "" {
			out = appendUnique(out, foldName(a))
		}
	}
	return out
}

// jsonErrorText keeps the decoder's message but not its Go type names.
func jsonErrorText(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s (at byte %d)", se.Error(), se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q has the wrong type (%s)", te.Field, te.Value)
	}
	return err.Error()
}

// stemSources names the publication of the known corpora, whose records
// carry no source field.
var stemSources = []struct{ prefix, source string }{
	{"xwlb", "新闻联播"},
	{"hkcnews", "众新闻"},
}

func sourceForStem(stem string) string {
	s := strings.ToLower(stem)
	for _, ss := range stemSources {
		if strings.HasPrefix(s, ss.prefix) {
			return ss.source
		}
	}
	return ""
}
