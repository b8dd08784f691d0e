// Package hugepages lets glibc's malloc back cppjieba's dictionary with
// transparent huge pages, which the kernel gives only to memory that asks
// for them on most distributions (THP mode "madvise").
//
// cppjieba builds its dictionary trie from about 350,000 words with
// millions of small allocations, about 115 MB in all. On 4 KB pages a
// quarter of the load is page faults, and loading took 1.4–2.0 s on the
// 2-core machine of docs/benchmarks.md; with glibc.malloc.hugetlb=1 it took
// 0.4–0.95 s from a goroutine on another thread and 0.29–0.31 s from the
// main thread (see package startup), and the process's memory did not
// change. Go's own heap is not glibc's and is not affected.
//
// glibc reads its tunables once, before any Go code runs, so the only way
// for the program to ask for them itself is to execute itself again with
// them set, which Reexec does.
package hugepages

import (
	"bytes"
	"encoding/binary"
	"os"
	"strconv"
	"strings"
)

// Tunable is the glibc tunable Reexec sets. A GLIBC_TUNABLES that already
// names it, with any value, is left as it is: glibc.malloc.hugetlb=0 turns
// the re-execution off.
const Tunable = "glibc.malloc.hugetlb"

// Marker is the variable Reexec sets to the process id it re-executes, so
// that the process never executes itself twice: glibc drops
// GLIBC_TUNABLES in a program run with more privileges than its caller
// (setuid, or file capabilities such as cap_net_bind_service for port
// 80), and the second run would otherwise want the tunable again, forever.
// A child process has another id, so it may still re-execute itself.
const Marker = "FANGTAN_HUGEPAGES_REEXEC"

// thpMode is where the kernel says which memory gets transparent huge
// pages; the mode in use is the bracketed one ("always [madvise] never").
const thpMode = "/sys/kernel/mm/transparent_hugepage/enabled"

// Wanted reports whether the process pid, started with env, should
// re-execute itself with the tunable: the kernel's mode is "madvise", no
// GLIBC_TUNABLES entry of env names the tunable, and pid has not already
// done so. With "always" malloc's memory gets huge pages anyway; with
// "never" or no THP at all, it cannot.
func Wanted(env []string, mode string, pid int) bool {
	if !strings.Contains(mode, "[madvise]") {
		return false
	}
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GLIBC_TUNABLES="); ok && strings.Contains(v, Tunable+"=") {
			return false
		}
		if kv == Marker+"="+strconv.Itoa(pid) {
			return false
		}
	}
	return true
}

// WithTunable returns env with glibc.malloc.hugetlb=1 added to
// GLIBC_TUNABLES, keeping the tunables already there (of every entry, in
// one), and Marker set to pid.
func WithTunable(env []string, pid int) []string {
	out := make([]string, 0, len(env)+2)
	var tunables []string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GLIBC_TUNABLES="); ok {
			if v != "" {
				tunables = append(tunables, v)
			}
			continue
		}
		if strings.HasPrefix(kv, Marker+"=") {
			continue
		}
		out = append(out, kv)
	}
	set := strings.Join(append(tunables, Tunable+"=1"), ":")
	return append(out, "GLIBC_TUNABLES="+set, Marker+"="+strconv.Itoa(pid))
}

// Reexec executes the running program again, with the same arguments and
// environment plus the tunable, when Wanted says it would help and glibc
// would honour it. It returns only when it did not (nothing to gain, or
// exec failed), and the program then goes on as it was; its process id
// does not change either way. Package startup calls it from an init, the
// earliest point a Go program can.
func Reexec() {
	mode, err := os.ReadFile(thpMode)
	if err != nil || secure() {
		return
	}
	reexecIn(string(mode), startEnv())
}

func reexecIn(mode string, env []string) {
	if pid := os.Getpid(); Wanted(env, mode, pid) {
		reexec(os.Args, WithTunable(env, pid))
	}
}

// startEnv is the environment the process was started with, every entry
// of it: Go's os.Environ keeps only the first of entries with the same
// name, and glibc reads them all, so a later GLIBC_TUNABLES naming the
// tunable must also leave the program as it is.
func startEnv() []string {
	raw, err := os.ReadFile("/proc/self/environ")
	if err != nil {
		return os.Environ()
	}
	var env []string
	for _, kv := range bytes.Split(bytes.TrimSuffix(raw, []byte{0}), []byte{0}) {
		env = append(env, string(kv))
	}
	return env
}

// secure reports whether the kernel marked the process AT_SECURE (setuid,
// setgid, file capabilities), in which glibc ignores GLIBC_TUNABLES.
func secure() bool {
	if os.Getuid() != os.Geteuid() || os.Getgid() != os.Getegid() {
		return true
	}
	auxv, err := os.ReadFile("/proc/self/auxv")
	if err != nil || strconv.IntSize != 64 {
		return false
	}
	const atSecure = 23
	for i := 0; i+16 <= len(auxv); i += 16 {
		if binary.NativeEndian.Uint64(auxv[i:]) == atSecure {
			return binary.NativeEndian.Uint64(auxv[i+8:]) != 0
		}
	}
	return false
}
