package extract

// The outline of a text: its lines classified as the title, headings,
// lead-ins and list items, computed once per text so that every rule can
// ask where a token stands in the document's structure. Sentences are the
// tokens' sent field; clauses are found on demand with clauseAt.

type lineKind uint8

const (
	lineText    lineKind = iota // a line of running text (or a plain list item)
	lineTitle                   // the first line
	lineHeading                 // "1. Chuyển đổi số cấp huyện", "I. MỤC TIÊU"
	lineLeadIn                  // ends in ":" or "như sau", "gồm": items follow
)

// Item markers at the start of a line.
const (
	markNone   byte = 0
	markDash   byte = '-' // "-", "–", "+", "•", "*"
	markNumber byte = '1' // "1.", "2)"
	markLetter byte = 'a' // "a)", "b."
	markRoman  byte = 'I' // "I.", "IV."
)

// oline is one line of the outline, tokens [s, e).
type oline struct {
	s, e   int
	kind   lineKind
	marker byte
	body   int  // first token after the marker
	level  int8 // heading level: 1 roman or capitals, 2 numbered, 3 lettered or other
	para   bool // a blank line comes before it
}

// buildOutline splits the tokens into lines and classifies each,
// appending to dst[:0].
func (d *doc) buildOutline(dst []oline) []oline {
	lines := dst[:0]
	for s := 0; s < len(d.toks); {
		e := s + 1
		for e < len(d.toks) && !d.toks[e].is(fNL) {
			e++
		}
		l := oline{s: s, e: e, para: s == 0 || d.toks[s].is(fPara), body: s}
		l.marker, l.body = d.lineMarker(s, e)
		switch {
		case s == 0:
			l.kind = lineTitle
		case d.leadInEnd(l.body, e):
			l.kind = lineLeadIn
			l.level = 3
			if l.marker == markRoman {
				l.level = 1
			} else if l.marker == markNumber {
				l.level = 2
			}
		case d.isHeading(l):
			l.kind = lineHeading
			switch l.marker {
			case markRoman:
				l.level = 1
			case markNumber:
				l.level = 2
			case markNone:
				l.level = 1 // capitals
			default:
				l.level = 3
			}
		}
		lines = append(lines, l)
		s = e
	}
	return lines
}

// lineMarker reads the item marker at the start of the line [s, e) and
// returns it with the first token after it.
func (d *doc) lineMarker(s, e int) (byte, int) {
	if s+1 >= e {
		return markNone, s
	}
	if d.isDash(s) || d.punct(s, "+") || d.punct(s, "•") || d.punct(s, "*") || d.punct(s, "·") {
		return markDash, s + 1
	}
	if !d.punct(s+1, ".") && !d.punct(s+1, ")") {
		return markNone, s
	}
	w := d.word(s)
	switch {
	case d.toks[s].is(fNum) && len(w) <= 2:
		return markNumber, s + 2
	case len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' || w == "đ":
		return markLetter, s + 2
	case romanNumeral(w):
		return markRoman, s + 2
	}
	return markNone, s
}

func romanNumeral(w string) bool {
	if w == "" || len(w) > 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'I', 'V', 'X':
		default:
			return false
		}
	}
	return true
}

// leadInEnd reports whether the tokens [s, e) end the way a lead-in does:
// a colon, or "như sau", "(bao) gồm" with nothing after.
func (d *doc) leadInEnd(s, e int) bool {
	if e-s < 2 {
		return false
	}
	last := e - 1
	if d.punct(last, ":") {
		return true
	}
	return d.seq(last-1, "như sau") || d.is(last, "gồm") || d.seq(last-2, "như sau") && d.punct(last, ".")
}

// isHeading reports whether a line stands as a heading: a numbered or
// lettered title with no sentence of its own, or a short line in capitals.
func (d *doc) isHeading(l oline) bool {
	n := l.e - l.body
	if n == 0 || n > 14 {
		return false
	}
	last := l.e - 1
	if d.punct(last, ".") || d.punct(last, ";") || d.punct(last, ",") {
		return false
	}
	for k := l.body; k < l.e; k++ {
		if d.toks[k].is(fNum) && yearValue(d.word(k)) == 0 {
			return false // a line with a figure is an item, not a title
		}
	}
	if l.marker != markNone && l.marker != markDash {
		return true
	}
	if l.marker == markDash {
		return false
	}
	upper := 0
	for k := l.body; k < l.e; k++ {
		if d.toks[k].is(fUpper) {
			upper++
		}
	}
	if n >= 2 && 2*upper >= n {
		return true
	}
	// "Mục tiêu cụ thể", "Chỉ tiêu đến năm 2030": a short goal line.
	return n <= 6 && d.startsAt(l.body, goalCues) > 0 && d.is(l.body, "mục") || n <= 6 && d.is(l.body, "chỉ") && d.is(l.body+1, "tiêu")
}

// clauseAt returns the clause around token v inside the sentence [s, e):
// bounded by ";", ":", ",", and by the brackets that hold v.
func (d *doc) clauseAt(v, s, e int) (int, int) {
	a := v
	for a > s {
		k := a - 1
		if d.punct(k, ";") || d.punct(k, ":") || d.punct(k, ",") || d.punct(k, "(") || d.punct(k, ")") {
			break
		}
		a--
	}
	b := v + 1
	for b < e {
		if d.punct(b, ";") || d.punct(b, ":") || d.punct(b, ",") || d.punct(b, "(") || d.punct(b, ")") {
			break
		}
		b++
	}
	return a, b
}

// itemAt returns the list item around token v inside [s, e): bounded by
// ";" and by the brackets that hold v.
func (d *doc) itemAt(v, s, e int) (int, int) {
	a := v
	for a > s && !d.punct(a-1, ";") && !d.punct(a-1, "(") && !d.punct(a-1, ")") {
		a--
	}
	b := v + 1
	for b < e && !d.punct(b, ";") && !d.punct(b, "(") && !d.punct(b, ")") {
		b++
	}
	return a, b
}

// inBrackets reports whether token v sits inside round brackets that open
// in [s, v).
func (d *doc) inBrackets(v, s int) bool {
	depth := 0
	for k := s; k < v; k++ {
		if d.punct(k, "(") {
			depth++
		} else if d.punct(k, ")") && depth > 0 {
			depth--
		}
	}
	return depth > 0
}
