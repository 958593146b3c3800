package extract

import "strings"

// capitalTailRules read a capitalised word or abbreviation after an
// organisation's head; the last takes any the others do not decide.
var capitalTailRules = []tailRule{
	{"numeral ends", endAtNumeral},
	{"another organisation's head ends", endAtOtherHead},
	{"owned organisation's head joins", ownedHeadJoins},
	{"kind word inside the name joins", kindWordJoins},
	{"numbered programme with its place joins", numberedProgrammeJoins},
	{"programme a committee carries out joins", programmeJoins},
	{"numbered document ends", endAtDocument},
	{"capitalised word joins", capitalJoins},
}

// "Công ty Minh Phát | 5GX": a number written with capitals ends the name.
// (A Roman numeral is a capitalised word, not a number: "khóa XI".)
func endAtNumeral(w *tailWalk) (int, tailMove) {
	return w.stopIf(w.d.toks[w.k].is(fNum) && w.d.capOrAbbr(w.k))
}

// headAt returns the length of an organisation head at w.k, and whether
// the name owns it: right after the head, after "của", "thuộc", "việc", "về" (in a
// descriptive name) or a party committee ("Ban Tuyên giáo Tỉnh ủy").
func (w *tailWalk) headAt() (n int, owned bool) {
	d, k := w.d, w.k
	if !d.capOrAbbr(k) {
		return 0, false
	}
	op, on := d.orgHead(k)
	if op < 0 || on == 0 {
		return 0, false
	}
	owned = k == w.headEnd || d.isAny(k-1, "của", "thuộc", "việc") || w.descriptive && d.is(k-1, "về") || d.partyCommittee(k, on)
	return on, owned
}

// "Sở Thông tin và Truyền thông | Sở Tài chính": another head starts
// another organisation.
func endAtOtherHead(w *tailWalk) (int, tailMove) {
	n, owned := w.headAt()
	return w.stopIf(n > 0 && !owned)
}

// "Văn phòng Ban Chỉ đạo", "Trung tâm … thuộc Sở …".
func ownedHeadJoins(w *tailWalk) (int, tailMove) {
	if n, owned := w.headAt(); n > 0 && owned {
		return w.goTo(w.k + n)
	}
	return 0, tailPass
}

// kindAt returns the length of a capitalised decision kind at w.k, 0 when
// there is none.
func (w *tailWalk) kindAt() int {
	if !w.d.capOrAbbr(w.k) || !isDecisionKind(w.d, w.k) {
		return 0
	}
	_, kn := w.d.kindAt(w.k)
	return kn
}

// "Viện Chiến lược …": a kind word right after the head, not followed by
// a number, is part of the name.
func kindWordJoins(w *tailWalk) (int, tailMove) {
	d, k, kn := w.d, w.k, w.kindAt()
	if kn == 0 || !(k == w.headEnd && d.capOrAbbr(k-1) || k == w.start) {
		return 0, tailPass
	}
	if k+kn < len(d.toks) && !d.toks[k+kn].is(fNum) && !d.isAny(k+kn, "số") {
		return w.goTo(k + kn)
	}
	return 0, tailPass
}

// "Tổ công tác triển khai Đề án 06 tỉnh …": a short-numbered programme
// followed by its place.
func numberedProgrammeJoins(w *tailWalk) (int, tailMove) {
	d, k, kn := w.d, w.k, w.kindAt()
	if kn == 0 || !w.descriptive || !d.isAny(k-1, "hiện", "khai") || k+kn >= len(d.toks) || !d.toks[k+kn].is(fNum) {
		return 0, tailPass
	}
	if n := d.word(k + kn); len(n) <= 3 && !strings.ContainsAny(n, "/-.,%") && d.placePrefixAt(k+kn+1) > 0 {
		return w.goTo(k + kn + 1)
	}
	return 0, tailPass
}

// "Ban chỉ đạo thực hiện Đề án xây dựng …" names an unnumbered programme.
func programmeJoins(w *tailWalk) (int, tailMove) {
	d, k, kn := w.d, w.k, w.kindAt()
	if kn == 0 || !w.descriptive || !d.isAny(k-1, "hiện", "khai") || k+kn >= len(d.toks) || d.toks[k+kn].is(fNum) || d.isAny(k+kn, "số") {
		return 0, tailPass
	}
	return w.goTo(k + kn)
}

// A numbered document ("Quyết định số 749") ends the name.
func endAtDocument(w *tailWalk) (int, tailMove) {
	return w.stopIf(w.kindAt() > 0)
}

// A capitalised word joins the name; unlike a lower-case word it does not
// count against a descriptive name's limit.
func capitalJoins(w *tailWalk) (int, tailMove) {
	if w.d.capOrAbbr(w.k) {
		return w.goTo(w.k + 1)
	}
	return 0, tailPass
}
