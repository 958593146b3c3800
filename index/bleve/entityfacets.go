package bleve

import (
	"cmp"
	"math"
	"slices"
	"time"

	"dxnews/index"
)

// newest returns the publication time of the n-th newest article, or the
// zero time when the index holds n articles or fewer (or the n-th is
// undated) or the table is not built.
func (t *entityTable) newest(n int) time.Time {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if !t.built || len(t.slot) <= n || n < 1 {
		return time.Time{}
	}
	t.timesMu.Lock()
	defer t.timesMu.Unlock()
	if t.timesAt != t.changes || t.times == nil {
		t.times = t.times[:0]
		for s, d := range t.slots {
			if d.id != "" {
				t.times = append(t.times, t.published[s])
			}
		}
		slices.SortFunc(t.times, func(a, b int64) int { return cmp.Compare(b, a) })
		t.timesAt = t.changes
	}
	if at := t.times[n-1]; at != math.MinInt64 {
		return time.Unix(0, at)
	}
	return time.Time{}
}

// facets returns the facets q asks for over every article, from the
// counts kept in the table.
func (t *entityTable) facets(q index.Query) index.Facets {
	t.mu.RLock()
	defer t.mu.RUnlock()
	t.timesMu.Lock()
	defer t.timesMu.Unlock()
	if t.facetsAt != t.changes || t.allFacets == nil {
		// Top values by count with a bounded heap-free pass: keep the
		// FacetSize best seen so far, sorted.
		top := func(add func(yield func(string, int))) []index.FacetCount {
			var out []index.FacetCount
			less := func(a, b index.FacetCount) int {
				return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
			}
			add(func(name string, n int) {
				c := index.FacetCount{Name: name, Count: n}
				if len(out) == FacetSize && less(c, out[len(out)-1]) >= 0 {
					return
				}
				k, _ := slices.BinarySearchFunc(out, c, less)
				out = slices.Insert(out, k, c)
				if len(out) > FacetSize {
					out = out[:FacetSize]
				}
			})
			if out == nil {
				out = []index.FacetCount{}
			}
			return out
		}
		entities := func(typ string) func(func(string, int)) {
			return func(yield func(string, int)) {
				for name, n := range t.types[typ] {
					yield(name, len(t.ents[n].articles))
				}
			}
		}
		all := index.EmptyFacets()
		all.People = top(entities(index.TypePerson))
		all.Organizations = top(entities(index.TypeOrganization))
		all.Decisions = top(entities(index.TypeDecision))
		all.Sources = top(func(yield func(string, int)) {
			for s, n := range t.sources {
				yield(t.strs[s], n)
			}
		})
		t.allFacets, t.facetsAt = &all, t.changes
	}
	f := index.EmptyFacets()
	for _, fc := range facets {
		if q.WantsFacet(fc.name) {
			*fc.get(&f) = slices.Clone(*fc.get(t.allFacets))
		}
	}
	return f
}
