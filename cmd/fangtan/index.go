package main

import (
	"context"
	"errors"
	"io"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
