package corpus

import "io"

// reportReads wraps the inputs so that every read of their bytes is passed
// to read: the count of input consumed is what a progress bar can compare
// with the size of the files, unlike the text extracted from them (HTML
// and JSON shrink by a varying share).
func reportReads(inputs []input, read func(n int64)) []input {
	out := make([]input, len(inputs))
	for i, in := range inputs {
		open := in.open
		in.open = func() (io.ReadCloser, error) {
			rc, err := open()
			if err != nil {
				return nil, err
			}
			return &reportingReader{ReadCloser: rc, read: read}, nil
		}
		out[i] = in
	}
	return out
}

type reportingReader struct {
	io.ReadCloser
	read func(int64)
}

func (r *reportingReader) Read(p []byte) (int, error) {
	n, err := r.ReadCloser.Read(p)
	if n > 0 {
		r.read(int64(n))
	}
	return n, err
}
