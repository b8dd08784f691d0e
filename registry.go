package fangtan

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"fangtan/internal/han"
)

// Registry is the corpus-level list of officials: every name seen with a
// post anywhere in an index, with the posts it was seen with. A name in
// the registry is an official in every article of the index that names
// it, post or not (王毅 in an article that calls him only 王毅), so that
// the official facet counts every article about a person.
//
// It also keeps the aliases the index was built with (习主席 → 习近平),
// so that a filter or a speaker typed as an alias finds the person.
//
// A Registry is safe for concurrent use.
type Registry struct {
	mu        sync.Mutex
	officials map[string]*RegisteredOfficial
	aliases   map[string]string
	// generation changes with every change of the officials or the
	// aliases, so that a reader caching something made of them (extract's
	// name finder) knows when to make it again.
	generation uint64
	// wholes maps a name to the registered names it is the first or last
	// part of (Forms), made for formsGeneration.
	wholes          map[string][]string
	formsGeneration uint64
}

// RegisteredOfficial is one person of a Registry.
type RegisteredOfficial struct {
	Name string `json:"name"`
	// Country is a country some article gave them (firstCountry): kept
	// as the registry's files have it. BestCountry is the one the posts
	// bear out.
	Country  string         `json:"country,omitempty"`
	Posts    map[string]int `json:"posts"`    // post as written → articles giving it
	Articles int            `json:"articles"` // articles naming them with a post
	// PostDates counts the articles giving each post by the day of
	// their date (YYYY-MM-DD; YYYY-MM for an article dated by its month
	// alone, and in the registries of indexes built before 2026-12-05,
	// which counted by month, whence the JSON name): for the post held
	// at an article's date (BestPostAt) and the day an office was left
	// (extract's registry pass), which a month cannot tell in the month
	// it changed hands.
	// It is never changed once stored: Note and Merge replace it, so
	// that the copies Lookup hands out share it.
	PostDates map[string]map[string]int `json:"post_months,omitempty"`
}

// clone is a deep copy of o.
func (o *RegisteredOfficial) clone() *RegisteredOfficial {
	c := *o
	c.Posts = make(map[string]int, len(o.Posts))
	for p, n := range o.Posts {
		c.Posts[p] = n
	}
	return &c // PostDates is shared: it is never changed in place
}

// addDates adds dates (post → date → articles) to PostDates,
// replacing the maps it changes: copies made before keep theirs.
func (o *RegisteredOfficial) addDates(months map[string]map[string]int) {
	if len(months) == 0 {
		return
	}
	all := make(map[string]map[string]int, len(o.PostDates)+len(months))
	for p, pm := range o.PostDates {
		all[p] = pm
	}
	for p, counts := range months {
		m := make(map[string]int, len(all[p])+len(counts))
		for k, n := range all[p] {
			m[k] = n
		}
		for k, n := range counts {
			m[k] += n
		}
		all[p] = m
	}
	o.PostDates = all
}

// postWindowMonths is how far from an article's month the posts given
// in other articles tell what post was held then: the archives' changes
// of post (李强, 国务院总理 from March 2023; 林郑月娥, 特首 from July 2017)
// are months apart, and a month alone often has no article giving one.
const postWindowMonths = 3

// BestPostAt is the post held at date (YYYY-MM-DD or YYYY-MM): among
// the posts ok accepts, the one most articles gave within
// postWindowMonths of it (the longest on a tie, then the first in
// order), so that an article of October 2022 names 李强 by his post then,
// not by the premiership the archive mostly gives him. Without a month,
// or with no such post near it, it is the accepted post most articles
// gave; with none accepted, BestPost.
func (o *RegisteredOfficial) BestPostAt(date string, ok func(post string) bool) string {
	near := map[string]int{}
	if at, valid := MonthIndex(date); valid {
		for p, months := range o.PostDates {
			n := 0
			for m, c := range months {
				if k, valid := MonthIndex(m); valid && k >= at-postWindowMonths && k <= at+postWindowMonths {
					n += c
				}
			}
			if n > 0 && ok(p) {
				near[p] = n
			}
		}
	}
	if len(near) == 0 {
		for p, n := range o.Posts {
			if ok(p) {
				near[p] = n
			}
		}
	}
	if len(near) == 0 {
		return o.BestPost()
	}
	return (&RegisteredOfficial{Posts: near}).BestPost()
}

