package index

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	zapv17 "github.com/blevesearch/zapx/v17"

	"fangtan/internal/procstat"
)

// BenchmarkServeResidency builds the first FANGTAN_BENCH_DOCS xwlb articles
// with zap's own merge buffer and with segmentWriteBuffer, then opens each
// index and runs the query mix once, as a server would right after a build:
// rssfile-MB is how much of the index the searches left mapped into the
// process. On Linux 6.x with ext4 or xfs each write is one page-cache folio
// and a fault maps the whole folio, so the figure follows the write size.
func BenchmarkServeResidency(b *testing.B) {
	docs, ex, _ := xwlbBuildInput(b)
	for _, size := range []int{1 << 20, segmentWriteBuffer} {
		b.Run("write="+strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
			was := zapv17.DefaultFileMergerBufferSize
			zapv17.DefaultFileMergerBufferSize = size
			defer func() { zapv17.DefaultFileMergerBufferSize = was }()
			for b.Loop() {
				path := filepath.Join(b.TempDir(), "x")
				if _, err := Build(context.Background(), path, DocumentsSource(slices.Clone(docs)), BuildOptions{Prepare: ex.Extract}); err != nil {
					b.Fatal(err)
				}
				before := procstat.MB("RssFile")
				idx, err := OpenReadOnly(path)
				if err != nil {
					b.Fatal(err)
				}
				ctx := context.Background()
				for _, q := range benchQueries {
					if err := searchOnce(ctx, idx, q); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(procstat.MB("RssFile")-before, "rssfile-MB")
				if err := idx.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
