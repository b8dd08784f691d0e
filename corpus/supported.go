package corpus

// SupportedFile reports whether Load reads a file of this name when it
// walks a directory (.txt .html .md .jsonl .json and their variants). A
// caller that hands Load single files, which Load reads whatever their
// extension, uses it to turn anything else away with a clear reason.
func SupportedFile(name string) bool { return supportedExt(name) }
