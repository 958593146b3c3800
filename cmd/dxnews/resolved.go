package main

import (
	"context"
	"fmt"
	"time"
)

// loadResolved fills the resolver from every stored article and resolves
// them once, so the first page served is fast. Articles are read a page
// at a time, so their text is not all held at once. It returns how many
// articles it read and how long it took.
func (d *data) loadResolved(ctx context.Context) (int, time.Duration, error) {
	start := time.Now()
	n := 0
	for cursor := ""; ; {
		arts, next, err := d.store.Since(ctx, cursor, 1000)
		if err != nil {
			return 0, 0, fmt.Errorf("resolving entities: %w", err)
		}
		d.resolver.Load(arts)
		n += len(arts)
		if next == cursor {
			break
		}
		cursor = next
	}
	if _, err := d.resolver.Graph(ctx); err != nil {
		return 0, 0, fmt.Errorf("resolving entities: %w", err)
	}
	return n, time.Since(start), nil
}