// MonthIndex numbers the month of a date (YYYY-MM…) for comparing: the
// dates of PostDates and an article's date alike.
func MonthIndex(date string) (int, bool) {
	if len(date) < 7 || date[4] != '-' {
		return 0, false
	}
	y, err1 := strconv.Atoi(date[:4])
	m, err2 := strconv.Atoi(date[5:7])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return 0, false
	}
	return y*12 + m - 1, true
}

// DayIndex numbers the day of a date (YYYY-MM-DD…) for comparing: the
// dates of PostDates and an article's date alike. A date of a month
// alone (YYYY-MM, or a day that is none) is its month's first day.
func DayIndex(date string) (int, bool) {
	if key, ok := dateKey(date); ok && len(key) == len(time.DateOnly) {
		return dayOf(key), true
	}
	month, ok := MonthIndex(date)
	if !ok {
		return 0, false
	}
	return int(time.Date(month/12, time.Month(month%12+1), 1, 0, 0, 0, 0, time.UTC).Unix() / 86400), true
}

// dateKey is the key of PostDates an article of date counts under: its
// day, or its month where it has none; ok is false for no date.
func dateKey(date string) (string, bool) {
	if _, ok := MonthIndex(date); !ok {
		return "", false
	}
	if len(date) >= len(time.DateOnly) && dayOf(date[:len(time.DateOnly)]) != undated {
		return date[:len(time.DateOnly)], true
	}
	return date[:7], true
}

// BestPost is the post seen in most articles (the longest on a tie, then
// the first in order), or "".
func (o *RegisteredOfficial) BestPost() string {
	best, n := "", 0
	for p, c := range o.Posts {
		if c > n || (c == n && (utf8.RuneCountInString(p) > utf8.RuneCountInString(best) ||
			(utf8.RuneCountInString(p) == utf8.RuneCountInString(best) && p < best))) {
			best, n = p, c
		}
	}
	return best
}

// BestCountry is the country that most of the articles giving o a post
// name in it (countryOf reads a post's country, "" for none): the
// country of 特朗普 whom two articles misread as Russia's president and
// 335 as America's. Articles whose post names no country do not vote, so
// a foreign official keeps their country where most articles write the
// post alone. On a tie the first in Unicode order wins, so the answer
// does not depend on the order articles were noted in. Where no post
// names one, the country an article gave them otherwise (a list's:
// 尼加拉瓜总统奥尔特加和副总统穆里略) is kept.
func (o *RegisteredOfficial) BestCountry(countryOf func(post string) string) string {
	votes := map[string]int{}
	for p, n := range o.Posts {
		if c := countryOf(p); c != "" {
			votes[c] += n
		}
	}
	best, bestN := o.Country, 0
	for c, n := range votes {
		if n > bestN || (n == bestN && c < best) {
			best, bestN = c, n
		}
	}
	return best
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{officials: map[string]*RegisteredOfficial{}, aliases: map[string]string{}}
}

// minRegisteredRunes: a name of one rune is never a person's.
const minRegisteredRunes = 2

// noted reports whether Note records o: an official named with a post,
// not added by the registry itself, whose name can be a person's.
func noted(o Official) bool {
	return !o.Inferred && o.Title != "" && utf8.RuneCountInString(o.Name) >= minRegisteredRunes
}

// Note records the officials an article names with a post. Officials the
// registry itself added (Inferred) are not evidence and are skipped.
func (r *Registry) Note(d *Document) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, o := range d.Officials {
		if !noted(o) {
			continue
		}
		ro := r.officials[o.Name]
		if ro == nil {
			ro = &RegisteredOfficial{Name: o.Name, Posts: map[string]int{}}
			r.officials[o.Name] = ro
		}
		ro.Posts[o.Title]++
		ro.Articles++
		if key, ok := dateKey(d.Date); ok {
			ro.addDates(map[string]map[string]int{o.Title: {key: 1}})
		}
		ro.Country = firstCountry(ro.Country, o.Country)
		r.generation++
	}
}

