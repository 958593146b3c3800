package extract

import "strings"

// targetValue reads a goal value at token v: "85%", "0,75", "2,5 triệu",
// "50" (with a qualifier or in "một trong 50").
func (d *doc) targetValue(v, cue int) (string, int, bool) {
	w := d.word(v)
	if strings.ContainsAny(w, "/") {
		return "", 0, false
	}
	if strings.HasSuffix(w, "%") {
		return w, v + 1, true
	}
	if d.punct(v+1, "%") {
		return d.span(v, v+2), v + 2, true
	}
	if yearValue(w) > 0 || strings.Count(w, ".") > 1 && !strings.Contains(w, ",") && len(w) > 7 {
		return "", 0, false
	}
	if d.isAny(v-1, "mức", "độ", "cấp", "thứ", "số", "lần", "khóa", "khoá") || v >= 2 && d.punct(v-1, ",") && d.toks[v-2].is(fNum) {
		return "", 0, false
	}
	end := v + 1
	if multipliers[d.key(end)] {
		end++
	}
	if currencies[d.key(end)] && (d.key(end) != "đô" || d.is(end+1, "la")) {
		end++ // "8.000 USD", "2 triệu đồng"
		if d.is(end, "la") {
			end++
		}
	}
	if d.hasClass(end, cCount) && !d.seq(end, "thành phố") {
		// "có 23 thành viên" is a count, "ít nhất 1 tổ công nghệ số" a goal.
		if q, _ := d.qualifierBefore(v); q != "ít nhất" && q != "tối thiểu" && q != "không dưới" {
			return "", 0, false
		}
	}
	if strings.ContainsAny(w, "-") {
		return "", 0, false
	}
	rank := d.seq(v-2, "một trong") || d.isAny(v-1, "top", "nhóm")
	qual, _ := d.qualifierBefore(v)
	verb := d.isAny(v-1, "đạt", "có", "chiếm", "thêm") || d.cueEndsAt(v-1) || d.seq(v-2, "đào tạo") || d.seq(v-2, "thu hút")
	if !rank && qual == "" && !verb {
		return "", 0, false
	}
	if !rank && !strings.Contains(w, ",") && !multipliers[d.key(v+1)] {
		// A plain count ("có 23 thành viên") needs a measurable noun after it.
		if n, ok := atoi(w); ok && n < 10 && qual == "" {
			return "", 0, false
		}
		if end >= len(d.toks) || d.isPunct(end) && qual == "" {
			return "", 0, false // "đạt tối thiểu 1.000." closes its clause with a goal
		}
	}
	return d.span(v, end), end, true
}

func (d *doc) qualifierBefore(v int) (string, int) {
	if d.is(v-1, "từ") && d.seq(d.afterValue(v), "trở lên") {
		return "ít nhất", v - 1 // "từ 80% trở lên"
	}
	end := v - 1
	if d.is(end, "đạt") && d.endsAt(end, qualifiers) == 0 {
		end--
	}
	n := d.endsAt(end, qualifiers)
	if n == 0 {
		return "", v
	}
	q := phraseKey(d.span(end-n+1, end+1))
	if q == "tối thiếu" {
		q = "tối thiểu"
	}
	return q, end - n + 1
}

// yearAt returns the year stated at token k as a target year: "năm 2025",
// "đến 2030", "giai đoạn 2022-2025" (the end), or "".
func (d *doc) yearAt(k int) string {
	if k < 0 || k >= len(d.toks) || !d.toks[k].is(fNum) && !d.isAny(k-1, "quý", "tháng") {
		return ""
	}
	w := d.word(k)
	if i := strings.LastIndexByte(w, '/'); i > 0 && d.isAny(k-1, "quý", "tháng") && yearValue(w[i+1:]) > 0 {
		return w[i+1:] // "quý IV/2026", "tháng 6/2027"
	}
	if a, b, ok := strings.Cut(w, "-"); ok && yearValue(a) > 0 && yearValue(b) > 0 {
		return b
	}
	if yearValue(w) == 0 || !d.toks[k].is(fNum) {
		return ""
	}
	if d.isDash(k+1) && k+2 < len(d.toks) && yearValue(d.word(k+2)) > 0 {
		return d.word(k + 2)
	}
	if d.isDash(k-1) && k >= 2 && yearValue(d.word(k-2)) > 0 {
		return w
	}
	if d.seq(k-2, "so với") || d.seq(k-3, "so với năm") || d.is(k-1, "từ") || d.is(k-2, "từ") {
		return ""
	}
	if d.isAny(k-1, "năm", "đến", "tới", "đoạn", "trong") {
		return w
	}
	return ""
}
