package extract

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
