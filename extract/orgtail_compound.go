package extract

// The rules below read the lower-case syllables of a capitalised compound
// in a plain (not descriptive) name: "Thông tin", "Viễn thông", "Khoa học".

// "Ngân hàng Nhà nước | điều chỉnh …".
func endAtCompoundVerb(w *tailWalk) (int, tailMove) {
	return w.stopIf(!w.descriptive && w.d.startsAt(w.k, compoundStop) > 0)
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
	return w.stopIf(!w.descriptive && w.lowerRun() == 0 && !w.d.lowerRunEnds(w.k))
}

// A descriptive name holds a limited number of lower-case words.
func endAtLowerLimit(w *tailWalk) (int, tailMove) {
	return w.stopIf(w.descriptive && w.lower >= w.limit)
}
