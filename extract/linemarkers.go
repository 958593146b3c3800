package extract

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
