package bench

import (
	"context"
	"fmt"
)

// fangtanSystem is the real fangtan pipeline, plugged in through the
// public APIs of corpus, index and web.
type fangtanSystem struct{}

func (fangtanSystem) Name() string { return NameFangtan }

func (fangtanSystem) Build(ctx context.Context, corpusPath, dir string) (int, error) {
	return 0, fmt.Errorf("fangtan: %w", errNotReady)
}

func (fangtanSystem) Open(ctx context.Context, dir string) (engine, error) {
	return nil, fmt.Errorf("fangtan: %w", errNotReady)
}

func (fangtanSystem) Texts(ctx context.Context, c *Corpus) ([]Record, error) {
	return nil, fmt.Errorf("fangtan: %w", errNotReady)
}
