package extract

import (
	"strings"
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

// cueEndsAt reports whether a goal cue ends at token k.
func (d *doc) cueEndsAt(k int) bool { return d.endsAt(k, goalCues) > 0 }

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
