// Package startup prepares a command's process for cppjieba's dictionary,
// for a command that imports it for that effect alone:
//
//	import _ "fangtan/internal/hugepages/startup"
//
// Its init runs hugepages.Reexec. Package initialization is the earliest
// point a Go program can act: most other packages' inits (bleve's, the
// extractor's tables) have not run yet, so the first run of the program
// throws away about 10 ms of work rather than the 50 ms a call from main
// threw away.
//
// It also keeps the main goroutine on the main thread
// (runtime.LockOSThread in an init carries over to main). glibc gives the
// main thread its main arena, the brk heap, and other threads arenas of
// their own; a dictionary loaded from the main goroutine then comes from
// the main arena, which the tunable backed with huge pages every time we
// measured (110–115 MB of the 115 MB, loaded in 0.29–0.31 s in four
// alternated runs), where a thread's arena got 43–113 MB of them and took
// 0.42–0.75 s in the same runs. The main goroutine then stays locked for
// the program's life; in every command it mostly waits on others.
package startup

import (
	"runtime"

	"fangtan/internal/hugepages"
)

func init() {
	hugepages.Reexec()
	runtime.LockOSThread()
}
