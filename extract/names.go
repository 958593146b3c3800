package extract

// honorificLen returns the number of tokens of an honorific ending just
// before token i ("ông", "bà", "đồng chí", "GS.TS"), or 0.
func (d *doc) honorificBefore(i int) int {
	if d.isAny(i-1, "ông", "bà", "anh", "chị", "cô", "chú", "đ/c", "gs", "pgs", "ts", "ths", "gs.ts", "pgs.ts", "bs", "ls", "ks", "nsưt", "nsnd") {
		return 1
	}
	if d.is(i-2, "đồng") && d.is(i-1, "chí") || d.is(i-2, "tiến") && d.is(i-1, "sĩ") || d.is(i-2, "thạc") && d.is(i-1, "sĩ") || d.is(i-2, "giáo") && d.is(i-1, "sư") || d.is(i-2, "luật") && d.is(i-1, "sư") || d.is(i-2, "bác") && d.is(i-1, "sĩ") || d.is(i-2, "nhà") && d.is(i-1, "báo") {
		return 2
	}
	if d.punct(i-1, ".") && d.isAny(i-2, "ts", "ths", "gs", "pgs", "bs") {
		return 2
	}
	return 0
}

// honorificAt returns the number of tokens of an honorific starting at i.
func (d *doc) honorificAt(i int) int {
	for n := 1; n <= 3; n++ {
		if d.honorificBefore(i+n) == n {
			return n
		}
	}
	return 0
}

// nameLen returns the number of tokens of a person's full name starting at
// token i: a Vietnamese family name (or an honorific before it) followed by
// one to three capitalised given-name syllables. Places, titles and
// organisation heads are never names.
func (d *doc) nameLen(i int) int {
	if !d.capWord(i) {
		return 0
	}
	if _, n := d.placeAt(i); n > 0 {
		return 0
	}
	if p, _ := titles.match(d, i); p >= 0 {
		return 0
	}
	if p, _ := orgHeads.match(d, i); p >= 0 {
		return 0
	}
	if isDecisionKind(d, i) {
		return 0
	}
	if d.honorificAt(i) > 0 {
		return 0
	}
	if !surnames[d.key(i)] && d.honorificBefore(i) == 0 {
		return 0
	}
	j := i + 1
	for j < len(d.toks) && j-i < 5 && d.capWord(j) && !d.toks[j].is(fNL) {
		if p, _ := titles.match(d, j); p >= 0 {
			break
		}
		if p, _ := orgHeads.match(d, j); p >= 0 {
			break
		}
		if j-i >= 2 {
			if _, n := d.placeAt(j); n > 0 {
				break
			}
		}
		j++
	}
	if j-i < 2 || j-i > 4 {
		return 0
	}
	return j - i
}

func (d *doc) nameStart(i int) bool { return d.nameLen(i) > 0 }
