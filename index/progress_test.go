package index

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"fangtan"
)

// A build reports its stages in order (the documents, the registry's pass
// name by name, the merge) and a last report, Done, after all of them; an
// add reports its registry pass and then Done.
func TestProgressStages(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "idx")
	docs := []fangtan.Document{
		registryDoc("a", "外交部长王毅会见来宾。", fangtan.Official{Name: "王毅", Title: "外交部长"}),
		registryDoc("b", "王毅表示，中方愿同各方合作。"),
		registryDoc("c", "国家主席习近平发表讲话。", fangtan.Official{Name: "习近平", Title: "国家主席"}),
	}
	var got []Progress
	opts := registryOptions()
	opts.Progress = func(p Progress) { got = append(got, p) }
	if _, err := Build(ctx, path, DocumentsSource(docs), opts); err != nil {
		t.Fatal(err)
	}
	check := func(what string, want []Stage, wantSteps, wantToRead int) {
		t.Helper()
		var stages []Stage
		maxSteps, lastRead := 0, 0
		for i, p := range got {
			if p.ToRead > 0 {
				if p.Read > p.ToRead || p.Read < lastRead {
					t.Errorf("%s: read %d of %d after %d", what, p.Read, p.ToRead, lastRead)
				}
				if p.Step != p.Steps {
					t.Errorf("%s: articles read before every name was looked for (step %d of %d)", what, p.Step, p.Steps)
				}
				if p.ToRead != wantToRead {
					t.Errorf("%s: %d articles to read, want %d", what, p.ToRead, wantToRead)
				}
				lastRead = p.Read
			}
			if p.Done != (i == len(got)-1) {
				t.Errorf("%s: report %d of %d has Done=%v", what, i+1, len(got), p.Done)
			}
			if p.Step > p.Steps {
				t.Errorf("%s: step %d of %d", what, p.Step, p.Steps)
			}
			maxSteps = max(maxSteps, p.Steps)
			if p.Stage != "" && (len(stages) == 0 || stages[len(stages)-1] != p.Stage) {
				stages = append(stages, p.Stage)
			}
		}
		if !slices.Equal(stages, want) {
			t.Errorf("%s: stages %q, want %q", what, stages, want)
		}
		if maxSteps != wantSteps {
			t.Errorf("%s: the registry's pass reported %d names, want %d", what, maxSteps, wantSteps)
		}
		if lastRead != wantToRead {
			t.Errorf("%s: the registry's pass read %d articles, want %d", what, lastRead, wantToRead)
		}
		if last := got[len(got)-1]; last.Documents != len(docs) && what == "build" {
			t.Errorf("%s: last report %+v", what, last)
		}
	}
	// The pass looks for 王毅, 习近平 and 习近平's alias 习主席; b names
	// 王毅 without listing him: the one article to read.
	check("build", []Stage{StageIndex, StageRegistry, StageMerge}, 3, 1)

	x, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	got = nil
	opts = registryOptions()
	opts.Progress = func(p Progress) { got = append(got, p) }
	if _, err := x.Add(ctx, docs[1:2], opts); err != nil {
		t.Fatal(err)
	}
	// The add's article names no official new to the index: its pass has
	// no name to look for in the old articles.
	check("add", []Stage{StageIndex, StageRegistry}, 0, 0)
}
