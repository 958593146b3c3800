package normalize

// time reads "14h30", "14h", "8g15", "14:30" and "14h30'" and reports
// whether c was a time.
func (n *normalizer) time(sp *spoken, c string) bool {
	h, m, ok := parseTime(c)
	if !ok {
		return false
	}
	n.lx.integer(sp, h)
	sp.add("giờ")
	if atoiSmall(m) > 0 {
		n.lx.integer(sp, m)
		sp.add("phút")
	}
	return true
}

func isTime(c string) bool {
	_, _, ok := parseTime(c)
	return ok
}

func parseTime(c string) (h, m string, ok bool) {
	i := 0
	for i < len(c) && i < 3 && c[i] >= '0' && c[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 || i == len(c) {
		return "", "", false
	}
	sep := c[i]
	if sep != 'h' && sep != 'H' && sep != 'g' && sep != ':' {
		return "", "", false
	}
	h = c[:i]
	rest := c[i+1:]
	j := 0
	for j < len(rest) && j < 3 && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	if j == 1 || j > 2 || (sep == ':' && j != 2) {
		return "", "", false
	}
	m = rest[:j]
	switch rest[j:] {
	case "", "'", "p", "ph", "phút":
	default:
		return "", "", false
	}
	if atoiSmall(h) > 24 || (m != "" && atoiSmall(m) > 59) {
		return "", "", false
	}
	return h, m, true
}
