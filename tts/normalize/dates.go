package normalize

// month reads a month number; April is "tư".
func (n *normalizer) month(sp *spoken, m string) {
	if atoiSmall(m) == 4 {
		sp.add("tư")
		return
	}
	n.lx.integer(sp, m)
}

// date reads day, month and optional year, adding "ngày" unless the text
// already has it.
func (n *normalizer) date(sp *spoken, d, m, y string, nb neighbours) {
	if nb.prev1 != "ngày" && nb.prev1 != "mồng" && nb.prev1 != "mùng" {
		sp.add("ngày")
	}
	n.lx.integer(sp, d)
	sp.add("tháng")
	n.month(sp, m)
	if y != "" {
		sp.add("năm")
		n.lx.integer(sp, y)
	}
}

// slashPair reads a/b as a date, a month and year, a quarter and year, a
// fraction or a ratio.
func (n *normalizer) slashPair(sp *spoken, a, b string, nb neighbours) {
	av, bv := atoiSmall(a), atoiSmall(b)
	year := len(b) == 4 && bv >= 1900 && bv <= 2200
	switch {
	case nb.prev1 == "quý" && year:
		n.lx.integer(sp, a)
		sp.add("năm")
		n.lx.integer(sp, b)
	case nb.prev1 == "tháng" && validMonth(a) && (year || len(b) == 2):
		n.month(sp, a)
		sp.add("năm")
		n.lx.integer(sp, b)
	case a == "24" && b == "7":
		n.lx.integer(sp, a)
		sp.add("trên")
		n.lx.integer(sp, b)
	case dayContexts[nb.prev1] && validDayMonth(a, b):
		n.date(sp, a, b, "", nb)
	case validMonth(a) && year:
		sp.add("tháng")
		n.month(sp, a)
		sp.add("năm")
		n.lx.integer(sp, b)
	case validDayMonth(a, b) && !(av < bv && bv <= 10) && !countedNouns[nb.next]:
		n.date(sp, a, b, "", nb)
	case av > 0 && av < bv && bv <= 10:
		n.lx.integer(sp, a)
		sp.add("phần")
		n.lx.integer(sp, b)
	default:
		n.count(sp, a, nb)
		sp.add("trên")
		n.lx.integer(sp, b)
	}
}

func validMonth(m string) bool {
	v := atoiSmall(m)
	return len(m) <= 2 && v >= 1 && v <= 12
}

func validDayMonth(d, m string) bool {
	v := atoiSmall(d)
	return len(d) <= 2 && v >= 1 && v <= 31 && validMonth(m)
}

func validDate(d, m, y string) bool {
	return validDayMonth(d, m) && (len(y) == 4 || len(y) == 2)
}
