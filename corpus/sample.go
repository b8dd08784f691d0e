package corpus

import (
	"embed"
	"io/fs"
)

//go:embed sample/*.txt
var sampleFiles embed.FS

// Sample returns the bundled sample corpus: the five seed pages the project
// was specified from, at the root of the returned file system.
func Sample() fs.FS {
	sub, err := fs.Sub(sampleFiles, "sample")
	if err != nil {
		panic("corpus: embedded sample missing: " + err.Error()) // cannot happen: the directory is embedded above
	}
	return sub
}
