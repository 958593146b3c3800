package extract

var issueVerbs = []string{"ký ban hành", "ban hành", "ký", "ra", "phê duyệt", "có", "gửi"}

// issuerAt reads an issuing organisation or office holder at token i.
func (d *doc) issuerAt(i int) (int, string) {
	if o := d.orgAt(i); o.end > 0 {
		return o.end, d.span(o.start, o.end)
	}
	if r, ok := d.titleAt(i, capitalOnly); ok {
		return r.end, d.span(i, r.end)
	}
	return 0, ""
}

// issuerBefore finds "X (đã|vừa) ban hành" right before token i.
func (d *doc) issuerBefore(i, floor int) string {
	j := i
	for _, v := range issueVerbs {
		n := seqLen(v)
		if d.seq(j-n, v) {
			j -= n
			for d.isAny(j-1, "đã", "vừa", "mới", "chính", "thức") {
				j--
			}
			// The longest organisation or title ending at j in this sentence.
			best := -1
			for s := j - 1; s >= 0 && s > floor && d.sameSentence(s, i) && j-s <= 12; s-- {
				if o := d.orgAt(s); o.end == j {
					best = s
				}
				if r, ok := d.titleAt(s, capitalOnly); ok && r.end == j {
					best = s
				}
			}
			if best >= 0 {
				return d.span(best, j)
			}
			return ""
		}
	}
	return ""
}

// dateBefore finds "ngày D/M/Y" earlier in the sentence of token i.
func (d *doc) dateBefore(i, floor int) string {
	for s := i - 1; s >= 0 && s > floor && d.sameSentence(s, i); s-- {
		if d.is(s, "ngày") {
			if iso, n := d.dateAt(s); n > 0 {
				return iso
			}
		}
	}
	return ""
}
