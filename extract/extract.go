package extract

import (
	"sync"

	"dxnews/article"
)

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Entities extracts the entities of text. The text is NFC-normalised first;
// mentions are byte offsets into the NFC form. Slices are never nil.
func Entities(text string) article.Entities {
	e, _ := EntitiesWithAuthors(text)
	return e
}

// EntitiesWithAuthors is Entities that also returns the names found in
// bylines and photo credits, which are not reported as people.
func EntitiesWithAuthors(text string) (article.Entities, []string) {
	e, authors, _ := entities(text, false)
	return e, authors
}

// Explain is Entities with the evidence for each target, in the order of
// the targets: the cue or the heading or lead-in that made its value a
// goal, and the words that gave it its year.
func Explain(text string) (article.Entities, []Evidence) {
	e, _, ev := entities(text, true)
	if ev == nil {
		ev = []Evidence{}
	}
	return e, ev
}

func entities(text string, explain bool) (article.Entities, []string, []Evidence) {
	text = toNFC(text)
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.toks = tokenize(sc.toks[:0], text)
	d := newDocWith(text, sc.toks, sc)
	sc.arena = sc.arena[:0]
	d.arena = &sc.arena
	defer func() {
		clear(sc.arena)
		d.arena = nil
	}()
	sc.skip = bools(sc.skip, len(sc.toks))
	sc.inName = bools(sc.inName, len(sc.toks))
	skip := sc.skip
	authors := d.findCredits(skip)

	orgs := d.findOrgs()
	people, inName := d.findPeople(orgs, skip, sc.inName)
	d.names = inName
	locs, mainPlace, province := d.findLocations(skip, inName)
	sc.lines = d.buildOutline(sc.lines)
	targets, evidence := d.findTargets(sc.lines, skip, mainPlace, explain)
	e := article.Entities{
		People:        people,
		Decisions:     d.findDecisions(province, orgs),
		Targets:       targets,
		Organizations: d.organizations(orgs, skip),
		Locations:     locs,
	}
	e.Normalize()
	if authors == nil {
		authors = []string{}
	}
	return e, authors, evidence
}
