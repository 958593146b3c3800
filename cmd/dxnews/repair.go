package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/bleve"
	"dxnews/store"
)

// repairArticles finds the stored article files that do not decode and
// restores each from the copy the search index holds, or, when the index has
// none, moves it to quarantine/ so that nothing reads it again. Each repair
// is noted in the data folder's journal, which status shows.
func repairArticles(ctx context.Context, d *data) error {
	_, corrupt, err := d.store.Scan(ctx)
	if err != nil {
		return err
	}
	for _, id := range corrupt {
		problem := fmt.Sprintf("article file articles/%s.json was corrupt", id)
		a, err := d.index.Get(ctx, id)
		if err == nil && a.ID == id {
			if _, err := d.store.Put(ctx, a); err != nil {
				return err
			}
			d.store.NoteRepair(problem, "restored it from the search index")
			continue
		}
		if err := d.store.Quarantine(id); err != nil {
			return err
		}
		d.store.NoteRepair(problem, "the index has no copy: moved it to quarantine/; the article is stored again when the crawler next finds it changed")
	}
	return nil
}

// indexMissing indexes the stored articles the index lacks beyond those
// still waiting in the store's change log, which only a damaged or replaced
// index can cause.
func indexMissing(ctx context.Context, e *env, d *data, arts []article.Article, indexed int) error {
	var missing []article.Article
	for _, a := range arts {
		_, err := d.index.Get(ctx, a.ID)
		switch {
		case errors.Is(err, index.ErrNotFound):
			missing = append(missing, a)
		case err != nil:
			return err
		}
	}
	if len(missing) == 0 {
		return nil
	}
	waiting := 0
	if d.sync != nil {
		waiting, _, _ = d.sync.lag(ctx)
	}
	if err := d.index.Index(ctx, missing...); err != nil {
		return fmt.Errorf("indexing the articles the index lacked: %w", err)
	}
	if len(missing) > waiting {
		d.store.NoteRepair(fmt.Sprintf("the search index held %d articles of %d stored; %d were missing", indexed, len(arts), len(missing)),
			"indexed the missing articles from the store")
	}
	return nil
}

// rebuildIndex is called when the Bleve index in dir/index does not open
// (openErr) or was marked damaged. Unless another process holds it, the
// broken index is removed and a new one built from every stored article, so a
// damaged index never stops dxnews. The work is recorded as owed first, so
// a rebuild cut short is finished by the next crawl.
func rebuildIndex(ctx context.Context, e *env, st *store.Store, dir string, openErr error) (*bleve.Index, error) {
	idxDir := filepath.Join(dir, "index")
	// Scorch keeps its root in store/root.bolt; bbolt's lock on it is what
	// another process holds. A lock that timed out is never damage.
	if heldByAnother(filepath.Join(idxDir, "store", "root.bolt")) || heldByAnother(filepath.Join(idxDir, "root.bolt")) ||
		strings.HasSuffix(openErr.Error(), "timeout") {
		return nil, openErr
	}
	markIndexDamaged(dir, oneLine(openErr.Error()))
	// The broken index is removed, not kept: after a full disk there may
	// be no room for two.
	if err := os.RemoveAll(idxDir); err != nil {
		return nil, fmt.Errorf("%w (and it could not be removed: %v)", openErr, err)
	}
	idx, err := bleve.Open(idxDir, e.logger.With("component", "index"))
	if err != nil {
		return nil, err
	}
	// The damaged mark stays until the rebuild is done, so a rebuild cut
	// short starts again when dxnews next opens the folder.
	arts, err := st.All(ctx)
	if err != nil {
		idx.Close()
		return nil, err
	}
	fmt.Fprintf(e.stderr, "the search index did not open (%s): rebuilding it from %d stored articles\n", oneLine(openErr.Error()), len(arts))
	for start := 0; start < len(arts); start += 200 {
		batch := arts[start:min(start+200, len(arts))]
		if err := idx.Index(ctx, batch...); err != nil {
			idx.Close()
			return nil, fmt.Errorf("rebuilding the search index: %w", err)
		}
	}
	st.NoteRepair("the search index could not be used: "+oneLine(openErr.Error()),
		fmt.Sprintf("removed it and rebuilt it from the %d stored articles", len(arts)))
	os.Remove(filepath.Join(dir, damagedMark))
	return idx, nil
}

// damagedMark is the file, beside the index, that says the index failed in
// use and must be rebuilt when next opened; it holds what went wrong.
const damagedMark = "index.damaged"

// markIndexDamaged records that the index in dir failed in use.
func markIndexDamaged(dir, why string) {
	p := filepath.Join(dir, damagedMark)
	if os.WriteFile(p, []byte(why+"\n"), 0o644) != nil {
		// On a full disk an empty file still fits: it takes no block.
		os.Truncate(p, 0)
	}
}

// indexMarkedDamaged returns the error that marked the index in dir
// damaged, or nil.
func indexMarkedDamaged(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, damagedMark))
	if err != nil {
		return nil
	}
	why := strings.TrimSpace(string(b))
	if why == "" {
		why = "the disk filled up while it was in use"
	}
	return fmt.Errorf("it failed in use: %s", why)
}

// heldByAnother reports whether another process holds the lock on path.
func heldByAnother(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == nil {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return false
	}
	return errors.Is(err, syscall.EWOULDBLOCK)
}
