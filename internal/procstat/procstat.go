// Package procstat reads a process's memory figures from /proc, for the
// benchmarks that report resident memory.
package procstat

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Bytes reads a field of /proc/<pid>/status ("VmRSS", "VmHWM") in bytes;
// pid 0 means this process.
func Bytes(pid int, field string) (int64, error) {
	p := "/proc/self/status"
	if pid != 0 {
		p = fmt.Sprintf("/proc/%d/status", pid)
	}
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		name, val, ok := strings.Cut(s.Text(), ":")
		if !ok || name != field {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(val), " kB"), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s %s: %w", p, field, err)
		}
		return kb * 1024, nil
	}
	return 0, fmt.Errorf("%s: no %s", p, field)
}

// MB is Bytes of this process in MB, or 0 where there is no /proc: for
// benchmark metrics, where a missing figure is better than a failed run.
func MB(field string) float64 {
	b, err := Bytes(0, field)
	if err != nil {
		return 0
	}
	return float64(b) / (1 << 20)
}
