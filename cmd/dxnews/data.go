package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"dxnews/index"
	"dxnews/index/bleve"
	"dxnews/resolve"
	"dxnews/store"
)

// data is an opened data folder: the article store and the search index.
type data struct {
	store *store.Store
	index index.Indexer
	// resolver keeps the entities resolved across articles; loadResolved
	// fills it from the store, the pipeline adds to it.
	resolver *resolve.Resolver
}

// openData opens (creating when needed) the data folder dir.
func openData(e *env, dir string) (*data, error) {
	st, err := store.Open(dir)
	if err != nil {
		return nil, err
	}
	idx, err := bleve.Open(filepath.Join(dir, "index"), e.logger.With("component", "index"))
	if err == nil && indexMarkedDamaged(dir) != nil {
		idx.Close()
		err = indexMarkedDamaged(dir)
	}
	if err != nil {
		idx, err = rebuildIndex(context.Background(), e, st, dir, err)
	}
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("opening the search index: %w", err)
	}
	return &data{store: st, index: idx, resolver: resolve.NewResolver()}, nil
}

// parseAndOpen parses args with fs, then opens the data folder its -data
// flag (dir) names.
func parseAndOpen(e *env, fs *flag.FlagSet, args []string, dir *string) (*data, error) {
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	return openData(e, *dir)
}

func (d *data) Close() error {
	err := d.index.Close()
	if err2 := d.store.Close(); err == nil {
		err = err2
	}
	return err
}
