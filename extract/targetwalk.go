package extract

import "dxnews/article"

type targetWalk struct {
	d        *doc
	skip     []bool
	place    string
	explain  bool
	lines    []oline
	stack    []scope
	out      []article.Target
	ev       []Evidence
	lastGoal scope
	lastLine int
	// the sentence read last
	prevS, prevE int
	leadEnd      int // byte offset where the title and the lead paragraph end
	nLead        int // targets first stated in the title or the lead
	// the first place named in the sentence starting at placeOf
	placeOf, placeS, placeE int
}

// findTargets returns the goals to reach stated in the text and, when
// explain is set, the evidence for each.
func (d *doc) findTargets(lines []oline, skip []bool, place string, explain bool) ([]article.Target, []Evidence) {
	w := &targetWalk{d: d, lines: lines, skip: skip, place: place, explain: explain, lastLine: -100, placeOf: -1}
	w.stack = append(w.stack, d.planHorizon(w.lines))
	w.leadEnd = d.leadEnd(w.lines)
	for li, l := range w.lines {
		w.openLine(li, l)
		for s := l.s; s < l.e; {
			e := s + 1
			for e < l.e && d.toks[e].sent == d.toks[s].sent {
				e++
			}
			w.sentence(li, l, s, e)
			s = e
		}
		if l.kind == lineTitle || l.kind == lineHeading {
			w.popWhile(func(sc scope) bool { return sc.kind == scopeSentence || sc.kind == scopeLine })
		}
	}
	return w.out, w.ev
}

func (w *targetWalk) top() *scope { return &w.stack[len(w.stack)-1] }

func (w *targetWalk) push(sc scope) { w.stack = append(w.stack, sc) }

// popWhile pops scopes off the top while f holds; the document scope stays.
func (w *targetWalk) popWhile(f func(scope) bool) {
	for len(w.stack) > 1 && f(*w.top()) {
		if sc := *w.top(); sc.kind == scopeSentence && sc.mod == goal {
			w.lastGoal, w.lastLine = sc, sc.line
		}
		w.stack = w.stack[:len(w.stack)-1]
	}
}

// openLine closes the scopes that end before line l and opens a heading's.
func (w *targetWalk) openLine(li int, l oline) {
	d := w.d
	w.popWhile(func(sc scope) bool { return sc.kind == scopeLine })
	if w.top().kind == scopeSentence && !w.keepSentence(l.body, l.e, l.para) {
		w.popWhile(func(sc scope) bool { return sc.kind == scopeSentence })
	}
	switch {
	case l.kind == lineHeading || l.kind == lineLeadIn && (l.marker == markNumber || l.marker == markRoman):
		w.popWhile(func(sc scope) bool {
			return sc.kind == scopeSentence || sc.kind == scopeLine || sc.kind == scopeHeading && sc.level >= l.level ||
				sc.kind == scopeLeadIn && (sc.items || sc.child != 0 && l.level < sc.child)
		})
		if t := w.top(); t.kind == scopeLeadIn && (t.child == 0 || l.level < t.child) {
			t.child = l.level
		}
		if l.kind == lineHeading {
			sc := scope{kind: scopeHeading, level: l.level, from: l.s, to: l.e, line: li, modS: -1, yearTok: -1}
			if c := d.firstCue(l.body, l.e); c >= 0 {
				sc.mod = goal
				sc.modS, sc.modE = d.cueWords(c, l.e)
			}
			sc.year, sc.yearTok = d.firstYear(l.body, l.e)
			w.push(sc)
		}
	case l.kind == lineLeadIn:
		w.popWhile(func(sc scope) bool { return sc.kind == scopeSentence })
		if t := w.top(); t.kind == scopeLeadIn && t.items {
			w.popWhile(func(sc scope) bool { return sc.kind == scopeLeadIn && sc.items })
		}
	case l.kind == lineText:
		t := w.top()
		if t.kind != scopeLeadIn {
			break
		}
		item := l.marker != markNone || !t.items || t.plain && t.apart && d.hasFigure(l.body, l.e)
		if l.para && !item && d.startsAt(l.body, continuations) == 0 || !l.para && l.marker == markNone && t.items && !t.plain {
			w.popWhile(func(sc scope) bool { return sc.kind == scopeLeadIn || sc.kind == scopeSentence })
			break
		}
		if !t.items {
			t.items, t.plain, t.apart = true, l.marker == markNone, l.para
		}
	}
}

// keepSentence reports whether the sentence starting at b (ending before
// e) continues the goal sentence before it: it opens with "Cụ thể",
// "Trong đó", "Theo đó"; or, in the same paragraph, with a figure; or it
// is a run of items separated by ";" that carries a goal list on across a
// paragraph break.
func (w *targetWalk) keepSentence(b, e int, para bool) bool {
	d := w.d
	if d.startsAt(b, continuations) > 0 {
		return true
	}
	if outer, _ := d.outerCue(b, e); outer >= 0 {
		return false
	}
	if para {
		return d.semicolonRun(b, e)
	}
	if d.valueLed(b) {
		return true
	}
	// "… vào năm 2025 và tới 100% … vào năm 2030": a sentence that dates
	// its own figures no earlier than the goal before it goes on with it.
	y, _ := d.firstYear(b, e)
	return y != "" && y >= w.top().year && !d.hasAchieved(b, e) && d.hasFigure(b, e)
}
