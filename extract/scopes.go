package extract

import (
	"strings"

	"dxnews/article"
)

// Targets are read the way a plan states them: headings, lead-ins and goal
// sentences open scopes over the outline, each with a modality (goal,
// achieved or neutral) and a horizon year; a value counts as a target when
// the innermost scope that says anything says "goal" and its own clause
// does not say "achieved"; its year is the one nearest it in its own
// clause, else its list item, else its sentence, else the innermost scope
// that has one, up to the plan's own horizon stated in the title or the
// opening.

type modality int8

const (
	neutral  modality = 0
	goal     modality = 1
	achieved modality = -1
)

type scopeKind uint8

const (
	scopeDoc      scopeKind = iota // the plan a text reports, from its title or opening
	scopeHeading                   // a heading line, up to the next heading of its level
	scopeLeadIn                    // a line ending in ":", over its list
	scopeLine                      // "Mục tiêu cụ thể: …" up to the end of its line
	scopeSentence                  // a goal sentence and the sentences that continue it
)

var scopeNames = [...]string{"plan", "heading", "lead-in", "lead-in", "sentence"}

type scope struct {
	kind       scopeKind
	level      int8 // heading level
	child      int8 // smallest heading level seen inside a lead-in
	mod        modality
	modS, modE int // tokens that gave the modality, or -1
	year       string
	yearTok    int // token of the year, or -1
	from, to   int // the opener's tokens
	items      bool
	plain      bool // the list's items are plain lines
	apart      bool // blank lines separate the list's items
	line       int
}

