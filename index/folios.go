package index

import (
	zapv16 "github.com/blevesearch/zapx/v16"
	zapv17 "github.com/blevesearch/zapx/v17"
)

// segmentWriteBuffer is the size of zap's writes when it merges segments,
// which is how every segment of a built index is written. On Linux 6.x an
// ext4 or xfs file keeps each buffered write in the page cache as one
// folio of the write's size, and a read fault on a mapped file maps the
// whole folio into the process. With zap's default of 1 MB, each page a
// search touched in a just-built index cost the server a resident
// megabyte; at 64 KB it costs what the kernel's fault-around maps anyway.
// The writes are still large enough for the disk (docs/benchmarks.md,
// "Serve memory and the size of segment writes").
const segmentWriteBuffer = 64 << 10

func init() {
	zapv17.DefaultFileMergerBufferSize = segmentWriteBuffer
	zapv16.DefaultFileMergerBufferSize = segmentWriteBuffer
}
