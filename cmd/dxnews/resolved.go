package main

import (
	"context"
	"fmt"
	"time"
)

// loadResolved fills the resolver from every stored article and resolves
// them once, so the first page served is fast. It returns how long it took.
func (d *data) loadResolved(ctx context.Context) (int, time.Duration, error) {
	start := time.Now()
	arts, err := d.store.All(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("resolving entities: %w", err)
	}
	d.resolver.Load(arts)
	if _, err := d.resolver.Graph(ctx); err != nil {
		return 0, 0, fmt.Errorf("resolving entities: %w", err)
	}
	return len(arts), time.Since(start), nil
}
