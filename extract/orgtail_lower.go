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
	return w.stopIf(w.d.isAny(w.k, "của", "thuộc"))
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
	return w.stopIf(w.d.toks[w.k].is(fNum))
}

// "Sở Y tế | về …": only a descriptive name goes on with "về".
func endAtAbout(w *tailWalk) (int, tailMove) {
	return w.stopIf(!w.descriptive && w.d.is(w.k, "về"))
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
	return w.stopIf(w.d.startsAt(w.k, afterCommittee) > 0 && w.d.committeeBefore(w.k, w.start))
}
