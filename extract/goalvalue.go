package extract

import "strings"

// goalValue reads a value at token v in a goal clause: what targetValue
// accepts, and the forms lists use without a verb: a figure opening its
// item, "19/19", "30/63", a count of administrative units ("12 huyện"),
// "45–50%", and "mỗi … đều", "tất cả".
func (d *doc) goalValue(v, b, e, start int) (string, int, bool) {
	t := d.toks[v]
	if !t.is(fNum) {
		switch {
		case d.is(v, "mỗi") && d.quantifierClause(v, e, !d.opensClause(v, b) && !d.is(v-1, "và")):
			return d.word(v), v + 1, true
		case d.seq(v, "tất cả") && d.quantifierClause(v, e, false) && d.opensClause(v, b):
			return d.span(v, v+2), v + 2, true
		}
		return "", 0, false
	}
	w := d.word(v)
	if v+2 < e && d.isDash(v+1) && d.toks[v+2].is(fNum) && strings.HasSuffix(d.word(v+2), "%") && !yearPair(w, d.word(v+2)) {
		return d.span(v, v+3), v + 3, true // "45–50%"
	}
	if d.isDash(v-1) && d.toks[max(v-2, 0)].is(fNum) && v-2 >= b && strings.HasSuffix(w, "%") {
		return "", 0, false // the end of a range read above
	}
	if value, ve, ok := d.targetValue(v, start); ok {
		if multipliers[d.key(ve)] && !strings.HasSuffix(value, "%") && !d.seq(ve, "tỷ lệ") {
			ve++ // "310 nghìn tỷ"
			if currencies[d.key(ve)] {
				ve++
			}
			value = d.span(v, ve)
		}
		if d.isAny(v-1, "nhóm", "top") {
			value = d.span(v-1, ve) // a rank: "nhóm 15", "top 30"
		}
		return value, ve, true
	}
	if a, c, ok := strings.Cut(w, "/"); ok && !strings.Contains(c, "/") {
		n, ok1 := atoi(a)
		m, ok2 := atoi(c)
		if ok1 && ok2 && n <= m && (m > 12 || d.isAny(v-1, "nhóm", "top")) && !d.isAny(v-1, "ngày", "tháng", "số", "quý", "đạt") && !d.punct(v+1, "/") {
			if d.isAny(v-1, "nhóm", "top") {
				return d.span(v-1, v+1), v + 1, true // "nhóm 30/63 tỉnh"
			}
			return w, v + 1, true // "19/19 sở, ngành"
		}
		return "", 0, false
	}
	n, ok := atoi(w)
	if !ok || n == 0 || yearValue(w) > 0 || len(w) > 6 {
		return "", 0, false
	}
	if d.placePrefixAt(v+1) > 0 && !d.isAny(v-1, "số", "thứ", "khu", "tổ") {
		return w, v + 1, true // "hoàn thành chuyển đổi số tại 12 huyện"
	}
	if d.opensClause(v, b) && multipliers[d.key(v+1)] {
		ve := v + 2
		for multipliers[d.key(ve)] || currencies[d.key(ve)] {
			ve++
		}
		return d.span(v, ve), ve, true // "52 triệu …" opening an item
	}
	return "", 0, false
}

func yearPair(a, b string) bool {
	return yearValue(a) > 0 && yearValue(strings.TrimSuffix(b, "%")) > 0
}

// opensClause reports whether token v opens its clause: the line's first
// word after any marker, or after ";", ":", ",", or a goal cue.
func (d *doc) opensClause(v, b int) bool {
	if v == b {
		return true
	}
	return d.punct(v-1, ";") || d.punct(v-1, ":") || d.punct(v-1, ",") || d.cueEndsAt(v-1)
}

// quantifierClause reports whether the clause from v on states a share with
// no figure: "mỗi hộ gia đình đều có địa chỉ số", "tất cả các xã có …".
func (d *doc) quantifierClause(v, e int, needDeu bool) bool {
	deu, co := false, false
	for k := v + 1; k < e && k < v+15 && !d.punct(k, ";") && !d.punct(k, "."); k++ {
		if d.toks[k].is(fNum) && !strings.ContainsFunc(d.word(k), isLetter) {
			return false // a figure, not "5G"
		}
		deu = deu || d.is(k, "đều")
		co = co || d.is(k, "có")
	}
	return deu || co && !needDeu
}

func isLetter(r rune) bool { return isLetterOrDigit(r) && !isDigit(r) }
