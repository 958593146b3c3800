package bleve

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"dxnews/index"
)

// Entities returns the entities of one type across all articles: how many
// articles name each one, in which roles (people) and which articles, newest
// first. Entities are ordered by article count, then name.
//
// They come from an entity table kept beside the open index: built from the
// articles' doc values on the first call, then kept up to date by Index,
// so a look-up costs the number of entities of the type, not of articles.
func (i *Index) Entities(ctx context.Context, q index.EntityQuery) ([]index.Entity, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	if err := i.acquire(ctx); err != nil {
		return nil, err
	}
	defer i.mu.RUnlock()
	if err := i.ents.ensure(ctx, i); err != nil {
		return nil, err
	}
	return i.ents.lookup(q), nil
}

// Warm builds the entity table now, so the first entity look-up or
// archive-wide facet does not wait for it. Servers call it at start.
func (i *Index) Warm(ctx context.Context) error {
	if err := i.acquire(ctx); err != nil {
		return err
	}
	defer i.mu.RUnlock()
	return i.ents.ensure(ctx, i)
}

// lookup answers a normalised entity query from the table.
func (t *entityTable) lookup(q index.EntityQuery) []index.Entity {
	t.mu.RLock()
	defer t.mu.RUnlock()
	want := index.FoldKey(q.Q)
	// The q.Size first by article count, then name, kept sorted in one
	// pass: most entities are rejected by one comparison with the last.
	less := func(a, b *entityAgg) int {
		return cmp.Or(cmp.Compare(len(b.articles), len(a.articles)), cmp.Compare(a.name, b.name))
	}
	found := make([]*entityAgg, 0, min(q.Size, len(t.types[q.Type])))
	for _, n := range t.types[q.Type] {
		e := &t.ents[n]
		if want != "" && !strings.Contains(e.key, want) {
			continue
		}
		if len(found) == q.Size && less(e, found[len(found)-1]) >= 0 {
			continue
		}
		k, _ := slices.BinarySearchFunc(found, e, less)
		if len(found) == q.Size {
			found = found[:len(found)-1]
		}
		found = slices.Insert(found, k, e)
	}
	out := make([]index.Entity, 0, len(found))
	for _, e := range found {
		// Newest first: the list read from its end.
		ids := make([]string, len(e.articles))
		for k, s := range slices.Backward(e.articles) {
			ids[len(ids)-1-k] = t.slots[s].id
		}
		ent := index.Entity{Type: q.Type, Name: e.name, Count: len(e.articles), Roles: []string{}, Articles: ids}
		if q.Type == index.TypePerson {
			for _, r := range e.roles {
				ent.Roles = append(ent.Roles, t.strs[r.role])
			}
			slices.Sort(ent.Roles)
		}
		out = append(out, ent)
	}
	return out
}
