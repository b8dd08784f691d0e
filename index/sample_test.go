package index

var sample struct {
	dir string
	idx *Index
}
