package extract

import (
	"strings"

	"dxnews/article"
)

// Goal cues: a value after one of these in the same sentence is a target.
var goalCues = newPhraseSet("mục tiêu", "chỉ tiêu", "phấn đấu", "đặt ra", "đề ra", "đặt mục tiêu", "hướng tới",
	"hướng đến", "cần đạt", "phải đạt", "nhằm đạt", "sẽ đạt", "kỳ vọng", "dự kiến đạt", "định hướng đến",
	"tầm nhìn đến", "đến năm", "tới năm", "đến hết năm", "trở thành một trong", "bảo đảm", "đảm bảo")

// Achieved cues: a value after one of these (and after the goal cue) is a
// statistic, not a target.
var achievedCues = newPhraseSet("đã", "đạt được", "tính đến", "hiện nay", "hiện có", "hiện đã", "năm ngoái",
	"năm qua", "vừa qua", "xếp hạng", "xếp vị trí", "xếp thứ", "đến nay", "thời gian qua", "so với cùng kỳ",
	"kết quả", "trước đó", "hiện tại", "đứng thứ", "mới đạt", "chỉ đạt", "ước đạt", "thực tế đạt", "nhưng mới",
	"nhưng chỉ")

var qualifiers = newPhraseSet("ít nhất", "tối thiểu", "tối thiếu", "tối đa", "không quá", "không dưới", "khoảng",
	"trên", "hơn", "dưới", "gần", "tăng", "giảm", "vượt")

