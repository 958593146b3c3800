package resolve

import (
	"slices"
	"strings"
)

// Entities returns the entities of one type whose name or an alias
// contains every word of q (folded; empty q matches all), most mentioned
// first, at most size (0 = all).
func (g *Graph) Entities(typ, q string, size int) []*Entity {
	list := g.byType[typ]
	words := strings.Fields(fold(q))
	var out []*Entity
	for _, e := range list {
		if matchAll(e.folded, words) {
			out = append(out, e)
			if size > 0 && len(out) == size {
				break
			}
		}
	}
	return out
}

func matchAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// Entity returns the entity with the given ID.
func (g *Graph) Entity(id string) (*Entity, bool) {
	e, ok := g.byID[id]
	return e, ok
}

// Lookup finds an entity of a type by its ID, name or an alias, with or
// without diacritics. Decisions are also found by symbol or bare number
// ("749/QĐ-TTg", "749/qd-ttg", "749").
func (g *Graph) Lookup(typ, name string) (*Entity, bool) {
	if e, ok := g.byID[name]; ok && e.Type == typ {
		return e, true
	}
	m := g.alias[typ]
	if id, ok := m[fold(clean(name))]; ok {
		return g.byID[id], true
	}
	switch typ {
	case TypeDecision:
		if id, ok := m[symbolKey(name)]; ok {
			return g.byID[id], true
		}
	case TypeOrganization:
		// A written form no article used, with abbreviations expanded.
		if id, ok := m[fold(keyOrEmpty(name))]; ok {
			return g.byID[id], true
		}
	case TypeLocation:
		if p := LocatePlace(name); p.Known {
			if id, ok := m[fold(p.Name)]; ok {
				return g.byID[id], true
			}
		}
	}
	return nil, false
}

// PersonIn returns the ID of the person an article names name, "" when
// the article does not name them.
func (g *Graph) PersonIn(articleID, name string) string {
	return g.persons[articleID+"\x00"+clean(name)]
}

// Article returns how an article is shown in lists.
func (g *Graph) Article(id string) (ArticleRef, bool) {
	a, ok := g.docs[id]
	return a, ok
}

// Len returns the number of articles resolved.
func (g *Graph) Len() int { return len(g.docs) }

// GoalFilter selects goals; zero fields match all.
type GoalFilter struct {
	Family string
	Year   string
	// Place matches the goal's place or either of its provinces, folded.
	Place string
}

// Goals returns the goals matching f, ordered by family, place and year.
func (g *Graph) Goals(f GoalFilter) []Goal {
	place := fold(f.Place)
	var out []Goal
	for i := range g.goals {
		x := &g.goals[i]
		if f.Family != "" && x.Family != f.Family {
			continue
		}
		if f.Year != "" && x.Year != f.Year {
			continue
		}
		if place != "" && x.places[0] != place && x.places[1] != place && x.places[2] != place {
			continue
		}
		out = append(out, *x)
	}
	return out
}

// Holding is one person holding a role, for "who held this role when".
type Holding struct {
	Person   string `json:"person"`
	PersonID string `json:"person_id"`
	Role
}

// Holders returns everyone whose role contains every word of q (folded,
// abbreviations such as TT&TT or UBND matched in either form), earliest
// first.
func (g *Graph) Holders(q string) []Holding {
	words := strings.Fields(fold(q))
	expanded := strings.Fields(fold(keyOrEmpty(q)))
	var out []Holding
	for _, e := range g.byType[TypePerson] {
		for _, r := range e.Roles {
			if matchAll(r.match, words) || (len(expanded) > 0 && matchAll(r.match, expanded)) {
				out = append(out, Holding{Person: e.Name, PersonID: e.ID, Role: r})
			}
		}
	}
	slices.SortStableFunc(out, func(x, y Holding) int {
		if c := strings.Compare(x.FirstSeen, y.FirstSeen); c != 0 {
			return c
		}
		return strings.Compare(x.Person, y.Person)
	})
	return out
}

// Size returns the number of entities.
func (g *Graph) Size() int { return len(g.byID) }

// SourceOfHost returns the outlet name of the articles from a host
// ("www." and case ignored).
func (g *Graph) SourceOfHost(host string) (string, bool) {
	name, ok := g.hosts[hostKey(host)]
	return name, ok
}

// SourceName returns an outlet name as its articles write it, given any
// casing of it.
func (g *Graph) SourceName(s string) (string, bool) {
	name, ok := g.sourceNames[strings.ToLower(strings.TrimSpace(s))]
	return name, ok
}

func hostKey(h string) string {
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(h)), "www.")
}

// GoalCounts returns how many goals each family holds and the years goals
// are set for, in order; computed once per build.
func (g *Graph) GoalCounts() (perFamily map[string]int, years []string) {
	g.statsOnce.Do(func() {
		g.familyCounts = map[string]int{}
		seen := map[string]bool{}
		for i := range g.goals {
			x := &g.goals[i]
			g.familyCounts[x.Family]++
			if x.Year != "" && !seen[x.Year] {
				seen[x.Year] = true
				g.years = append(g.years, x.Year)
			}
		}
		slices.Sort(g.years)
	})
	return g.familyCounts, g.years
}
