package bleve

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Entities aggregates the entities of one type across all articles: how
// many articles name each one, in which roles (people) and which articles,
// newest first. Entities are ordered by article count, then name.
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
	var bq query.Query
	if want == "" {
		t := blevesearch.NewTermQuery(q.Type)
		t.SetField(fieldTypes)
		bq = t
	} else {
		r := blevesearch.NewRegexpQuery(".*" + regexp.QuoteMeta(want) + ".*")
		r.SetField(keyField(q.Type))
		bq = r
	}
	fields := []string{nameField(q.Type)}
	if q.Type == index.TypePerson {
		fields = append(fields, fieldRoles)
	}

	n, err := i.idx.DocCount()
	if err != nil {
		return nil, fmt.Errorf("bleve: entities: %w", err)
	}
	req := blevesearch.NewSearchRequestOptions(bq, int(n)+1, 0, false)
	req.Fields = fields
	req.SortByCustom(search.SortOrder{newestFirst(), byID()})
	sr, err := i.idx.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("bleve: entities: %w", err)
	}

	byName := map[string]*index.Entity{}
	for _, hit := range sr.Hits {
		var roles map[string][]string
		if q.Type == index.TypePerson {
			roles, err = decodeRoles(hit)
			if err != nil {
				return nil, err
			}
		}
		for _, name := range stringValues(hit.Fields[nameField(q.Type)]) {
			if want != "" && !strings.Contains(index.FoldKey(name), want) {
				continue
			}
			e := byName[name]
			if e == nil {
				e = &index.Entity{Type: q.Type, Name: name, Roles: []string{}, Articles: []string{}}
				byName[name] = e
			}
			e.Count++
			e.Articles = append(e.Articles, hit.ID)
			for _, r := range roles[name] {
				if !contains(e.Roles, r) {
					e.Roles = append(e.Roles, r)
				}
			}
		}
	}

	out := make([]index.Entity, 0, len(byName))
	for _, e := range byName {
		out = append(out, *e)
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
	return out, nil
}

// decodeRoles reads the stored roles of a hit's people, keyed by name.
func decodeRoles(hit *search.DocumentMatch) (map[string][]string, error) {
	raw, _ := hit.Fields[fieldRoles].(string)
	if raw == "" {
		return nil, nil
	}
	var people []personRoles
	if err := json.Unmarshal([]byte(raw), &people); err != nil {
		return nil, fmt.Errorf("bleve: decode roles of %s: %w", hit.ID, err)
	}
	roles := make(map[string][]string, len(people))
	for _, p := range people {
		roles[p.Name] = append(roles[p.Name], p.Roles...)
	}
	return roles, nil
}

// stringValues reads a stored field that holds one string or several.
func stringValues(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
