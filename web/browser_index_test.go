package web

import (
	"testing"

	"fangtan"
)

// browserSearcher is the searcher the browser test serves.
func browserSearcher(t *testing.T) (fangtan.Searcher, browserFixture) {
	return newFake(), browserFixture{
		suggestPrefix: "刘", suggestWant: "刘振华",
		query:     "转型发展",
		hostileID: "evil", hostileQuery: "正文",
	}
}
