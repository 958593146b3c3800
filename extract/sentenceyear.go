package extract

// sentenceYear returns the year a goal sentence sets: the first one
// outside brackets from the list item of its cue on, else before it.
func (d *doc) sentenceYear(b, e, cue int) (string, int) {
	from := b
	if cue >= 0 {
		from, _ = d.itemAt(cue, b, e)
	}
	depth := 0
	for k := from; k < e; k++ {
		switch {
		case d.punct(k, "("):
			depth++
		case d.punct(k, ")"):
			depth = max(depth-1, 0)
		case depth == 0:
			if y := d.yearAt(k); y != "" {
				return y, k
			}
		}
	}
	if from > b {
		return d.firstYear(b, from)
	}
	return "", -1
}

// leadYear reports whether the year at token k dates a whole sentence
// starting at b rather than its own item: it opens the sentence or an item
// ("Đến năm 2025, …"), or follows a goal word ("phấn đấu đến năm 2025 có
// …", "mục tiêu cơ bản đến năm 2025"), not a metric ("tỷ trọng kinh tế
// số đến năm 2028 đạt 25%; …").
func (d *doc) leadYear(k, b int) bool {
	j := k - 1
	for j >= b && j >= k-4 && (d.isAny(j, "năm", "đến", "tới", "hết", "trong", "vào", "đoạn", "giai", "cơ", "bản", "là") || d.isDash(j)) {
		j--
	}
	if j < b || d.punct(j, ":") || d.punct(j, ";") {
		return true
	}
	return d.cueEndsAt(j) && !d.is(j, "năm")
}

// colonBetween reports whether a ":" stands between tokens i and j: a year
// before it dates the list after it.
func (d *doc) colonBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if d.punct(k, ":") {
			return true
		}
	}
	return false
}

// firstYear returns the first target year stated in [s, e) and its token.
func (d *doc) firstYear(s, e int) (string, int) {
	for k := s; k < e; k++ {
		if y := d.yearAt(k); y != "" {
			return y, k
		}
	}
	return "", -1
}
