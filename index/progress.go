package index

import "fangtan"

// The stages of a build or an add (fangtan.Stage), under index's names.
type Stage = fangtan.Stage

const (
	StageIndex    = fangtan.StageIndex
	StageRegistry = fangtan.StageRegistry
	StageMerge    = fangtan.StageMerge
)

// report hands p to the build's progress callback, if any.
func report(o BuildOptions, p Progress) {
	if o.Progress != nil {
		o.Progress(p)
	}
}

// reportDone sends the last report, once everything is written.
func reportDone(o BuildOptions, s Stats) {
	report(o, Progress{Documents: s.Documents, Quotes: s.Quotes, Bytes: s.Bytes, Elapsed: s.Elapsed, Done: true})
}
