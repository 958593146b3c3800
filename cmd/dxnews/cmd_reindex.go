package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"dxnews/article"
	"dxnews/resolve"
)

func runReindex(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	d, err := parseAndOpen(ctx, e, fs, args, modeOwn)
	if err != nil {
		return err
	}
	defer d.Close()
	arts, err := d.store.All(ctx)
	if err != nil {
		return err
	}
	p := &pipeline{data: d, logger: e.logger}
	for i, a := range arts {
		arts[i] = p.prepare(a)
		if _, err := d.store.Put(ctx, arts[i]); err != nil {
			return err
		}
		if (i+1)%50 == 0 || i+1 == len(arts) {
			fmt.Fprintf(e.stderr, "\rextract: %d/%d", i+1, len(arts))
		}
	}
	if len(arts) > 0 {
		fmt.Fprintln(e.stderr)
	}
	// Elasticsearch builds the next index generation and swaps the alias;
	// Bleve replaces the documents in place.
	if r, ok := d.index.(interface {
		Rebuild(context.Context, []article.Article) (string, error)
	}); ok {
		name, err := r.Rebuild(ctx, arts)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "built %s and moved the alias to it\n", name)
	} else {
		for start := 0; start < len(arts); start += syncChunk {
			if err := d.index.Index(ctx, arts[start:min(start+syncChunk, len(arts))]...); err != nil {
				return err
			}
		}
	}
	if err := d.sync.markCurrent(ctx); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "reindexed %d articles\n", len(arts))
	// Entities are resolved afresh from the stored articles, never kept
	// from an earlier run.
	start := time.Now()
	d.resolver = resolve.NewResolver()
	d.resolver.Load(arts)
	g, err := d.resolver.Graph(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "resolved %d entities and %d goals across %d articles in %s\n",
		g.Size(), len(g.Goals(resolve.GoalFilter{})), g.Len(), time.Since(start).Round(time.Millisecond))
	return nil
}
