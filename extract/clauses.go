package extract

// clauseAt returns the clause around token v inside the sentence [s, e):
// bounded by ";", ":", ",", and by the brackets that hold v.
func (d *doc) clauseAt(v, s, e int) (int, int) {
	a := v
	for a > s {
		k := a - 1
		if d.punct(k, ";") || d.punct(k, ":") || d.punct(k, ",") || d.punct(k, "(") || d.punct(k, ")") {
			break
		}
		a--
	}
	b := v + 1
	for b < e {
		if d.punct(b, ";") || d.punct(b, ":") || d.punct(b, ",") || d.punct(b, "(") || d.punct(b, ")") {
			break
		}
		b++
	}
	return a, b
}

// itemAt returns the list item around token v inside [s, e): bounded by
// ";" and by the brackets that hold v.
func (d *doc) itemAt(v, s, e int) (int, int) {
	a := v
	for a > s && !d.punct(a-1, ";") && !d.punct(a-1, "(") && !d.punct(a-1, ")") {
		a--
	}
	b := v + 1
	for b < e && !d.punct(b, ";") && !d.punct(b, "(") && !d.punct(b, ")") {
		b++
	}
	return a, b
}
