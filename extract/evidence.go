package extract

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
