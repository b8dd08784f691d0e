// Command zapmapped tells where a running process's resident pages of
// bleve segment files lie: in the stored documents, or in which field's
// dictionary, postings and doc values. It explains the file-backed part of
// `fangtan serve`'s VmRSS (docs/benchmarks.md, "What serve's memory is
// made of"):
//
//	go run ./internal/bench/zapmapped PID
//
// It reads /proc/PID/maps and /proc/PID/pagemap (root, or the process's
// owner) and each mapped *.zap file's footer and sections index, which it
// knows in zap's version 17 layout only (bleve v2.6). A field's share is
// the bytes from the end of the field before it in the file up to its
// section's start, which is where zap writes a field's postings and
// dictionary; it is a close estimate, not zap's own accounting.
package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: zapmapped PID")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "zapmapped:", err)
		os.Exit(1)
	}
}

// region is a named byte range of a segment file.
type region struct {
	name     string
	end      uint64 // exclusive
	size     uint64
	resident uint64
}

func run(pid string) error {
	maps, err := os.Open("/proc/" + pid + "/maps")
	if err != nil {
		return err
	}
	defer maps.Close()
	pagemap, err := os.Open("/proc/" + pid + "/pagemap")
	if err != nil {
		return err
	}
	defer pagemap.Close()
	pageSize := uint64(os.Getpagesize())
	// A file may be mapped in several pieces: its regions add up.
	type file struct {
		size     uint64
		regions  []region
		resident uint64
	}
	files := map[string]*file{}
	var paths []string
	sc := bufio.NewScanner(maps)
	for sc.Scan() {
		// address perms offset dev inode path, the path possibly with
		// spaces and, once a merge removed the file, " (deleted)".
		f := strings.Fields(sc.Text())
		if len(f) < 6 {
			continue
		}
		path := strings.Join(f[5:], " ")
		if strings.HasSuffix(path, ".zap (deleted)") {
			fmt.Printf("%s: skipped, removed since it was mapped\n", path)
			continue
		}
		if !strings.HasSuffix(path, ".zap") {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		off, err3 := strconv.ParseUint(f[2], 16, 64)
		if err := errors.Join(err1, err2, err3); err != nil {
			return fmt.Errorf("maps line %q: %w", sc.Text(), err)
		}
		fl := files[path]
		if fl == nil {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			regions, err := layout(data)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			fl = &file{size: uint64(len(data)), regions: regions}
			files[path] = fl
			paths = append(paths, path)
		}
		pages := (end - start) / pageSize
		entries := make([]byte, 8*pages)
		if _, err := pagemap.ReadAt(entries, int64(start/pageSize*8)); err != nil {
			return fmt.Errorf("pagemap: %w", err)
		}
		for i := uint64(0); i < pages; i++ {
			if binary.LittleEndian.Uint64(entries[8*i:])>>63 == 0 {
				continue
			}
			at := off + i*pageSize
			j := sort.Search(len(fl.regions), func(j int) bool { return fl.regions[j].end > at })
			if j < len(fl.regions) {
				fl.regions[j].resident += pageSize
			}
			fl.resident += pageSize
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	total := map[string]*region{}
	var order []string
	var fileBytes, residentBytes uint64
	for _, path := range paths {
		fl := files[path]
		fmt.Printf("%s: %.1f MB, %.1f MB resident\n", filepath.Base(path), mb(fl.size), mb(fl.resident))
		fileBytes += fl.size
		residentBytes += fl.resident
		for _, r := range fl.regions {
			t := total[r.name]
			if t == nil {
				t = &region{name: r.name}
				total[r.name] = t
				order = append(order, r.name)
			}
			t.size += r.size
			t.resident += r.resident
		}
	}
	sort.Slice(order, func(i, j int) bool { return total[order[i]].resident > total[order[j]].resident })
	fmt.Printf("\n%-24s %10s %12s\n", "part", "size MB", "resident MB")
	for _, name := range order {
		t := total[name]
		fmt.Printf("%-24s %10.1f %12.1f\n", name, mb(t.size), mb(t.resident))
	}
	fmt.Printf("%-24s %10.1f %12.1f\n", "all segment files", mb(fileBytes), mb(residentBytes))
	return nil
}

func mb(n uint64) float64 { return float64(n) / 1e6 }

// layout splits a zap v17 segment into the stored documents, their index,
// each field's part and the footer, in file order.
func layout(data []byte) ([]region, error) {
	n := uint64(len(data))
	// Footer, from the end: crc, version, chunk mode (4 bytes each), the
	// sections index offset, the stored index offset, the number of
	// documents (8 bytes each), then the writer id's length and the id.
	if n < 40 {
		return nil, errors.New("too short for a zap footer")
	}
	if v := binary.BigEndian.Uint32(data[n-8:]); v != 17 {
		return nil, fmt.Errorf("zap version %d, this tool reads 17", v)
	}
	sections := binary.BigEndian.Uint64(data[n-20:])
	storedIndex := binary.BigEndian.Uint64(data[n-28:])
	numDocs := binary.BigEndian.Uint64(data[n-36:])
	if sections >= n || storedIndex >= n {
		return nil, errors.New("footer offsets beyond the file")
	}
	type field struct {
		name string
		end  uint64
	}
	var fields []field
	pos := sections
	count, w := binary.Uvarint(data[pos:])
	if w <= 0 {
		return nil, errors.New("bad sections index")
	}
	pos += uint64(w)
	for i := uint64(0); i < count; i++ {
		if pos+8 > n {
			return nil, errors.New("sections index beyond the file")
		}
		at := binary.BigEndian.Uint64(data[pos:])
		pos += 8
		if at == 0 || at >= n {
			continue
		}
		p := at
		uvarint := func() (uint64, error) {
			v, w := binary.Uvarint(data[p:])
			if w <= 0 {
				return 0, fmt.Errorf("bad number at byte %d", p)
			}
			p += uint64(w)
			return v, nil
		}
		nameLen, err := uvarint()
		if err != nil {
			return nil, err
		}
		if p+nameLen > n {
			return nil, errors.New("field name beyond the file")
		}
		name := string(data[p : p+nameLen])
		p += nameLen
		if _, err := uvarint(); err != nil { // indexing options
			return nil, err
		}
		numSections, err := uvarint()
		if err != nil {
			return nil, err
		}
		var last uint64
		for s := uint64(0); s < numSections && p+10 <= n; s++ {
			last = max(last, binary.BigEndian.Uint64(data[p+2:]))
			p += 10
		}
		if last > 0 {
			fields = append(fields, field{name, last})
		}
	}
	sort.Slice(fields, func(i, j int) bool { return fields[i].end < fields[j].end })
	storedEnd := min(storedIndex+8*numDocs, n)
	out := []region{{name: "stored documents", end: storedIndex}, {name: "stored index", end: storedEnd}}
	for _, f := range fields {
		if f.end > out[len(out)-1].end {
			out = append(out, region{name: "field " + f.name, end: f.end})
		}
	}
	out = append(out, region{name: "sections index, footer", end: n})
	prev := uint64(0)
	for i := range out {
		out[i].size = out[i].end - prev
		prev = out[i].end
	}
	return out, nil
}
