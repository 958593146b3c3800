package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"dxnews/crawler"
	"dxnews/store"
)

// errNoCrawlState says a data folder has never been crawled.
var errNoCrawlState = errors.New("no crawl state yet")

// checkCrawlState opens the crawl state of the data folder dir, which
// repairs it when damaged, and after a repair records the stored articles
// in it again (see rebuildCrawlState). It returns what the state holds.
func checkCrawlState(ctx context.Context, st *store.Store, dir string) (crawler.StateInfo, error) {
	stateDir := filepath.Join(dir, "crawl")
	if _, err := os.Stat(stateDir); err != nil {
		return crawler.StateInfo{}, errNoCrawlState
	}
	info, err := crawler.InspectState(stateDir)
	if err != nil || info.Repaired == "" {
		return info, err
	}
	return rebuildCrawlState(ctx, st, dir, info.Repaired)
}

// rebuildCrawlState records every stored article in the crawl state of dir,
// after problem (what the crawler found damaged and kept) lost some of its
// records, so that the next crawl takes them for unchanged rather than new,
// and notes the repair in the journal status shows.
func rebuildCrawlState(ctx context.Context, st *store.Store, dir, problem string) (crawler.StateInfo, error) {
	arts, err := st.All(ctx)
	if err != nil {
		return crawler.StateInfo{}, err
	}
	info, err := crawler.RebuildState(filepath.Join(dir, "crawl"), slices.Values(arts))
	if err != nil {
		return info, fmt.Errorf("rebuilding the crawl state from the stored articles: %w", err)
	}
	st.NoteRepair(problem, fmt.Sprintf("recorded the %d stored articles in it again, so the next crawl knows them", len(arts)))
	return info, nil
}

// describeCrawlState is status's line on the crawl state.
func describeCrawlState(info crawler.StateInfo, err error) string {
	switch {
	case errors.Is(err, errNoCrawlState):
		return "none yet: the first crawl makes it"
	case errors.Is(err, crawler.ErrStateLocked):
		return "in use by a running crawl: not checked"
	case err != nil:
		return "could not be read: " + oneLine(err.Error())
	}
	return fmt.Sprintf("%d URLs known (%d waiting), %d articles", info.URLs, info.Pending, info.Articles)
}
