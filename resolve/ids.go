package resolve

import (
	"strings"

	"dxnews/article"
	"dxnews/index"
)

// EntityIDs are the resolved IDs of an article's entities, each array
// parallel to the same array of its entities ("" where one is unknown).
type EntityIDs struct {
	People        []string `json:"people"`
	Decisions     []string `json:"decisions"`
	Targets       []string `json:"targets"`
	Organizations []string `json:"organizations"`
	Locations     []string `json:"locations"`
}

// IDsOf returns the resolved IDs of a's entities.
func (g *Graph) IDsOf(a article.Article) EntityIDs {
	e := a.Entities
	ids := EntityIDs{
		People:        make([]string, len(e.People)),
		Decisions:     make([]string, len(e.Decisions)),
		Targets:       make([]string, len(e.Targets)),
		Organizations: make([]string, len(e.Organizations)),
		Locations:     make([]string, len(e.Locations)),
	}
	for i, p := range e.People {
		ids.People[i] = g.PersonIn(a.ID, p.Name)
	}
	for i, d := range e.Decisions {
		for _, k := range []string{d.Symbol, strings.TrimSpace(d.Kind + " " + d.Number), d.Number} {
			if k == "" {
				continue
			}
			if x, ok := g.Lookup(index.TypeDecision, clean(k)); ok {
				ids.Decisions[i] = x.ID
				break
			}
		}
	}
	for i, t := range e.Targets {
		if x, ok := g.Entity(index.TypeTarget + "-" + FamilyOf(clean(t.Metric))); ok {
			ids.Targets[i] = x.ID
		}
	}
	for i, o := range e.Organizations {
		if x, ok := g.Lookup(index.TypeOrganization, o.Name); ok {
			ids.Organizations[i] = x.ID
		}
	}
	for i, l := range e.Locations {
		if x, ok := g.Lookup(index.TypeLocation, l.Name); ok {
			ids.Locations[i] = x.ID
		}
	}
	return ids
}
