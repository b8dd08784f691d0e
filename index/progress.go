package index

// Stage is a part of a build or an add, in the order they run.
type Stage string

const (
	// StageIndex reads, extracts and indexes the documents.
	StageIndex Stage = "index"
	// StageRegistry looks for every registered official in the whole
	// index (BuildOptions.Registry), a pass that took 20 s on xwlb.
	StageRegistry Stage = "registry"
	// StageMerge merges the new index's segments (Build, unless
	// NoCompact) and waits for the files merged away to be deleted.
	StageMerge Stage = "merge"
)

func (o BuildOptions) report(p Progress) {
	if o.Progress != nil {
		o.Progress(p)
	}
}

// reportDone sends the last report, once everything is written.
func (o BuildOptions) reportDone(s Stats) {
	o.report(Progress{Documents: s.Documents, Quotes: s.Quotes, Bytes: s.Bytes, Elapsed: s.Elapsed, Done: true})
}