// Nouns that make a number a count of things rather than a goal value.
var countNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mục nhiệm nhóm quan giải thành văn phiên tháng năm ngày lần giai ủy phó
		trưởng chương đề kế quyết nghị tiện lĩnh nội chỉ bước trụ đột khâu nguyên tiêu yếu vấn hoạt dự
		đơn tổ ban bộ sở cơ tiết giờ phút tuần quý điều khoản chương mức cấp`) {
		countNouns[w] = true
		markClass(w, cCount)
	}
}

var currencies = map[string]bool{"usd": true, "đồng": true, "đô": true, "euro": true}

var multipliers = map[string]bool{"triệu": true, "tỷ": true, "tỉ": true, "nghìn": true, "ngàn": true, "vạn": true}

func (d *doc) firstCue(s, e int) int {
	for k := s; k < e; k++ {
		if n := d.startsAt(k, goalCues); n > 0 {
			if d.achievedAt(k-1) || d.achievedAt(k-2) || d.is(k-1, "vượt") || d.is(k-2, "vượt") ||
				d.toks[max(k-1, 0)].is(fNum) && strings.Contains(d.word(k-1), "/") {
				// "đạt 9/12 chỉ tiêu": a count of goals reached.
				// "đã lọt top 10", "vượt mục tiêu": a goal already reached.
				continue
			}
			if (d.seq(k, "đến năm") || d.seq(k, "tới năm")) && (d.is(k-1, "tính") || d.is(k-1, "nay")) {
				continue
			}
			if d.fromYear(k) {
				continue // "từ năm 2010 đến năm 2020": a period, not a deadline
			}
			return k
		}
		if d.is(k, "đến") && !d.fromYear(k) && k+1 < e && (yearValue(d.word(k+1)) > 0 || d.isAny(k+1, "quý", "tháng") && d.yearAt(k+2) != "") && !d.is(k-1, "tính") {
			return k // "đến năm 2030", "đến 2030", "đến quý IV/2026"
		}
		if d.is(k, "sẽ") {
			for j := k + 1; j < e && j <= k+3; j++ {
				if d.isAny(j, "đạt", "có", "chiếm", "tăng", "giảm", "phủ", "hoàn") || d.seq(j, "đào tạo") || d.seq(j, "thu hút") || d.seq(j, "nâng lên") {
					return k
				}
			}
		}
	}
	return -1
}

// clauseOfYearCue moves a trailing year cue back to the start of its
// clause: "đào tạo 50.000 kỹ sư bán dẫn đến năm 2030" sets the goal for the
// figure before it. A clause holding an achieved cue keeps the cue.
func (d *doc) clauseOfYearCue(cue, s int) int {
	if cue < 0 || !(d.seq(cue, "đến năm") || d.seq(cue, "tới năm") || d.is(cue, "đến") && yearValue(d.word(cue+1)) > 0) {
		return cue
	}
	b := cue
	for b > s && !d.punct(b-1, ",") && !d.punct(b-1, ";") && !d.punct(b-1, ":") && !d.toks[b].is(fNL) {
		if d.achievedAt(b - 1) {
			return cue
		}
		b--
	}
	return b
}

// achievedAt reports whether an achieved-figure cue starts at token k
// ("đã đạt", "tính đến"), not counting "đã đặt ra" and the like.
func (d *doc) achievedAt(k int) bool {
	if d.startsAt(k, achievedCues) == 0 {
		return false
	}
	if d.seq(k, "kết quả") && !d.isPunct(k+2) && !d.isAny(k+2, "là", "cho", "đạt") && !d.toks[k].is(fCap) {
		return false // "số hóa kết quả giải quyết": a thing, not a report
	}
	if d.seq(k, "xếp hạng") && !d.is(k+2, "thứ") && !(k+2 < len(d.toks) && d.toks[k+2].is(fNum)) {
		return false // "dẫn đầu ASEAN về xếp hạng Chính phủ điện tử": a topic
	}
	return !(d.is(k, "đã") && d.isAny(k+1, "đặt", "đề", "xác", "phê", "ban"))
}

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

// cueEndsAt reports whether a goal cue ends at token k.
func (d *doc) cueEndsAt(k int) bool { return d.endsAt(k, goalCues) > 0 }

// sameTarget finds an earlier target with the same value and year whose
// metric shares at least half its words (a headline repeating the body).
func sameTarget(list []article.Target, value, year, metric string) int {
	var mk []string
	for i, t := range list {
		if t.Value != value || t.Year != year {
			continue
		}
		if mk == nil {
			mk = strings.Fields(phraseKey(metric))
		}
		tk := strings.Fields(phraseKey(t.Metric))
		if 2*sharedSyllables(mk, tk) >= min(len(mk), len(tk)) && len(mk) > 0 {
			return i
		}
	}
	return -1
}

var anaphoricMetric = map[string]bool{"tỷ lệ này": true, "con số này": true, "chỉ tiêu này": true, "mức này": true,
	"tỷ lệ trên": true, "con số trên": true}

// enrich completes a target with what a repeated mention adds: the body
// often says "ít nhất 95% … toàn trình" where the headline said "95% …".
func enrich(t *article.Target, qual, metric string) {
	if t.Qualifier == "" {
		t.Qualifier = qual
	}
	if len(metric) > len(t.Metric) && strings.Contains(phraseKey(metric), phraseKey(t.Metric)) {
		t.Metric = metric
	}
}

// scopeIn names the place a target applies to: the first place named in
// its sentence before the value, else the article's main place.
func (d *doc) scopeIn(s, v int, fallback string) string {
	for k := s; k < v; k++ {
		if _, n := d.placeAt(k); n > 0 && !d.inName(k) {
			return d.span(k, k+n)
		}
	}
	return fallback
}

// achievedInItem reports whether the list item a value belongs to (up to
// the next ";") says the figure was already reached: "70% hồ sơ đã được
// số hóa".
func (d *doc) achievedInItem(k, e int) bool {
	for n := 0; k < e && n < 30; k, n = k+1, n+1 {
		if d.punct(k, ";") || d.toks[k].is(fNum) || d.isAny(k, "nhưng", "song") {
			return false // "90% … nhưng mới đạt 76%": the contrast is the result
		}
		if d.achievedAt(k) && !d.seq(k, "đã được phê") {
			return true
		}
	}
	return false
}

// headingColon reports whether a colon closes a short heading starting at
// the goal cue at k: "Mục tiêu cụ thể:", "Chỉ tiêu đến năm 2030:".
func (d *doc) headingColon(k int) bool {
	for j := k + 1; j < len(d.toks) && j <= k+6; j++ {
		if d.punct(j, ":") {
			return true
		}
		if d.isPunct(j) {
			return false
		}
	}
	return false
}

// fromYear reports whether "từ (năm) YYYY" comes right before token k.
func (d *doc) fromYear(k int) bool {
	return k >= 2 && yearValue(d.word(k-1)) > 0 && (d.is(k-2, "từ") || d.is(k-3, "từ") && d.is(k-2, "năm"))
}
