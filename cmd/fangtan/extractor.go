package main

import (
	"flag"
	"fmt"

	"fangtan/analyzer"
	"fangtan/extract"
)

// extractorFlags are the flags of every command that extracts: the
// dictionaries, the themes and the aliases, each replaceable by a file of
// the user's.
type extractorFlags struct {
	dictDir, themes, aliases *string
}

const themesUsage = "theme file (a theme name and its signal phrases per line; default: the built-in set, extract/themes.txt)"

func addExtractorFlags(fs *flag.FlagSet) *extractorFlags {
	return &extractorFlags{
		dictDir: fs.String("dict-dir", "", "directory of jieba dictionaries (default: the embedded ones)"),
		themes:  fs.String("themes", "", themesUsage),
		aliases: fs.String("aliases", "", "alias file (a person's name, a colon, and the other names news uses for them, per line), added to the built-in extract/data/aliases.txt"),
	}
}

// extractor opens the shared jieba segmenter (which the index's word
// analyzer also uses) and the metadata extractor, with the user's themes
// and aliases when given.
func (f *extractorFlags) extractor() (*extract.Extractor, error) {
	var themes *extract.Themes
	if *f.themes != "" {
		var err error
		if themes, err = extract.LoadThemes(*f.themes); err != nil {
			return nil, err
		}
	}
	var aliases *extract.Aliases
	if *f.aliases != "" {
		var err error
		if aliases, err = extract.LoadAliases(*f.aliases); err != nil {
			return nil, err
		}
	}
	if err := analyzer.Configure(*f.dictDir); err != nil {
		return nil, err
	}
	seg, err := analyzer.Default()
	if err != nil {
		return nil, fmt.Errorf("open dictionaries: %w", err)
	}
	ex, err := extract.NewExtractorWithThemes(seg, themes)
	if err != nil {
		return nil, fmt.Errorf("extractor: %w", err)
	}
	ex.SetAliases(aliases)
	return ex, nil
}
