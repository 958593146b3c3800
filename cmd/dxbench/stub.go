package main

import (
	"context"
	"errors"
	"io"

	"dxnews/index"
)

func withFacets(q index.Query) index.Query { q.Facets = index.FacetNames; return q }

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("todo")
}
func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("todo")
}
