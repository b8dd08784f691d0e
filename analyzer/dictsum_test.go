package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// TestEmbeddedSums: the cache dir name and checksums that spare an open
// from hashing the embedded dictionaries are those of the embedded files.
func TestEmbeddedSums(t *testing.T) {
	d, err := loadDicts("")
	if err != nil {
		t.Fatal(err)
	}
	if got := dictSetName(d); got != embeddedDictName {
		t.Errorf("embeddedDictName = %q, but the embedded dictionaries hash to %q: update it", embeddedDictName, got)
	}
	for i, name := range []string{MainDictFile, HMMModelFile, IDFFile, StopWordsFile, UserDictFile} {
		sum := sha256.Sum256(readEmbedded(name))
		if got := hex.EncodeToString(sum[:]); got != embeddedSums[i] {
			t.Errorf("embeddedSums[%d] (%s) = %q, the file's SHA-256 is %q: update it", i, name, embeddedSums[i], got)
		}
	}
}
