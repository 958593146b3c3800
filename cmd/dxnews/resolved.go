package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"dxnews/article"
	"dxnews/resolve"
	"dxnews/store"
	"dxnews/web"
)

// loadResolved resolves the entities of every stored article once, so the
// first page served is fast. It returns how many articles it read and how
// long it took.
func (d *data) loadResolved(ctx context.Context) (int, time.Duration, error) {
	start := time.Now()
	g, err := d.resolver.Graph(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("resolving entities: %w", err)
	}
	return g.Len(), time.Since(start), nil
}

// storeSource reads the stored articles for the resolver a page at a time,
// so that neither their text nor the resolver's view of them is held
// between builds.
func storeSource(st *store.Store) resolve.Source {
	return func(ctx context.Context, add func([]article.Article)) error {
		for cursor := ""; ; {
			arts, next, err := st.Since(ctx, cursor, 1000)
			if err != nil {
				return err
			}
			add(arts)
			if next == cursor {
				return nil
			}
			cursor = next
		}
	}
}

// resolveWait is how long a server waits for the resolved entities before
// it starts listening; a larger archive goes on loading in the background.
var resolveWait = 3 * time.Second

// beforeResolving runs as the background loading starts; tests hold it.
var beforeResolving = func() {}

// loadingResolver is what the web layer reads while a server loads the
// resolved entities: web.ErrNotReady until they are loaded, then the
// resolver's graph, or the error that stopped the loading.
type loadingResolver struct {
	r    *resolve.Resolver
	done chan struct{} // closed when loading ends
	err  error         // set before done is closed
}

func (l *loadingResolver) Graph(ctx context.Context) (*resolve.Graph, error) {
	select {
	case <-l.done:
	default:
		return nil, fmt.Errorf("the server is reading its archive: %w", web.ErrNotReady)
	}
	if l.err != nil {
		return nil, l.err
	}
	return l.r.Graph(ctx)
}

// startResolving loads the resolved entities in the background and waits
// up to resolveWait for them, so a small archive is served complete from
// the first request and a large one is served at once, its entity pages
// answering 503 until they are loaded. An error within the wait is
// returned; a later one is logged and answered by the pages that need them.
// Once they are loaded, gc (when not nil) follows the live heap they left.
func (d *data) startResolving(ctx context.Context, e *env, gc *serverGC) error {
	l := &loadingResolver{r: d.resolver, done: make(chan struct{})}
	d.loading = l
	go func() {
		beforeResolving()
		n, took, err := d.loadResolved(ctx)
		// Said before done is closed: what waits on done (warming the
		// index) may write to the same output.
		if err == nil {
			// Reading the archive left garbage the size of its articles;
			// give it back now rather than over the next minutes, so that
			// a server in a container has the room for its index pages.
			debug.FreeOSMemory()
			gc.retune()
			fmt.Fprintf(e.stderr, "resolved entities across %d articles in %s\n", n, took.Round(time.Millisecond))
		} else if ctx.Err() == nil {
			e.logger.Error("resolving entities failed; the pages that need them answer with the error", "err", err)
		}
		l.err = err
		close(l.done)
	}()
	select {
	case <-l.done:
		return l.err
	case <-time.After(resolveWait):
		fmt.Fprintln(e.stderr, "resolving entities in the background; entity pages answer 503 until they are loaded")
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
