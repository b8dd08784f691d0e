// Package extract finds who, where, what and who said what in an article:
// officials with their posts, the administrative divisions it is about,
// its themes and keywords, and its quotations and reported speech.
//
// It works on fangtan.Documents that the corpus package has read and
// cleaned, and leaves reading to it: corpus and index take an extractor as
// the fangtan.Extractor interface. The word lists it relies on (gazetteer,
// themes) are embedded text files that a user can read and replace.
package extract