// Forget takes back what Note recorded of d: an article that a later one
// grew, which is now that one's version and no article of its own
// (Demotion), so that one story is not two articles' evidence.
func (r *Registry) Forget(d *Document) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, o := range d.Officials {
		if !noted(o) {
			continue
		}
		ro := r.officials[o.Name]
		if ro == nil || ro.Posts[o.Title] == 0 {
			continue
		}
		if ro.Articles--; ro.Articles <= 0 {
			delete(r.officials, o.Name)
			r.generation++
			continue
		}
		if ro.Posts[o.Title]--; ro.Posts[o.Title] == 0 {
			delete(ro.Posts, o.Title)
		}
		key, ok := dateKey(d.Date)
		if ok && ro.PostDates[o.Title][key] == 0 {
			key = d.Date[:7] // noted by month, in an index built before 2026-12-05
		}
		if ok && ro.PostDates[o.Title][key] > 0 {
			ro.addDates(map[string]map[string]int{o.Title: {key: -1}})
			if pm := ro.PostDates[o.Title]; pm[key] == 0 {
				delete(pm, key) // a fresh map: addDates copied it
				if len(pm) == 0 {
					delete(ro.PostDates, o.Title)
				}
			}
		}
		r.generation++
	}
}

// Generation tells whether the officials changed: it differs after every
// change.
func (r *Registry) Generation() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.generation
}

