package extract

import "strings"

// lowerTailRules read a lower-case word or a number after an organisation's
// head. A word none of them ends is taken into the name.
var lowerTailRules = []tailRule{
	{"lower-case clause after a place prefix ends", endAtClauseAfterPrefix},
	{"place prefix and its place join", placePrefixJoins},
	{"của or thuộc before an owner joins", ownerJoins},
	{"other của or thuộc ends", endAtOf},
	{"và after a party committee ends", endAtAndAfterCommittee},
	{"và closes a topic list", andClosesTopicList},
	{"và before a numbered document closes", andClosesWithDocument},
	{"nhỏ và vừa joins", smallAndMediumJoins},
	{"và before a capitalised word joins", andJoinsCapital},
	{"other và ends", endAtAnd},
	{"khóa with its number joins", termJoins},
	{"other khóa ends", endAtTerm},
	{"number after số closes", numberAfterSoCloses},
	{"number ends", endAtNumber},
	{"về ends a plain name", endAtAbout},
	{"stop word ends", endAtStopWord},
	{"verb after a party committee ends", endAtCommitteeVerb},
	{"verb after a compound ends", endAtCompoundVerb},
	{"chuyển đổi số joins", digitalTransformationJoins},
	{"long lower-case run ends", endAtLongLowerRun},
	{"clause after a capitalised word ends", endAtClause},
	{"descriptive name's word limit ends", endAtLowerLimit},
}

// "Ban Quản lý … thành phố | xây dựng …": a prefix with no place, followed
// by a lower-case word, ends a descriptive name after the prefix.
func endAtClauseAfterPrefix(w *tailWalk) (int, tailMove) {
	d := w.d
	n := d.placePrefixAt(w.k)
	if n == 0 || !w.descriptive {
		return 0, tailPass
	}
	k := w.k + n
	if _, pn := d.placeAt(k); pn > 0 {
		return 0, tailPass
	}
	if k < len(d.toks) && !d.capOrAbbr(k) && !d.isPunct(k) && !d.isAny(k, "và", "của", "về") {
		return k, tailEnd
	}
	return 0, tailPass
}

// "Sở Nội vụ tỉnh Quảng Trị".
func placePrefixJoins(w *tailWalk) (int, tailMove) {
	n := w.d.placePrefixAt(w.k)
	if n == 0 {
		return 0, tailPass
	}
	k := w.k + n
	if _, pn := w.d.placeAt(k); pn > 0 {
		k += pn
	}
	return w.goTo(k)
}

// "Trung tâm … của Sở …", "… thuộc UBND tỉnh", "… của Hà Nội".
func ownerJoins(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if !d.isAny(k, "của", "thuộc") {
		return 0, tailPass
	}
	if op, _ := d.orgHead(k + 1); op >= 0 && d.capOrAbbr(k+1) || d.placePrefixAt(k+1) > 0 {
		return w.goTo(k + 1)
	}
	if _, pn := d.placeAt(k + 1); pn > 0 {
		return w.goTo(k + 1)
	}
	return 0, tailPass
}

func endAtOf(w *tailWalk) (int, tailMove) {
	if w.d.isAny(w.k, "của", "thuộc") {
		return w.stop()
	}
	return 0, tailPass
}

// "Ban Thường vụ Tỉnh ủy | và Thường trực Tỉnh ủy".
func endAtAndAfterCommittee(w *tailWalk) (int, tailMove) {
	if w.d.is(w.k, "và") && w.k-2 >= w.start && w.d.partyCommittee(w.k-2, 2) {
		return w.stop()
	}
	return 0, tailPass
}

// "… khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số": the last
// item of a topic list.
func andClosesTopicList(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if d.is(k, "và") && w.inList && !d.capOrAbbr(k+1) && !d.isPunct(k+1) && !d.stopsOrg(k+1) {
		w.inList = false
		return w.goTo(k + 1)
	}
	return 0, tailPass
}

// "… chuyển đổi số và Đề án 06" closes the committee's name.
func andClosesWithDocument(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if !d.is(k, "và") || !w.inList {
		return 0, tailPass
	}
	if _, kn := d.kindAt(k + 1); kn > 0 && k+1+kn < len(d.toks) && d.toks[k+1+kn].is(fNum) {
		return k + 2 + kn, tailEnd
	}
	return 0, tailPass
}

// "Hiệp hội Doanh nghiệp nhỏ và vừa".
func smallAndMediumJoins(w *tailWalk) (int, tailMove) {
	if w.d.is(w.k, "và") && w.d.is(w.k-1, "nhỏ") && w.d.is(w.k+1, "vừa") {
		return w.goTo(w.k + 2)
	}
	return 0, tailPass
}

