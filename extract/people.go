package extract

import (
	"dxnews/article"
)

type personAgg struct {
	name     string
	key      string // folded name
	roles    []roleRef
	mentions []article.Mention
}

// roleRef is a role as token ranges: the title phrase and, for a bare
// committee title, the committee it was completed with.
type roleRef struct {
	s, e, cs, ce int
	te           int  // end of the title words
	placeOnly    bool // title completed by a place only
}

type peopleFinder struct {
	d      *doc
	orgs   []orgSpan
	skip   []bool // tokens inside bylines and credits
	byKey  map[string]int
	people []personAgg
	inName []bool // tokens inside full-name mentions
}

// findPeople finds named people and every role the text states for them.
func (d *doc) findPeople(orgs []orgSpan, skip, inName []bool) ([]article.Person, []bool) {
	f := &peopleFinder{d: d, orgs: orgs, skip: skip, byKey: map[string]int{}, inName: inName}
	f.scan()
	out := make([]article.Person, 0, len(f.people))
	for _, p := range f.people {
		out = append(out, article.Person{Name: p.name, Roles: d.dedupeRoles(p.roles), Mentions: p.mentions})
	}
	return out, f.inName
}

func (f *peopleFinder) add(s, e int) int {
	d := f.d
	name := d.span(s, e)
	d.buf = d.keySpan(d.buf[:0], s, e)
	at, ok := f.byKey[string(d.buf)]
	if !ok {
		at = len(f.people)
		key := string(d.buf)
		f.byKey[key] = at
		f.people = append(f.people, personAgg{name: name, key: key})
	}
	f.people[at].mentions = append(f.people[at].mentions, article.Mention{Start: int(d.toks[s].start), End: int(d.toks[e-1].end)})
	for k := s; k < e; k++ {
		f.inName[k] = true
	}
	return at
}

func (f *peopleFinder) addRole(p int, r roleSpan) {
	if r.end <= r.start {
		return
	}
	f.people[p].roles = append(f.people[p].roles, f.compose(r))
}

// compose completes a bare committee title with the committee in context.
func (f *peopleFinder) compose(r roleSpan) roleRef {
	d := f.d
	ref := roleRef{s: r.start, e: r.end, te: r.titleEnd, placeOnly: r.placeOnly}
	if r.bare == 0 {
		return ref
	}
	// Prefer the committee named in the same sentence, then the same
	// paragraph, then anywhere before.
	var best *orgSpan
	bestRank := -1
	for k := len(f.orgs) - 1; k >= 0; k-- {
		o := &f.orgs[k]
		if o.start < r.start-600 {
			break // far back: another article section
		}
		if o.committee != r.bare || o.start >= r.start {
			continue
		}
		rank := 0
		if o.end > o.headEnd {
			rank += 2 // a bare "Ban Chỉ đạo" refers back to a named one
		}
		if d.sameSentence(o.start, r.start) {
			rank += 8 // … unless the sentence names the committee as written
		} else if d.sameParagraph(o.start, r.start) {
			rank += 4
		}
		if rank >= bestRank {
			best, bestRank = o, rank
		}
	}
	if best == nil {
		for k := range f.orgs {
			o := &f.orgs[k]
			if o.committee == r.bare && o.start > r.start && d.sameSentence(o.start, r.start) {
				best = o
				break
			}
		}
	}
	if best == nil {
		return ref
	}
	ref.cs, ref.ce = best.start, best.end
	return ref
}