// firstCountry is the country a registered official keeps of two seen: the
// one not empty, else the first in Unicode order, so that the registry of
// a corpus does not depend on the order its articles were noted in.
func firstCountry(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

// replaceOfficials makes r's officials a copy of other's (Stages).
func (r *Registry) replaceOfficials(other *Registry) {
	other.mu.Lock()
	officials := make(map[string]*RegisteredOfficial, len(other.officials))
	for name, o := range other.officials {
		officials[name] = o.clone()
	}
	other.mu.Unlock()
	r.mu.Lock()
	r.officials = officials
	r.generation++
	r.mu.Unlock()
}

// SetAliases records the alias → name map the index was built with.
func (r *Registry) SetAliases(aliases map[string]string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.aliases = make(map[string]string, len(aliases))
	for k, v := range aliases {
		r.aliases[k] = v
	}
	r.generation++ // what readers made of the aliases is stale too
}

// Canonical returns the name an alias stands for, or name.
func (r *Registry) Canonical(name string) string {
	if r == nil {
		return name
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.aliases[name]; ok {
		return c
	}
	return name
}

// IsAliasName reports whether name is the name some alias stands for
// (习近平 of 习主席).
func (r *Registry) IsAliasName(name string) bool {
	if r == nil {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.isAliasNameLocked(name)
}

// isAliasNameLocked is IsAliasName with r.mu held.
func (r *Registry) isAliasNameLocked(name string) bool {
	for _, c := range r.aliases {
		if c == name {
			return true
		}
	}
	return false
}

// Forms returns name and the registered names joined by · or - whose
// first or last part it is, in order (巴沙尔: 巴沙尔, 巴沙尔·阿萨德,
// 巴沙尔·贾法里), and the part of name that an alias stands for
// (唐纳德·特朗普: 特朗普 too). The registry's pass lists an official by the
// whole name where the posts agree (extract's toWholeName), so a filter
// typed with the short name asks for all of them.
func (r *Registry) Forms(name string) []string {
	if r == nil {
		return []string{name}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.wholes == nil || r.formsGeneration != r.generation {
		r.wholes = map[string][]string{}
		for n := range r.officials {
			if first, last, ok := han.NameEnds(n); ok {
				r.wholes[first] = append(r.wholes[first], n)
				if last != first {
					r.wholes[last] = append(r.wholes[last], n)
				}
			}
		}
		for _, ws := range r.wholes {
			slices.Sort(ws)
		}
		r.formsGeneration = r.generation
	}
	out := append([]string{name}, r.wholes[name]...)
	if first, last, ok := han.NameEnds(name); ok {
		for _, part := range []string{first, last} {
			if r.isAliasNameLocked(part) {
				out = append(out, part)
				break
			}
		}
	}
	return out
}

// Lookup returns a copy of the registered official called name.
func (r *Registry) Lookup(name string) (RegisteredOfficial, bool) {
	if r == nil {
		return RegisteredOfficial{}, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	o, ok := r.officials[name]
	if !ok {
		return RegisteredOfficial{}, false
	}
	return *o.clone(), true
}

// Names returns the registered names, sorted.
func (r *Registry) Names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(r.officials))
	for n := range r.officials {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Put records o as it is, replacing any official of the same name: a
// backend that keeps the registry elsewhere than in registry.json (the
// PostgreSQL backend keeps it in a table) loads it with Put.
func (r *Registry) Put(o RegisteredOfficial) {
	if o.Name == "" {
		return
	}
	c := o.clone()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.officials[o.Name] = c
	r.generation++
}

// Len is the number of registered officials.
func (r *Registry) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.officials)
}

// Merge adds other's officials to r (an add brings new articles' officials
// into an index's registry).
func (r *Registry) Merge(other *Registry) {
	if other == nil || other == r {
		return
	}
	other.mu.Lock()
	list := make([]*RegisteredOfficial, 0, len(other.officials))
	for _, o := range other.officials {
		list = append(list, o)
	}
	other.mu.Unlock()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, o := range list {
		ro := r.officials[o.Name]
		if ro == nil {
			ro = &RegisteredOfficial{Name: o.Name, Posts: map[string]int{}}
			r.officials[o.Name] = ro
		}
		ro.Country = firstCountry(ro.Country, o.Country)
		for p, n := range o.Posts {
			ro.Posts[p] += n
		}
		ro.addDates(o.PostDates)
		ro.Articles += o.Articles
	}
	r.generation++
}

// registryFile is the registry's file inside an index directory.
const registryFile = "registry.json"

type registryJSON struct {
	Officials []*RegisteredOfficial `json:"officials"`
	Aliases   map[string]string     `json:"aliases"`
}

// Save writes the registry into the index directory dir, atomically.
func (r *Registry) Save(dir string) error {
	r.mu.Lock()
	rj := registryJSON{Aliases: r.aliases}
	for _, o := range r.officials {
		rj.Officials = append(rj.Officials, o)
	}
	sort.Slice(rj.Officials, func(i, j int) bool { return rj.Officials[i].Name < rj.Officials[j].Name })
	data, err := json.Marshal(rj)
	r.mu.Unlock()
	if err != nil {
		return fmt.Errorf("registry: %w", err)
	}
	path := filepath.Join(dir, registryFile)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("registry %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("registry %s: %w", path, err)
	}
	return nil
}

// LoadRegistry reads the registry of the index directory dir; an index
// built before registries existed has none, which is an empty registry.
func LoadRegistry(dir string) (*Registry, error) {
	path := filepath.Join(dir, registryFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return NewRegistry(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("registry %s: %w", path, err)
	}
	var rj registryJSON
	if err := json.Unmarshal(data, &rj); err != nil {
		return nil, fmt.Errorf("registry %s: damaged: %w", path, err)
	}
	r := NewRegistry()
	for _, o := range rj.Officials {
		if o == nil || o.Name == "" {
			continue
		}
		if o.Posts == nil {
			o.Posts = map[string]int{}
		}
		r.officials[o.Name] = o
	}
	if rj.Aliases != nil {
		r.aliases = rj.Aliases
	}
	return r, nil
}

// AliasesOf returns the aliases that stand for one of names, sorted, and
// none that is a name itself.
func (r *Registry) AliasesOf(names []string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.aliases) == 0 {
		return nil
	}
	in := make(map[string]bool, len(names))
	for _, n := range names {
		in[n] = true
	}
	var out []string
	for alias, name := range r.aliases {
		if in[name] && !in[alias] {
			out = append(out, alias)
		}
	}
	slices.Sort(out)
	return out
}

// AliasesOr returns r's aliases, or other's when r has none.
func (r *Registry) AliasesOr(other *Registry) map[string]string {
	r.mu.Lock()
	n := len(r.aliases)
	r.mu.Unlock()
	if n == 0 && other != nil {
		r = other
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]string, len(r.aliases))
	for k, v := range r.aliases {
		out[k] = v
	}
	return out
}
