package extract

// punctTailRules read a punctuation mark after an organisation's head;
// the last ends the name at any mark the others do not take.
var punctTailRules = []tailRule{
	{"comma joins a capitalised list", commaJoinsCapitalList},
	{"comma joins paired verbs", commaJoinsVerbPair},
	{"comma opens a topic list", commaOpensTopicList},
	{"dash before an abbreviation closes", dashBeforeAbbreviation},
	{"alias in brackets closes", aliasInBrackets},
	{"dash joins a compound", dashJoinsCompound},
	{"other punctuation ends", endAtPunct},
}

// hyphenOrEnDash reports whether token k is "-" or "–" (not "—").
func (d *doc) hyphenOrEnDash(k int) bool { return d.punct(k, "-") || d.punct(k, "–") }

// "Phòng Viễn thông, Tin học và Cơ yếu".
func commaJoinsCapitalList(w *tailWalk) (int, tailMove) {
	if w.d.punct(w.k, ",") && w.d.commaList(w.k) {
		return w.goTo(w.k + 1)
	}
	return 0, tailPass
}

// "Trung tâm Giám sát, điều hành đô thị thông minh".
func commaJoinsVerbPair(w *tailWalk) (int, tailMove) {
	if w.d.punct(w.k, ",") && w.descriptive && w.d.verbPair(w.k) {
		return w.goTo(w.k + 1)
	}
	return 0, tailPass
}

// "Ban Chỉ đạo phát triển khoa học, công nghệ, … và chuyển đổi số": the
// list may hold more lower-case words than a plain descriptive name.
func commaOpensTopicList(w *tailWalk) (int, tailMove) {
	if w.d.punct(w.k, ",") && w.descriptive && w.lower > 0 && w.d.lowerList(w.k) {
		w.inList, w.limit = true, 20
		return w.goTo(w.k + 1)
	}
	return 0, tailPass
}

// "Tập đoàn Bưu chính Viễn thông - VNPT." ends with the abbreviation.
func dashBeforeAbbreviation(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if !d.hyphenOrEnDash(k) || k+1 >= len(d.toks) || !d.toks[k+1].is(fUpper) || d.toks[k+1].is(fNum) {
		return 0, tailPass
	}
	if k+2 >= len(d.toks) || d.isPunct(k+2) || d.toks[k+2].is(fNL) {
		return k + 2, tailEnd
	}
	return 0, tailPass
}

// An alias in brackets closes the name, or all but its place:
// "Trung tâm Giám sát, điều hành đô thị thông minh (IOC) Huế".
func aliasInBrackets(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if !d.punct(k, "(") || k+2 >= len(d.toks) || !d.capOrAbbr(k+1) || !d.punct(k+2, ")") || d.nameLen(k+1) != 0 {
		return 0, tailPass
	}
	if _, pn := d.placeAt(k + 3); pn > 0 && !d.capOrAbbr(k+3+pn) {
		return k + 3 + pn, tailEnd
	}
	return k + 3, tailEnd
}

// "Tập đoàn Công nghiệp - Viễn thông Quân đội": a dash between capitalised
// words that start neither a name, a title nor another organisation.
func dashJoinsCompound(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if !d.hyphenOrEnDash(k) || k <= w.start || !d.capWord(k+1) || d.nameLen(k+1) != 0 || d.toks[k+1].is(fNL) || d.titleOrOrgHead(k+1) {
		return 0, tailPass
	}
	return w.goTo(k + 1)
}

func endAtPunct(w *tailWalk) (int, tailMove) {
	return w.stopIf(w.d.toks[w.k].is(fPunct))
}
