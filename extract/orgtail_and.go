package extract

// The rules below read "và" and "khóa" after an organisation's head.

// "Ban Thường vụ Tỉnh ủy | và Thường trực Tỉnh ủy".
func endAtAndAfterCommittee(w *tailWalk) (int, tailMove) {
	return w.stopIf(w.d.is(w.k, "và") && w.k-2 >= w.start && w.d.partyCommittee(w.k-2, 2))
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
	if !d.is(k, "và") || !d.capOrAbbr(k+1) || d.nameStart(k+1) || d.titleOrOrgHead(k+1) {
		return 0, tailPass
	}
	return w.goTo(k + 1)
}

func endAtAnd(w *tailWalk) (int, tailMove) {
	return w.stopIf(w.d.is(w.k, "và"))
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
	return w.stopIf(w.d.isTerm(w.k))
}

// romanNumerals are the term numbers of "khóa XI".
var romanNumerals = map[string]bool{"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true,
	"vii": true, "viii": true, "ix": true, "x": true, "xi": true, "xii": true, "xiii": true, "xiv": true,
	"xv": true, "xvi": true, "xvii": true, "xviii": true, "xix": true, "xx": true}
