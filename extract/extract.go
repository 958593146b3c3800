// Package extract finds the entities of Vietnamese government and
// digital-transformation news: people and their roles, numbered decisions,
// targets, organisations and places. It is a hand-written scanner over
// syllable tokens with gazetteers embedded in the binary (family names,
// titles, organisation heads, ministries and agencies, the 63-province and
// the 34-province maps); no model, no network.
//
// The rules follow the corpus annotation guide:
//
//   - People are full names (family name + given names, or any capitalised
//     name after ông/bà/đồng chí), with every role the text states: titles
//     before the name, appositions after it, roles in brackets, split
//     constructions ("Ban chỉ đạo có Trưởng ban là ông X", "X làm Phó
//     Trưởng ban"), plural titles over lists of names. Short mentions
//     ("ông Mãi") resolve to the full name. Office holders without a name
//     produce no person; bylines and photo credits are authors.
//   - Decisions are documents with a number, in any written form, merged by
//     kind and number; issuer from the text or the symbol, ISO date when
//     stated, subject from "về việc …", "phê duyệt …" and the like, up to
//     the end of its clause. An anaphoric issuer ("UBND tỉnh") is completed
//     with the one named organisation that spells it out, else with the
//     text's only province (provinces merged in July 2025 into one the text
//     names count as that one); with several, it stays as written.
//   - Targets are figures after a goal cue (mục tiêu, chỉ tiêu, phấn đấu,
//     bảo đảm, đến năm …) or in the clause a trailing "đến năm X" closes,
//     and before any achieved cue (đã, đạt được, tính đến, nhưng mới đạt …)
//     in the same sentence; a heading ("Mục tiêu cụ thể:", "I. MỤC TIÊU")
//     carries its cue to the lines below. Counts of things are not
//     targets; a repeated target keeps the richer qualifier and metric.
//   - Organisations and places keep the written form; variants are merged
//     with [Key], which expands the usual abbreviations.
//
// Mentions are byte offsets into the NFC-normalised text.
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
