package extract

import "strings"

var metricBreaks = newPhraseSet("bao gồm", "gồm", "là", "như sau", "và")

// Verbs that report or request a goal rather than describe it.
var speechVerbs = newPhraseSet("đề nghị", "yêu cầu", "hỗ trợ", "giao cho", "chỉ đạo", "cho biết", "nhấn mạnh",
	"khẳng định", "kiến nghị", "đề xuất")

var metricEnds = newPhraseSet("và", "đến năm", "vào năm", "trong năm", "nhưng", "song", "tuy nhiên")

// afterValue returns the token after the value starting at v.
func (d *doc) afterValue(v int) int {
	if d.punct(v+1, "%") {
		return v + 2
	}
	return v + 1
}

// metric returns the words around a value that say what it measures.
func (d *doc) metric(v, ve, qs, s, e int) (string, int, int) {
	b := qs
	for d.isAny(b-1, "đạt", "là", "phải", "cần", "sẽ", "lên", "xuống", "còn") {
		b--
	}
	ms := b
	for ms > s && b-ms < 20 {
		k := ms - 1
		if d.punct(k, ",") && d.isAny(k-2, "mỗi", "từng", "các") && !d.isPunct(k+1) && !d.isPunct(k-1) {
			ms-- // "mỗi xã, phường có …"
			continue
		}
		if d.isPunct(k) && !d.punct(k, "&") || d.startsAt(k, metricBreaks) > 0 || d.toks[k].is(fNum) {
			break
		}
		if d.cueEndsAt(k) || d.endsAt(k, speechVerbs) > 0 {
			break
		}
		ms--
		if d.seq(ms, "đào tạo") || d.seq(ms, "thu hút") {
			break // the goal's own verb starts the metric
		}
	}
	ms = d.skipTimePhrase(ms, b)
	subj := d.shareSubject(ms, b, s)
	for subj < 0 && ms < b && d.isAny(ms, "có", "là", "đạt", "chiếm", "và", "đưa", "nâng", "phải", "cần", "sẽ") {
		ms++
	}
	me := ve
	if d.seq(me, "trở lên") {
		me += 2
	}
	from := me
	for me < e && me-ve < 20 {
		if d.punct(me, ",") && (me-2 >= from && d.key(me+1) == d.key(me-2) && !d.isPunct(me+2) || d.placePrefixAt(me-1) == 1 && d.placePrefixAt(me+1) > 0) {
			me++ // "cấp tỉnh, cấp xã", "xã, phường"
			continue
		}
		if d.punct(me, ",") && d.is(me-2, "được") && !d.isPunct(me+1) && !d.toks[me+1].is(fNum) {
			me++ // "được gửi, nhận"
			continue
		}
		if d.isPunct(me) && !d.punct(me, "&") || d.startsAt(me, metricEnds) > 0 {
			break
		}
		me++
	}
	parts := make([]string, 0, 3)
	if subj >= 0 {
		parts = append(parts, d.span(subj, ms-d.endsAt(ms-1, goalCues)))
	}
	if ms < b {
		parts = append(parts, d.span(ms, b))
	}
	if from < me {
		parts = append(parts, d.span(from, me))
	}
	if len(parts) == 0 {
		return "", -1, me
	}
	if subj >= 0 {
		ms = subj
	}
	return strings.Join(parts, " "), ms, me
}

// skipTimePhrase steps over a leading "đến cuối năm", "trong năm nay" that
// says when, not what.
func (d *doc) skipTimePhrase(ms, b int) int {
	k := ms
	if d.isAny(k, "đến", "tới", "trong", "vào") {
		k++
	}
	if d.isAny(k, "quý", "tháng") && d.yearAt(k+1) != "" {
		if k += 2; k < b && d.is(k, "có") {
			k++
		}
		return min(k, b) // "đến quý IV/2026 (có)"
	}
	if d.isAny(k, "cuối", "hết") {
		k++
	}
	if !d.is(k, "năm") {
		return ms
	}
	k++
	if d.is(k, "nay") {
		k++
	}
	if k >= b {
		return ms
	}
	return k
}

// shareSubject returns the start of the subject of a share verb cut off by
// a goal cue ("Kinh tế số | phấn đấu | chiếm 30% GRDP"), which is part of
// what the value measures, or -1.
func (d *doc) shareSubject(ms, b, s int) int {
	if ms >= b || !(d.is(ms, "chiếm") || d.seq(ms, "đóng góp")) {
		return -1
	}
	n := d.endsAt(ms-1, goalCues)
	if n == 0 {
		return -1
	}
	c := ms - n
	k := c
	for k > s && c-k < 6 && !d.isPunct(k-1) && !d.toks[k-1].is(fNum) && d.startsAt(k-1, metricBreaks) == 0 {
		k--
	}
	if k == c || c-k >= 6 || d.hasClass(k, cCount) {
		return -1
	}
	return k
}