// Span is a stretch of the text, by byte offsets into the NFC text, that
// explains a target.
type Span struct {
	// Kind is cue, heading, lead-in, sentence, plan, clause, item or "".
	Kind  string `json:"kind"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Evidence says why a value counted as a target: the cue or the heading or
// lead-in that made it a goal, the words that gave it its year, and the
// headings and lead-ins it stands under, outermost first.
type Evidence struct {
	Value    string `json:"value"`
	Year     string `json:"year"`
	Cue      Span   `json:"cue"`
	YearFrom Span   `json:"year_from"`
	Scopes   []Span `json:"scopes"`
}

// Continuation words carry a goal sentence on to the next one.
var continuations = newPhraseSet("cụ thể", "trong đó", "theo đó", "cụ thể là", "bao gồm", "bên cạnh đó", "đồng thời")

// Documents whose horizon dates the goals an article lists from them.
var planNouns = newPhraseSet("kế hoạch", "chương trình", "đề án", "chiến lược", "quy hoạch", "nghị quyết")

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

// values reads the goal values of the sentence [b, e) from start to lim.
func (w *targetWalk) values(l oline, b, e, start, lim int, cue scope, sy string, syTok int) {
	d := w.d
	dead := false // inside a clause an achieved cue opened
	for v := start; v < lim; v++ {
		if d.punct(v, ";") {
			dead = false
			continue
		}
		if v > start && d.achievedAt(v) {
			dead = true
			continue
		}
		if dead && d.startsAt(v, goalCues) > 0 && d.firstCue(v, min(v+4, e)) == v {
			dead = false
		}
		if dead || w.skip[v] {
			continue
		}
		value, ve, ok := d.goalValue(v, b, e, start)
		if !ok || d.achievedInItem(ve, e) {
			continue
		}
		qual, qs := d.qualifierBefore(v)
		metric, ms, me := d.metric(v, ve, qs, b, e)
		year, ys := w.valueYear(l, v, ve, b, e, sy, syTok)
		if (ys.Kind == "clause" || ys.Kind == "item") && w.beforeHorizon(year, ys, b, v, sy, syTok) {
			continue // "(năm 2025 đạt 80%)" in a plan for 2026: the baseline
		}
		from, to := v, ve
		if ms >= 0 && ms < from {
			from = ms
		}
		to = max(to, me)
		if len(w.out) > 0 && (strings.HasSuffix(metric, " này") || strings.HasSuffix(metric, " trên")) && anaphoricMetric[phraseKey(metric)] {
			metric = w.out[len(w.out)-1].Metric // "đến năm 2030, tỷ lệ này đạt 90%"
		}
		m := article.Mention{Start: int(d.toks[from].start), End: int(d.toks[to-1].end)}
		if at := sameTarget(w.out[:w.nLead], value, year, metric); at >= 0 {
			// The body restating a goal of the title or the lead.
			enrich(&w.out[at], qual, metric)
			w.out[at].Mentions = append(w.out[at].Mentions, m)
			v = ve - 1
			continue
		}
		w.out = append(w.out, article.Target{
			Value: value, Qualifier: qual, Metric: metric, Year: year, Scope: w.scopeIn(b, e, v),
			Mentions: []article.Mention{m},
		})
		if m.Start < w.leadEnd {
			w.nLead = len(w.out)
		}
		if w.explain {
			w.ev = append(w.ev, w.evidence(value, year, cue, ys))
		}
		v = ve - 1
	}
}

// scopeIn names the place a target at v in the sentence [b, e) applies
// to: the first place named in the sentence before the value, else the
// text's main place. The sentence is searched once.
func (w *targetWalk) scopeIn(b, e, v int) string {
	d := w.d
	if w.placeOf != b {
		w.placeOf, w.placeS, w.placeE = b, -1, -1
		for k := b; k < e; k++ {
			if _, n := d.placeAt(k); n > 0 && !d.inName(k) {
				w.placeS, w.placeE = k, k+n
				break
			}
		}
	}
	if w.placeS >= 0 && w.placeS < v {
		return d.span(w.placeS, w.placeE)
	}
	return w.place
}

// valueYear finds the year of the value [v, ve): nearest it in its own
// clause (before, then after), else before it in its list item, else the
// sentence's, else the innermost scope's.
func (w *targetWalk) valueYear(l oline, v, ve, b, e int, sy string, syTok int) (string, Span) {
	d := w.d
	a, c := d.clauseAt(v, b, e)
	if d.punct(a-1, ":") && a-1-l.body <= 5 && a-1 > l.body {
		a = l.body // "- Năm 2022: 94 xã": the item's label dates it
	}
	kb, ka := -1, -1
	for k := v - 1; k >= a && kb < 0; k-- {
		if d.yearAt(k) != "" {
			kb = k
		}
	}
	for k := ve; k < c && ka < 0; k++ {
		if d.yearAt(k) != "" {
			ka = k
		} else if d.toks[k].is(fNum) && yearValue(d.word(k)) == 0 {
			break // the next figure's year
		}
	}
	// "80% … vào năm 2025 và tới 100% … vào năm 2030": a year after an
	// earlier figure is that figure's; the one after the value is its own.
	if kb >= 0 && (ka < 0 || !d.hasFigure(a, kb)) {
		return d.yearAt(kb), w.yearSpan("clause", kb)
	}
	if ka >= 0 {
		return d.yearAt(ka), w.yearSpan("clause", ka)
	}
	ia, _ := d.itemAt(v, b, e)
	for k := a - 1; k >= ia; k-- {
		if y := d.yearAt(k); y != "" {
			return y, w.yearSpan("item", k)
		}
	}
	if sy != "" && (syTok >= ia || d.leadYear(syTok, b) || d.colonBetween(syTok, v)) {
		return sy, w.yearSpan("sentence", syTok)
	}
	if i := w.innermostYear(); i >= 0 {
		sc := w.stack[i]
		if sc.yearTok >= 0 {
			return sc.year, w.yearSpan(scopeNames[sc.kind], sc.yearTok)
		}
		return sc.year, Span{Kind: scopeNames[sc.kind]}
	}
	return "", Span{}
}

// beforeHorizon reports whether a value's own year (from ys) comes before
// the period its sentence or scope sets, when that period has a start: a
// plan "năm 2026" or "giai đoạn 2026–2030", not "đến năm 2030" whose
// milestones may come earlier. A year after "đến" or "tới" is a goal's.
func (w *targetWalk) beforeHorizon(year string, ys Span, b, v int, sy string, syTok int) bool {
	d := w.d
	if strings.Contains(ys.Text, "đến") || strings.Contains(ys.Text, "tới") {
		return false
	}
	k := -1
	if sy != "" && (d.leadYear(syTok, b) || d.colonBetween(syTok, v)) {
		k = syTok
	} else if i := w.innermostYear(); i >= 0 {
		k = w.stack[i].yearTok
	}
	start := d.periodStart(k)
	return start != "" && year < start
}

// periodStart returns the first year of the period stated at token k
// ("năm 2026" → 2026, "giai đoạn 2026–2030" → 2026), or "" when the year
// is a deadline ("đến năm 2030") or there is none.
func (d *doc) periodStart(k int) string {
	if k < 0 || d.yearAt(k) == "" {
		return ""
	}
	j := k - 1
	if d.is(j, "năm") {
		j--
	}
	if d.isAny(j, "đến", "tới", "hết") || d.isAny(j-1, "đến", "tới") && d.is(j, "hết") {
		return ""
	}
	w := d.word(k)
	if a, _, ok := strings.Cut(w, "-"); ok && yearValue(a) > 0 {
		return a
	}
	if yearValue(w) > 0 {
		return w
	}
	return ""
}

// yearSpan is span over the words that state the year at token k:
// "2026–2028" rather than its first year.
func (w *targetWalk) yearSpan(kind string, k int) Span {
	d := w.d
	if d.isDash(k+1) && yearValue(d.word(k+2)) > 0 {
		return w.span(kind, k, k+3)
	}
	if d.isAny(k-1, "năm", "quý", "tháng") {
		return w.span(kind, k-1, k+1)
	}
	return w.span(kind, k, k+1)
}

func (w *targetWalk) span(kind string, s, e int) Span {
	if s < 0 || e <= s {
		return Span{Kind: kind}
	}
	d := w.d
	return Span{Kind: kind, Text: d.span(s, e), Start: int(d.toks[s].start), End: int(d.toks[e-1].end)}
}

func (w *targetWalk) evidence(value, year string, cue scope, yearFrom Span) Evidence {
	ev := Evidence{Value: value, Year: year, YearFrom: yearFrom, Scopes: []Span{}}
	kind := "cue"
	if cue.kind != scopeSentence {
		kind = scopeNames[cue.kind]
	}
	if cue.modS >= 0 {
		ev.Cue = w.span(kind, cue.modS, cue.modE)
	} else {
		ev.Cue = Span{Kind: kind}
	}
	for _, sc := range w.stack {
		if sc.kind == scopeHeading || sc.kind == scopeLeadIn || sc.kind == scopeLine || sc.kind == scopeSentence {
			ev.Scopes = append(ev.Scopes, w.span(scopeNames[sc.kind], sc.from, sc.to))
		}
	}
	return ev
}

// outerCue returns the first goal cue of [s, e) outside brackets and the
// first one inside them, each -1 when there is none.
func (d *doc) outerCue(s, e int) (outer, inner int) {
	outer, inner = -1, -1
	depth, at := 0, s // bracket depth before token at
	for k := s; k < e; {
		c := d.clauseOfYearCue(d.firstCue(k, e), k)
		if c < 0 {
			break
		}
		if c < at {
			depth, at = 0, s // the cue moved back: count again
		}
		for ; at < c; at++ {
			if d.punct(at, "(") {
				depth++
			} else if d.punct(at, ")") && depth > 0 {
				depth--
			}
		}
		if depth == 0 {
			return c, inner
		}
		if inner < 0 {
			inner = c
		}
		k = d.closingBracket(c, e)
	}
	return outer, inner
}

// cueWords returns the words of the goal cue found at c, which may be the
// start of the clause a trailing "đến năm 2030" governs: the cue itself
// ("phấn đấu", "đến năm 2030"), for evidence.
func (d *doc) cueWords(c, e int) (int, int) {
	k := d.firstCue(c, e)
	if k < 0 {
		k = c
	}
	if n := d.startsAt(k, goalCues); n > 0 {
		if y := k + n; (d.seq(k, "đến năm") || d.seq(k, "tới năm")) && yearValue(d.word(y)) > 0 {
			return k, y + 1
		}
		return k, k + n
	}
	if d.is(k, "đến") && k+1 < len(d.toks) && yearValue(d.word(k+1)) > 0 {
		return k, k + 2
	}
	return k, k + 1
}

// closingBracket returns the token after the bracket that holds k closes,
// or e.
func (d *doc) closingBracket(k, e int) int {
	for ; k < e; k++ {
		if d.punct(k, ")") {
			return k + 1
		}
	}
	return e
}

// sentenceYear returns the year a goal sentence sets: the first one
// outside brackets from the list item of its cue on, else before it.
func (d *doc) sentenceYear(b, e, cue int) (string, int) {
	from := b
	if cue >= 0 {
		from, _ = d.itemAt(cue, b, e)
	}
	depth := 0
	for k := from; k < e; k++ {
		switch {
		case d.punct(k, "("):
			depth++
		case d.punct(k, ")"):
			depth = max(depth-1, 0)
		case depth == 0:
			if y := d.yearAt(k); y != "" {
				return y, k
			}
		}
	}
	if from > b {
		return d.firstYear(b, from)
	}
	return "", -1
}

// leadYear reports whether the year at token k dates a whole sentence
// starting at b rather than its own item: it opens the sentence or an item
// ("Đến năm 2025, …"), or follows a goal word ("phấn đấu đến năm 2025 có
// …", "mục tiêu cơ bản đến năm 2025"), not a metric ("tỷ trọng kinh tế
// số đến năm 2028 đạt 25%; …").
func (d *doc) leadYear(k, b int) bool {
	j := k - 1
	for j >= b && j >= k-4 && (d.isAny(j, "năm", "đến", "tới", "hết", "trong", "vào", "đoạn", "giai", "cơ", "bản", "là") || d.isDash(j)) {
		j--
	}
	if j < b || d.punct(j, ":") || d.punct(j, ";") {
		return true
	}
	return d.cueEndsAt(j) && !d.is(j, "năm")
}

// colonBetween reports whether a ":" stands between tokens i and j: a year
// before it dates the list after it.
func (d *doc) colonBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if d.punct(k, ":") {
			return true
		}
	}
	return false
}

// firstYear returns the first target year stated in [s, e) and its token.
func (d *doc) firstYear(s, e int) (string, int) {
	for k := s; k < e; k++ {
		if y := d.yearAt(k); y != "" {
			return y, k
		}
	}
	return "", -1
}

// planHorizon opens the document scope: the horizon of the plan a text
// reports, stated in its title ("Kế hoạch chuyển đổi số năm 2026",
// "Đến năm 2025, …") or near a plan's name in its opening ("phê duyệt
// Chương trình … đến năm 2025, định hướng đến năm 2030" gives 2025).
func (d *doc) planHorizon(lines []oline) scope {
	sc := scope{kind: scopeDoc, modS: -1, yearTok: -1, from: -1}
	if len(lines) == 0 {
		return sc
	}
	t := lines[0]
	if d.firstCue(t.s, t.e) >= 0 || d.hasPhrase(t.s, t.e, planNouns) {
		if y, k := d.firstYear(t.s, t.e); y != "" {
			sc.year, sc.yearTok, sc.from, sc.to = y, k, t.s, t.e
			return sc
		}
	}
	n := 0
	for _, l := range lines[1:] {
		for k := l.s; k < l.e; k++ {
			if n++; n > 150 {
				return sc
			}
			if p := d.startsAt(k, planNouns); p > 0 {
				for j := k + p; j < l.e && j < k+40 && d.sameSentence(k, j); j++ {
					if d.startsAt(j, planNouns) > 0 && j > k+p {
						break
					}
					if y := d.yearAt(j); y != "" {
						sc.year, sc.yearTok, sc.from, sc.to = y, j, k, j+1
						return sc
					}
				}
			}
		}
	}
	return sc
}

func (d *doc) hasPhrase(s, e int, set *phraseSet) bool {
	for k := s; k < e; k++ {
		if d.startsAt(k, set) > 0 {
			return true
		}
	}
	return false
}

func (d *doc) hasAchieved(s, e int) bool {
	for k := s; k < e; k++ {
		if d.achievedAt(k) {
			return true
		}
	}
	return false
}

// hasFigure reports whether [s, e) holds a number that is not a year.
func (d *doc) hasFigure(s, e int) bool {
	for k := s; k < e; k++ {
		if d.toks[k].is(fNum) && yearValue(d.word(k)) == 0 {
			return true
		}
	}
	return false
}

// valueLed reports whether a sentence opens with a figure: "100% cơ sở dữ
// liệu …", "Tối thiểu 30% …".
func (d *doc) valueLed(b int) bool {
	if q := d.startsAt(b, qualifiers); q > 0 {
		b += q
	}
	return b < len(d.toks) && d.toks[b].is(fNum) && yearValue(d.word(b)) == 0
}

// semicolonRun reports whether [b, e) is a list of items separated by ";"
// with no achieved cue: a goal list going on in a new paragraph.
func (d *doc) semicolonRun(b, e int) bool {
	n := 0
	for k := b; k < e; k++ {
		if d.punct(k, ";") {
			n++
		}
	}
	return n > 0 && !d.hasAchieved(b, e)
}

// goalValue reads a value at token v in a goal clause: what targetValue
// accepts, and the forms lists use without a verb: a figure opening its
// item, "19/19", "30/63", a count of administrative units ("12 huyện"),
// "45–50%", and "mỗi … đều", "tất cả".
func (d *doc) goalValue(v, b, e, start int) (string, int, bool) {
	t := d.toks[v]
	if !t.is(fNum) {
		switch {
		case d.is(v, "mỗi") && d.quantifierClause(v, e, !d.opensClause(v, b) && !d.is(v-1, "và")):
			return d.word(v), v + 1, true
		case d.seq(v, "tất cả") && d.quantifierClause(v, e, false) && d.opensClause(v, b):
			return d.span(v, v+2), v + 2, true
		}
		return "", 0, false
	}
	w := d.word(v)
	if v+2 < e && d.isDash(v+1) && d.toks[v+2].is(fNum) && strings.HasSuffix(d.word(v+2), "%") && !yearPair(w, d.word(v+2)) {
		return d.span(v, v+3), v + 3, true // "45–50%"
	}
	if d.isDash(v-1) && d.toks[max(v-2, 0)].is(fNum) && v-2 >= b && strings.HasSuffix(w, "%") {
		return "", 0, false // the end of a range read above
	}
	if value, ve, ok := d.targetValue(v, start); ok {
		if multipliers[d.key(ve)] && !strings.HasSuffix(value, "%") && !d.seq(ve, "tỷ lệ") {
			ve++ // "310 nghìn tỷ"
			if currencies[d.key(ve)] {
				ve++
			}
			value = d.span(v, ve)
		}
		if d.isAny(v-1, "nhóm", "top") {
			value = d.span(v-1, ve) // a rank: "nhóm 15", "top 30"
		}
		return value, ve, true
	}
	if a, c, ok := strings.Cut(w, "/"); ok && !strings.Contains(c, "/") {
		n, ok1 := atoi(a)
		m, ok2 := atoi(c)
		if ok1 && ok2 && n <= m && (m > 12 || d.isAny(v-1, "nhóm", "top")) && !d.isAny(v-1, "ngày", "tháng", "số", "quý", "đạt") && !d.punct(v+1, "/") {
			if d.isAny(v-1, "nhóm", "top") {
				return d.span(v-1, v+1), v + 1, true // "nhóm 30/63 tỉnh"
			}
			return w, v + 1, true // "19/19 sở, ngành"
		}
		return "", 0, false
	}
	n, ok := atoi(w)
	if !ok || n == 0 || yearValue(w) > 0 || len(w) > 6 {
		return "", 0, false
	}
	if d.placePrefixAt(v+1) > 0 && !d.isAny(v-1, "số", "thứ", "khu", "tổ") {
		return w, v + 1, true // "hoàn thành chuyển đổi số tại 12 huyện"
	}
	if d.opensClause(v, b) && multipliers[d.key(v+1)] {
		ve := v + 2
		for multipliers[d.key(ve)] || currencies[d.key(ve)] {
			ve++
		}
		return d.span(v, ve), ve, true // "52 triệu …" opening an item
	}
	return "", 0, false
}

func yearPair(a, b string) bool {
	return yearValue(a) > 0 && yearValue(strings.TrimSuffix(b, "%")) > 0
}

// opensClause reports whether token v opens its clause: the line's first
// word after any marker, or after ";", ":", ",", or a goal cue.
func (d *doc) opensClause(v, b int) bool {
	if v == b {
		return true
	}
	return d.punct(v-1, ";") || d.punct(v-1, ":") || d.punct(v-1, ",") || d.cueEndsAt(v-1)
}

// quantifierClause reports whether the clause from v on states a share with
// no figure: "mỗi hộ gia đình đều có địa chỉ số", "tất cả các xã có …".
func (d *doc) quantifierClause(v, e int, needDeu bool) bool {
	deu, co := false, false
	for k := v + 1; k < e && k < v+15 && !d.punct(k, ";") && !d.punct(k, "."); k++ {
		if d.toks[k].is(fNum) && !strings.ContainsFunc(d.word(k), isLetter) {
			return false // a figure, not "5G"
		}
		deu = deu || d.is(k, "đều")
		co = co || d.is(k, "có")
	}
	return deu || co && !needDeu
}

func isLetter(r rune) bool { return isLetterOrDigit(r) && !isDigit(r) }

// leadEnd returns the byte offset where the title and the lead end: the
// lead is the first line of the body (after a "SOURCE:" line) when it is
// short enough to be a summary.
func (d *doc) leadEnd(lines []oline) int {
	if len(lines) == 0 {
		return 0
	}
	end := int(d.toks[lines[0].e-1].end)
	for _, l := range lines[1:] {
		if d.skipLine(l) {
			continue
		}
		if l.e-l.s <= 60 {
			end = int(d.toks[l.e-1].end)
		}
		break
	}
	return end
}

// skipLine reports whether a line is page furniture before the body: a
// "SOURCE:" line or a lone punctuation mark.
func (d *doc) skipLine(l oline) bool {
	return d.seq(l.s, "source") && d.punct(l.s+1, ":") || l.e-l.s == 1 && d.isPunct(l.s)
}
