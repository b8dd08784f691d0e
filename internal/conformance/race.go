//go:build race

package conformance

// Race is true under the race detector, which makes building and searching
// 2,000 xwlb items take minutes per backend (302 s for the bleve index
// alone): Run and the cross-backend tests then check the sample corpus
// only, and `make test` runs the xwlb part again without -race.
const Race = true
