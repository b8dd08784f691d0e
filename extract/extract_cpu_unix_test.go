//go:build unix

package extract

import (
	"syscall"
	"time"
)

// exCPUTime is the process's user+system CPU time. Benchmarks report MB per
// CPU-second beside wall-clock MB/s because the build machine is shared:
// wall time there measures the neighbours as much as the code.
func exCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
