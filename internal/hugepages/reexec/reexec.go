// Package reexec runs hugepages.Reexec when the program starts, for a
// command that imports it for that effect alone:
//
//	import _ "fangtan/internal/hugepages/reexec"
//
// Package initialization is the earliest point a Go program can act: most
// other packages' inits (bleve's, the extractor's tables) have not run yet,
// so the first run of the program throws away about 10 ms of work rather
// than the 50 ms a call from main threw away.
package reexec

import "fangtan/internal/hugepages"

func init() { hugepages.Reexec() }
