package bleve

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// roleSep joins a person's name and one of their roles in fieldRoles.
const roleSep = "\x1f"

// maxPattern is the longest folded Q looked up with a pattern over the name
// keys; longer ones are only matched in Go.
const maxPattern = 80

// allTerms asks a facet for every value.
const allTerms = math.MaxInt32

// Entities aggregates the entities of one type across all articles: how
// many articles name each one, in which roles (people) and which articles,
// newest first. Entities are ordered by article count, then name.
//
// Counts and roles come from facets over the articles that may hold a
// matching name; the article IDs from one search per entity returned.
func (i *Index) Entities(ctx context.Context, q index.EntityQuery) ([]index.Entity, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	if err := i.acquire(ctx); err != nil {
		return nil, err
	}
	defer i.mu.RUnlock()

	want := index.FoldKey(q.Q)
	var candidates query.Query
	if want == "" || len(want) > maxPattern {
		t := blevesearch.NewTermQuery(q.Type)
		t.SetField(fieldTypes)
		candidates = t
	} else {
		r := blevesearch.NewRegexpQuery(".*" + regexp.QuoteMeta(want) + ".*")
		r.SetField(keyField(q.Type))
		candidates = r
	}
	req := blevesearch.NewSearchRequestOptions(candidates, 0, 0, false)
	req.AddFacet("names", blevesearch.NewFacetRequest(nameField(q.Type), allTerms))
	if q.Type == index.TypePerson {
		req.AddFacet("roles", blevesearch.NewFacetRequest(fieldRoles, allTerms))
	}
	sr, err := i.search(ctx, req)
	if err != nil {
		return nil, err
	}

	var out []index.Entity
	for _, t := range terms(sr.Facets["names"]) {
		if want != "" && !strings.Contains(index.FoldKey(t.Term), want) {
			continue
		}
		out = append(out, index.Entity{Type: q.Type, Name: t.Term, Count: t.Count, Roles: []string{}, Articles: []string{}})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Count != out[b].Count {
			return out[a].Count > out[b].Count
		}
		return out[a].Name < out[b].Name
	})
	if len(out) > q.Size {
		out = out[:q.Size]
	}

	roles := map[string][]string{}
	for _, t := range terms(sr.Facets["roles"]) {
		if name, role, ok := strings.Cut(t.Term, roleSep); ok {
			roles[name] = append(roles[name], role)
		}
	}
	for k := range out {
		e := &out[k]
		if r := roles[e.Name]; r != nil {
			sort.Strings(r)
			e.Roles = r
		}
		if e.Articles, err = i.articlesNaming(ctx, q.Type, e.Name, e.Count); err != nil {
			return nil, err
		}
	}
	if out == nil {
		out = []index.Entity{}
	}
	return out, nil
}

// articlesNaming returns the IDs of the articles naming an entity, newest
// first.
func (i *Index) articlesNaming(ctx context.Context, typ, name string, count int) ([]string, error) {
	t := blevesearch.NewTermQuery(name)
	t.SetField(nameField(typ))
	req := blevesearch.NewSearchRequestOptions(t, count, 0, false)
	req.SortByCustom(search.SortOrder{newestFirst(), byID()})
	sr, err := i.search(ctx, req)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		ids = append(ids, h.ID)
	}
	return ids, nil
}

// search runs req, returning ctx's error when ctx ends first.
func (i *Index) search(ctx context.Context, req *blevesearch.SearchRequest) (*blevesearch.SearchResult, error) {
	sr, err := i.idx.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("bleve: search: %w", err)
	}
	return sr, nil
}

// terms lists a terms facet's values; nil for a missing facet.
func terms(fr *search.FacetResult) []*search.TermFacet {
	if fr == nil || fr.Terms == nil {
		return nil
	}
	return fr.Terms.Terms()
}