// "Bộ Khoa học và Công nghệ": "và" between capitalised words that start
// neither a name, a title nor another organisation.
func andJoinsCapital(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if !d.is(k, "và") || !d.capOrAbbr(k+1) || d.nameStart(k+1) {
		return 0, tailPass
	}
	if tp, _ := d.title(k + 1); tp >= 0 {
		return 0, tailPass
	}
	if op, _ := d.orgHead(k + 1); op >= 0 {
		return 0, tailPass
	}
	return w.goTo(k + 1)
}

func endAtAnd(w *tailWalk) (int, tailMove) {
	if w.d.is(w.k, "và") {
		return w.stop()
	}
	return 0, tailPass
}

// isTerm reports whether token k is "khóa" (a party or assembly term).
func (d *doc) isTerm(k int) bool { return d.isAny(k, "khóa", "khoá") }

// "Ban Chấp hành Đảng bộ tỉnh khóa XX".
func termJoins(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if d.isTerm(k) && k+1 < len(d.toks) && (romanNumerals[d.key(k+1)] || d.toks[k+1].is(fNum)) {
		return w.goTo(k + 2)
	}
	return 0, tailPass
}

func endAtTerm(w *tailWalk) (int, tailMove) {
	if w.d.isTerm(w.k) {
		return w.stop()
	}
	return 0, tailPass
}

// "Trung tâm dữ liệu quốc gia số 1".
func numberAfterSoCloses(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if d.toks[k].is(fNum) && d.is(k-1, "số") && k-1 > w.start && !strings.ContainsAny(d.word(k), "/-%.,") && len(d.word(k)) <= 2 {
		return k + 1, tailEnd
	}
	return 0, tailPass
}

func endAtNumber(w *tailWalk) (int, tailMove) {
	if w.d.toks[w.k].is(fNum) {
		return w.stop()
	}
	return 0, tailPass
}

// "Sở Y tế | về …": only a descriptive name goes on with "về".
func endAtAbout(w *tailWalk) (int, tailMove) {
	if !w.descriptive && w.d.is(w.k, "về") {
		return w.stop()
	}
	return 0, tailPass
}

// A stop word or verb ends the name, except the verb early in a
// committee's name that says what it does: "Hội đồng điều phối phát
// triển …".
func endAtStopWord(w *tailWalk) (int, tailMove) {
	d, k := w.d, w.k
	if d.stopsOrg(k) && !(w.descriptive && k-w.headEnd <= 2 && d.namesTask(k)) {
		return w.stop()
	}
	return 0, tailPass
}

// "Ban Thường vụ Tỉnh ủy (Quảng Bình) | lãnh đạo, chỉ đạo".
func endAtCommitteeVerb(w *tailWalk) (int, tailMove) {
	if w.d.startsAt(w.k, afterCommittee) > 0 && w.d.committeeBefore(w.k, w.start) {
		return w.stop()
	}
	return 0, tailPass
}

// The rules below read the lower-case syllables of a capitalised compound
// in a plain (not descriptive) name: "Thông tin", "Viễn thông", "Khoa học".

// "Ngân hàng Nhà nước | điều chỉnh …".
func endAtCompoundVerb(w *tailWalk) (int, tailMove) {
	if !w.descriptive && w.d.startsAt(w.k, compoundStop) > 0 {
		return w.stop()
	}
	return 0, tailPass
}

// "Viện Chiến lược chuyển đổi số".
func digitalTransformationJoins(w *tailWalk) (int, tailMove) {
	if !w.descriptive && w.d.is(w.k, "số") && w.d.seq(w.k-2, "chuyển đổi") {
		w.lower++
		return w.goTo(w.k + 1)
	}
	return 0, tailPass
}

// lowerRun is the number of lower-case words right before w.k, within the
// tail.
func (w *tailWalk) lowerRun() int {
	run := 0
	for b := w.k - 1; b >= w.start && w.d.toks[b].flags&(fPunct|fCap|fUpper) == 0; b-- {
		run++
	}
	return run
}

// A compound's lower-case syllables follow a capitalised word, three at
// most.
func endAtLongLowerRun(w *tailWalk) (int, tailMove) {
	if w.descriptive {
		return 0, tailPass
	}
	if run := w.lowerRun(); run >= 3 || w.k-1-run < w.start || !w.d.capWord(w.k-1-run) {
		return w.stop()
	}
	return 0, tailPass
}

// "VN Pharma nhập thuốc giả": a clause, not a name.
func endAtClause(w *tailWalk) (int, tailMove) {
	if !w.descriptive && w.lowerRun() == 0 && !w.d.lowerRunEnds(w.k) {
		return w.stop()
	}
	return 0, tailPass
}

// A descriptive name holds a limited number of lower-case words.
func endAtLowerLimit(w *tailWalk) (int, tailMove) {
	if w.descriptive && w.lower >= w.limit {
		return w.stop()
	}
	return 0, tailPass
}
