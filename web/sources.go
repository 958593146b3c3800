package web

import (
	"context"

	"dxnews/index"
)

// Articles carry the outlet's name as source and its host separately; the
// index filters on the name. These translate a host in the source filter
// into its outlet's name, and show facet values as the outlets write them.

// sourceFilter returns the outlet name for a host ("vnexpress.net" →
// "VnExpress"); anything else is returned unchanged.
func (s *server) sourceFilter(ctx context.Context, v string) string {
	if v == "" || s.resolver == nil {
		return v
	}
	g, err := s.resolver.Graph(ctx)
	if err != nil {
		return v
	}
	if name, ok := g.SourceOfHost(v); ok {
		return name
	}
	return v
}

// sourceNames rewrites facet values the index folded to lower case back
// to the outlet names as written.
func (s *server) sourceNames(facets []index.FacetCount) {
	if s.resolver == nil || len(facets) == 0 {
		return
	}
	g, err := s.resolver.Graph(context.Background())
	if err != nil {
		return
	}
	for i := range facets {
		if name, ok := g.SourceName(facets[i].Name); ok {
			facets[i].Name = name
		}
	}
}
