// Package hugepages lets glibc's malloc back cppjieba's dictionary with
// transparent huge pages, which the kernel gives only to memory that asks
// for them on most distributions (THP mode "madvise").
//
// cppjieba builds its dictionary trie from about 350,000 words with
// millions of small allocations, about 115 MB in all. On 4 KB pages a
// quarter of the load is page faults, and loading took 1.4–2.0 s on the
// 2-core machine of docs/benchmarks.md; with glibc.malloc.hugetlb=1 it took
// 0.4–0.9 s, and 0.3 s from the main thread (see package startup), and
// the process's memory did not change. Go's own heap is not glibc's and is
// not affected.
//
// glibc reads its tunables once, before any Go code runs, so the only way
// for the program to ask for them itself is to execute itself again with
// them set, which Reexec does.
package hugepages

import (
	"os"
	"strings"
)

// Tunable is the glibc tunable Reexec sets. A GLIBC_TUNABLES that already
// names it, with any value, is left as it is: glibc.malloc.hugetlb=0 turns
// the re-execution off.
const Tunable = "glibc.malloc.hugetlb"

// thpMode is where the kernel says which memory gets transparent huge
// pages; the mode in use is the bracketed one ("always [madvise] never").
const thpMode = "/sys/kernel/mm/transparent_hugepage/enabled"

// Wanted reports whether re-executing with the tunable would change
// anything: the kernel's mode is "madvise" and env does not name the
// tunable. With "always" malloc's memory gets huge pages anyway; with
// "never" or no THP at all, it cannot.
func Wanted(env []string, mode string) bool {
	if !strings.Contains(mode, "[madvise]") {
		return false
	}
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GLIBC_TUNABLES="); ok && strings.Contains(v, Tunable+"=") {
			return false
		}
	}
	return true
}

// WithTunable returns env with glibc.malloc.hugetlb=1 added to
// GLIBC_TUNABLES, keeping the tunables already there.
func WithTunable(env []string) []string {
	out := make([]string, 0, len(env)+1)
	set := Tunable + "=1"
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GLIBC_TUNABLES="); ok {
			if v != "" {
				set = v + ":" + set
			}
			continue
		}
		out = append(out, kv)
	}
	return append(out, "GLIBC_TUNABLES="+set)
}

// Reexec executes the running program again, with the same arguments and
// environment plus the tunable, when Wanted says it would help. It returns
// only when it did not (nothing to gain, or exec failed), and the program
// then goes on as it was; its process id does not change either way.
// Call it first thing in main, before any goroutine or file is opened.
func Reexec() {
	mode, err := os.ReadFile(thpMode)
	if err != nil {
		return
	}
	reexecIn(string(mode))
}

func reexecIn(mode string) {
	if Wanted(os.Environ(), mode) {
		reexec(os.Args, WithTunable(os.Environ()))
	}
}
