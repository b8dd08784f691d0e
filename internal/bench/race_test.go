//go:build race

package bench

// raceEnabled: the race detector slows indexing and search several times.
const raceEnabled = true
