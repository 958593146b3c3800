package resolve

import (
	"slices"
	"strings"

	"dxnews/index"
)

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
		out = append(out, Goal{GoalValue: x.GoalValue, Article: g.refs[x.doc]})
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
	for _, e := range g.byType[index.TypePerson] {
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
