package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"dxnews/index"
	"dxnews/resolve"
	"dxnews/store"
)

// data is an opened data folder: the article store and the search index,
// with the record of how far the index has caught up with the store.
type data struct {
	// dir is the data folder.
	dir   string
	store *store.Store
	index index.Indexer
	// resolver keeps the entities resolved across the stored articles,
	// reading them from the store at each build; the pipeline tells it
	// when it stores one.
	resolver *resolve.Resolver
	// loading is what the web layer reads while a server loads the
	// resolved entities (startResolving); nil before.
	loading *loadingResolver
	// sync replays stored changes into the index; nil when the index is
	// read through another process.
	sync *indexSync
	// backend is "bleve" or "elastic"; remote is the URL of the running
	// dxnews that answers for a Bleve index it holds, or "".
	backend, remote string
}

// openMode says what a command does with the data folder.
type openMode int

const (
	// modeRead only reads (search, status): the store is opened read-only
	// and a Bleve index held by a running serve or run is read through it.
	modeRead openMode = iota
	// modeOwn serves or rebuilds: every part must be available at start.
	modeOwn
	// modeCrawl gathers articles: an unreachable cluster is reported and
	// the articles are stored, to be indexed when it is back.
	modeCrawl
)

// backends lists the values of -index.
const indexBackends = "bleve or elastic"

// openData opens (creating when needed) the data folder dir with the index
// backend chosen by -index or DXNEWS_INDEX.
func openData(ctx context.Context, e *env, dir string, mode openMode) (*data, error) {
	backend := e.indexBackend()
	if backend != "bleve" && backend != "elastic" {
		return nil, usagef("-index must be %s, got %q", indexBackends, backend)
	}
	st, err := openStore(dir, mode, backend)
	if err != nil {
		return nil, err
	}
	d := &data{dir: dir, store: st, backend: backend, resolver: resolve.NewResolverFrom(storeSource(st))}
	switch backend {
	case "elastic":
		err = d.openElastic(ctx, e, mode)
	default:
		err = d.openBleve(ctx, e, dir, mode)
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return d, nil
}

// openStore opens the store read-only for readers of an existing folder,
// so they never touch a change log another process appends to.
// A reader of a Bleve folder whose index no other process holds opens it
// for writing like any other command, so that it repairs what it finds.
func openStore(dir string, mode openMode, backend string) (*store.Store, error) {
	if mode == modeRead && (backend == "elastic" || heldByAnother(filepath.Join(dir, "index", "store", "root.bolt"))) {
		if _, err := os.Stat(filepath.Join(dir, "articles")); err == nil {
			return store.OpenReadOnly(dir)
		}
	}
	return store.Open(dir)
}

// parseAndOpen adds -index and -data to fs, parses args with it, then opens
// the data folder -data names. Only a crawling mode may create the folder.
func parseAndOpen(ctx context.Context, e *env, fs *flag.FlagSet, args []string, mode openMode) (*data, error) {
	dir := dataFlag(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	if mode != modeCrawl {
		if err := existingData(*dir); err != nil {
			return nil, err
		}
	}
	return openData(ctx, e, *dir, mode)
}

// existingData checks that dir is a data folder before a command that only
// reads it (search, status, export, serve, reindex) opens it, so that a
// mistyped -data creates nothing: dir must exist and, unless empty, hold
// the articles/ folder every data folder has.
func existingData(dir string) error {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("data folder %s does not exist (crawl, run or demo creates one)", dir)
	case err != nil:
		return fmt.Errorf("data folder %s: %w", dir, err)
	case len(ents) == 0:
		return nil
	}
	if st, err := os.Stat(filepath.Join(dir, "articles")); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a dxnews data folder: it has no articles/ folder", dir)
	}
	return nil
}

func (d *data) Close() error {
	err := d.index.Close()
	if err2 := d.store.Close(); err == nil {
		err = err2
	}
	return err
}
