package extract

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
