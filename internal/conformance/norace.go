//go:build !race

package conformance

// Race: see race.go.
const Race = false
