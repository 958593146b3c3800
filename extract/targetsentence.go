package extract

// sentence reads the targets of the sentence [s, e) of line l.
func (w *targetWalk) sentence(li int, l oline, s, e int) {
	d := w.d
	b := s
	if s == l.s {
		b = l.body
	} else if w.top().kind == scopeSentence && !w.keepSentence(b, e, false) {
		w.popWhile(func(sc scope) bool { return sc.kind == scopeSentence })
	}
	if b >= e {
		return
	}
	if d.startsAt(b, continuations) > 0 {
		w.continueGoal(li, b)
	}
	defer func() { w.prevS, w.prevE = b, e }()
	outer, inner := d.outerCue(b, e)
	inh := w.inherited()
	start, lim := -1, e
	var cue scope // what made the values goals
	cue.modS = -1
	if inh >= 0 && w.stack[inh].mod == goal {
		start, cue = b, w.stack[inh]
	}
	if outer >= 0 {
		if start < 0 {
			start = outer
		}
		cs, ce := d.cueWords(outer, e)
		cue = scope{kind: scopeSentence, mod: goal, modS: cs, modE: ce}
	} else if inner >= 0 && start < 0 {
		start, lim = inner, d.closingBracket(inner, e)
		cs, ce := d.cueWords(inner, e)
		cue = scope{kind: scopeSentence, mod: goal, modS: cs, modE: ce}
	}
	sy, syTok := "", -1
	if start >= 0 || outer >= 0 {
		sy, syTok = d.sentenceYear(b, e, outer)
	}
	if start >= 0 && l.kind != lineHeading {
		w.values(l, b, e, start, lim, cue, sy, syTok)
	}
	last := e == l.e
	switch {
	case l.kind == lineLeadIn && last:
		sc := scope{kind: scopeLeadIn, level: l.level, from: b, to: e, line: li, modS: -1}
		sc.year, sc.yearTok = d.firstYear(b, e)
		switch {
		case outer >= 0 || inner >= 0:
			sc.mod, sc.modS, sc.modE = goal, cue.modS, cue.modE
		case d.hasAchieved(b, e):
			sc.mod = achieved
		}
		if i := w.inherited(); sc.mod == neutral && i >= 0 {
			sc.mod, sc.modS, sc.modE = w.stack[i].mod, w.stack[i].modS, w.stack[i].modE
		}
		if sc.year == "" {
			if i := w.innermostYear(); i >= 0 {
				sc.year, sc.yearTok = w.stack[i].year, w.stack[i].yearTok
			}
		}
		w.popWhile(func(sc scope) bool { return sc.kind == scopeSentence })
		w.push(sc)
	case outer >= 0 && l.kind != lineHeading:
		if w.top().kind == scopeSentence {
			w.popWhile(func(sc scope) bool { return sc.kind == scopeSentence })
		}
		sc := scope{kind: scopeSentence, mod: goal, modS: cue.modS, modE: cue.modE, from: b, to: e, line: li, year: sy, yearTok: syTok}
		w.push(sc)
		if d.headingColon(outer) && !last {
			// "Mục tiêu cụ thể: …" heads the rest of its line.
			sc.kind = scopeLine
			w.push(sc)
		}
	}
}

// continueGoal opens the scope a "Cụ thể", "Trong đó", "Theo đó" at b
// carries on: the goal sentence before it, or the plan reported a few
// lines up; a year stated in the sentence just before dates the items
// ("Riêng năm 2022, … . Theo đó, 40% …"), and so does a sentence that
// sets a year apart without a goal cue when it reports nothing achieved
// ("Năm 2026 được xác định là năm tăng tốc … . Theo đó, 100% …").
func (w *targetWalk) continueGoal(li, b int) {
	d := w.d
	py, pk := "", -1
	if w.prevE > w.prevS && w.prevE <= b {
		if d.hasAchieved(w.prevS, w.prevE) {
			return // "… đã góp phần … . Theo đó 100% …": results go on
		}
		py, pk = d.firstYear(w.prevS, w.prevE)
	}
	if i := w.inherited(); i >= 0 && w.stack[i].mod == achieved {
		return
	}
	var sc scope
	switch {
	case w.top().kind == scopeSentence:
		if py == "" || py == w.top().year {
			return
		}
		sc = *w.top()
	case w.lastGoal.mod == goal && li-w.lastLine <= 3:
		sc = w.lastGoal
	case py != "":
		sc = scope{kind: scopeSentence, mod: goal, modS: b, modE: b + d.startsAt(b, continuations), from: w.prevS, to: w.prevE, line: li}
	default:
		return
	}
	if py != "" {
		sc.year, sc.yearTok = py, pk
	}
	w.push(sc)
}

// inherited returns the innermost scope that gives a modality, or -1.
func (w *targetWalk) inherited() int {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].mod != neutral {
			return i
		}
	}
	return -1
}

// innermostYear returns the innermost scope that has a year, or -1.
func (w *targetWalk) innermostYear() int {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].year != "" {
			return i
		}
	}
	return -1
}
