package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"fangtan/analyzer"
	"fangtan/internal/han"
)

// The word lists extraction relies on, as text files a user can read and
// extend: extract/data/*.txt. Each is parsed once; a malformed line in
// them is a bug caught by TestEmbeddedLexicons.
//
//go:embed data/*.txt
var dataFS embed.FS

// mustList parses an embedded list file.
func mustList(name string) []string {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	words, err := parseList(f, "extract/data/"+name)
	if err != nil {
		panic(err)
	}
	return words
}

// mustTable parses an embedded table file.
func mustTable(name string) []tableRow {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	rows, err := parseTable(f, "extract/data/"+name)
	if err != nil {
		panic(err)
	}
	return rows
}

// parseList reads one entry a line, skipping blank lines and # comments.
// Entries are folded to Simplified, so either script may be written. An
// entry holding spaces or punctuation other than · and - is an error that
// names the file and the line.
func parseList(r io.Reader, name string) ([]string, error) {
	var out []string
	err := eachLine(r, name, func(line string, n int) error {
		if err := checkEntry(line); err != nil {
			return fmt.Errorf("%s:%d: %q: %v", name, n, line, err)
		}
		out = append(out, analyzer.Fold(line))
		return nil
	})
	return out, err
}

// tableRow is a line "key: value, value" of a table file.
type tableRow struct {
	key    string
	values []string
	line   int
}

// parseTable reads lines "key: value, value, …" (a full-width colon or
// comma works too), skipping blank lines and # comments. A line without a
// colon, with an empty key, or with an empty value is an error naming the
// file and the line.
func parseTable(r io.Reader, name string) ([]tableRow, error) {
	var out []tableRow
	err := eachLine(r, name, func(line string, n int) error {
		line = strings.ReplaceAll(line, "：", ":")
		key, rest, ok := strings.Cut(line, ":")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			return fmt.Errorf("%s:%d: %q: want \"name: word, word\"", name, n, line)
		}
		if err := checkEntry(key); err != nil {
			return fmt.Errorf("%s:%d: %q: %v", name, n, key, err)
		}
		row := tableRow{key: analyzer.Fold(key), line: n}
		for _, v := range strings.Split(strings.ReplaceAll(rest, "，", ","), ",") {
			v = strings.TrimSpace(v)
			if v == "" {
				return fmt.Errorf("%s:%d: an empty entry after %q", name, n, key)
			}
			if err := checkEntry(v); err != nil {
				return fmt.Errorf("%s:%d: %q: %v", name, n, v, err)
			}
			row.values = append(row.values, analyzer.Fold(v))
		}
		out = append(out, row)
		return nil
	})
	return out, err
}

func eachLine(r io.Reader, name string, fn func(line string, n int) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Bytes()
		if !utf8.Valid(raw) {
			return fmt.Errorf("%s:%d: not UTF-8", name, n)
		}
		line := strings.TrimSpace(strings.TrimPrefix(string(raw), "\uFEFF"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line, n); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return nil
}

// checkEntry accepts words: letters and digits, with · or - inside names
// (迪亚斯-卡内尔); any middle dot folds to · (analyzer.Fold).
func checkEntry(s string) error {
	if s == "" {
		return fmt.Errorf("empty")
	}
	body := analyzer.Fold(s)
	// A name whose last part news writes in brackets, as it writes the
	// two Congos (刚果（布）).
	if open := strings.IndexRune(body, '('); open > 0 && strings.HasSuffix(body, ")") {
		body = body[:open] + body[open+1:len(body)-1]
	}
	for _, r := range body {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || han.IsNameJoiner(r) {
			continue
		}
		return fmt.Errorf("%q is not a letter, a digit, · or - (or brackets that close the entry)", r)
	}
	return nil
}

// Aliases map the other names of a person (习主席, 习总书记) to the name
// facets, filters and speakers use (习近平).
type Aliases struct {
	canonical map[string]string
}

// DefaultAliases returns the built-in aliases (extract/data/aliases.txt).
func DefaultAliases() *Aliases {
	a, err := aliasesFrom(mustTable("aliases.txt"), "extract/data/aliases.txt")
	if err != nil {
		panic(err)
	}
	return a
}

// LoadAliases reads an alias file: lines "习近平: 习主席, 习总书记". The
// built-in aliases stay, unless the file gives the same alias another name.
func LoadAliases(path string) (*Aliases, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	defer f.Close()
	rows, err := parseTable(f, path)
	if err != nil {
		return nil, err
	}
	a := DefaultAliases()
	more, err := aliasesFrom(rows, path)
	if err != nil {
		return nil, err
	}
	for k, v := range more.canonical {
		a.canonical[k] = v
	}
	return a, nil
}

func aliasesFrom(rows []tableRow, name string) (*Aliases, error) {
	a := &Aliases{canonical: map[string]string{}}
	for _, r := range rows {
		for _, v := range r.values {
			if other, ok := a.canonical[v]; ok && other != r.key {
				return nil, fmt.Errorf("%s:%d: %s is already an alias of %s", name, r.line, v, other)
			}
			if v == r.key {
				continue
			}
			a.canonical[v] = r.key
		}
	}
	return a, nil
}

// Canonical returns the name an alias stands for, or name itself.
func (a *Aliases) Canonical(name string) string {
	if a == nil {
		return name
	}
	if c, ok := a.canonical[name]; ok {
		return c
	}
	return name
}

// IsName reports whether name is the name some alias stands for (特朗普,
// 普京): the one the facets count the person under.
func (a *Aliases) IsName(name string) bool {
	if a == nil {
		return false
	}
	for _, n := range a.canonical {
		if n == name {
			return true
		}
	}
	return false
}

// Len is the number of aliases.
func (a *Aliases) Len() int { return len(a.canonical) }
