//go:build !unix

package extract

import "time"

// exCPUTime is unknown off unix; the CPU metric is then left out.
func exCPUTime() time.Duration { return 0 }
