package extract

import (
	"dxnews/article"
	"sort"
	"strings"
)

func (r *Report) score(name string, g goldFile, e article.Entities) {
	// People and roles.
	bylines := map[string]bool{}
	goldPeople := map[string]int{}
	for i, p := range g.People {
		if p.Byline {
			bylines[phraseKey(p.Name)] = true
			continue
		}
		goldPeople[phraseKey(p.Name)] = i
	}
	matched := map[string]bool{}
	for _, p := range e.People {
		k := phraseKey(p.Name)
		if bylines[k] {
			continue
		}
		gi, ok := goldPeople[k]
		if !ok || matched[k] {
			r.add("people", 0, 1, 0)
			r.miss(name, "people", "spurious", p.Name)
			for _, role := range p.Roles {
				r.add("roles", 0, 1, 0)
				r.miss(name, "roles", "spurious", p.Name+": "+role)
			}
			continue
		}
		matched[k] = true
		r.add("people", 1, 0, 0)
		r.scoreRoles(name, p.Name, g.People[gi].Roles, p.Roles)
	}
	for _, p := range g.People {
		if p.Byline || matched[phraseKey(p.Name)] {
			continue
		}
		r.add("people", 0, 0, 1)
		r.miss(name, "people", "missed", p.Name)
		for _, role := range p.Roles {
			r.add("roles", 0, 0, 1)
			r.miss(name, "roles", "missed", p.Name+": "+role)
		}
	}

	// Decisions: kind and number.
	var gd, pd []string
	for _, d := range g.Decisions {
		gd = append(gd, kindKey(d.Kind)+" "+strings.TrimLeft(d.Number, "0"))
	}
	for _, d := range e.Decisions {
		pd = append(pd, kindKey(d.Kind)+" "+strings.TrimLeft(d.Number, "0"))
	}
	r.scoreExact(name, "decisions", gd, pd)

	// Targets: value and year.
	var gt, pt []string
	for _, t := range g.Targets {
		gt = append(gt, targetKey(t.Value)+" @"+t.Year)
	}
	for _, t := range e.Targets {
		pt = append(pt, targetKey(t.Value)+" @"+t.Year)
	}
	r.scoreExact(name, "targets", gt, pt)

	var po, pl []string
	for _, o := range e.Organizations {
		po = append(po, o.Name)
	}
	for _, l := range e.Locations {
		pl = append(pl, l.Name)
	}
	r.scoreNames(name, "organizations", g.Organizations, po, orgMatch)
	r.scoreNames(name, "locations", dedupePlaces(g.Locations), dedupePlaces(pl), placeMatch)
}

func (r *Report) scoreRoles(article, person string, gold, pred []string) {
	gk := make([][]string, len(gold))
	for i, g := range gold {
		gk[i] = matchKey(g)
	}
	type pair struct {
		p, g  int
		share float64
	}
	var pairs []pair
	for pi, p := range pred {
		pk := matchKey(p)
		for gi := range gold {
			shared := sharedSyllables(pk, gk[gi])
			longer := max(len(pk), len(gk[gi]))
			if longer > 0 && 2*shared >= longer {
				pairs = append(pairs, pair{pi, gi, float64(shared) / float64(longer)})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].share > pairs[j].share })
	usedP := make([]bool, len(pred))
	usedG := make([]bool, len(gold))
	for _, x := range pairs {
		if usedP[x.p] || usedG[x.g] {
			continue
		}
		usedP[x.p], usedG[x.g] = true, true
		r.add("roles", 1, 0, 0)
	}
	for i, u := range usedP {
		if !u {
			r.add("roles", 0, 1, 0)
			r.miss(article, "roles", "spurious", person+": "+pred[i])
		}
	}
	for i, u := range usedG {
		if !u {
			r.add("roles", 0, 0, 1)
			r.miss(article, "roles", "missed", person+": "+gold[i])
		}
	}
}
