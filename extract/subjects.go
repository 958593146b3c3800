package extract

var subjectMarkers = []string{"về việc", "v/v", "về", "phê duyệt", "thành lập", "ban hành", "kiện toàn", "quy định",
	"hướng dẫn", "triển khai", "nhằm", "sửa đổi", "bổ sung", "giao", "phân công", "công bố", "đôn đốc"}

// Verb phrases that end a subject: what the document does, not what it is
// about ("Nghị quyết 68 về kinh tế tư nhân | mở ra cơ hội").
var subjectEnds = newPhraseSet("được coi", "có hiệu lực", "mở ra", "tạo ra", "tạo điều kiện", "giúp", "cho thấy",
	"góp phần", "đặt ra", "yêu cầu", "được ban hành", "được thông qua")

// subjectAt reads "về việc …" / "phê duyệt …" right after a reference.
func (d *doc) subjectAt(k int) string {
	// "gửi các sở, ngành về việc …": an explicit "về việc" may come after a
	// short addressee list.
	if d.isAny(k, "gửi", "đến", "tới") {
	addressee:
		for j := k + 2; j < len(d.toks) && j < k+14 && !d.punct(j, ".") && !d.punct(j, ";") && !d.toks[j].is(fNL); j++ {
			for _, m := range subjectMarkers {
				if d.seq(j, m) && !d.seq(j, "về") || d.seq(j, "về việc") {
					k = j
					break addressee
				}
			}
		}
	}
	for gap := 0; gap < 3 && k < len(d.toks); gap++ {
		for _, m := range subjectMarkers {
			if !d.seq(k, m) {
				continue
			}
			s := k
			if m == "về việc" || m == "về" || m == "v/v" {
				s += seqLen(m)
			}
			e := s
			for e < len(d.toks) && e-s < 40 && !d.toks[e].is(fNL) {
				if d.isPunct(e) && d.isAny(e, ".", ";", "(", ":", "!", "?") || d.punct(e, ",") && (!(e+1 < len(d.toks) && !d.capOrAbbr(e+1)) || d.clauseAfter(e+1)) {
					break
				}
				if e > s && (d.startsAt(e, subjectEnds) > 0 || d.isAny(e, "là", "đã", "sẽ", "vừa", "nhằm")) && !d.seq(e-2, "nhỏ và vừa") {
					break
				}
				e++
			}
			if d.isAny(e-1, "này", "đó") {
				// "… trong các dịch vụ này": the rest of the sentence.
				for j := e - 2; j > s && j >= e-6; j-- {
					if d.isAny(j, "trong", "tại", "cho", "với", "đối") {
						e = j
						break
					}
				}
			}
			return d.span(s, e)
		}
		if d.isPunct(k) && !d.punct(k, ",") {
			return ""
		}
		if d.punct(k, ",") && d.clauseAfter(k+1) {
			return "" // "Đề án 06, giao Công an tỉnh …": a new clause
		}
		k++
	}
	return ""
}

// Verbs and cues that show a comma opens a new clause rather than the
// next item of a subject ("…năm 2026, tỉnh phấn đấu …").
var clauseVerbs = newPhraseSet("phấn đấu", "đặt mục tiêu", "yêu cầu", "đề nghị", "giao cho", "đã", "sẽ", "cần",
	"phải", "đang", "vừa", "tiếp tục", "chỉ đạo", "ban hành", "cho biết", "nêu rõ",
	"khẳng định", "xác định", "theo đó", "trong đó", "đồng thời", "tuy nhiên", "nhờ đó", "qua đó")

// clauseAfter reports whether a new clause starts at token k: a connective
// right there, or a verb within a short subject's reach before the next
// punctuation mark.
func (d *doc) clauseAfter(k int) bool {
	if d.isAny(k, "giao", "trong", "đồng", "theo") && !d.seq(k, "giao dịch") {
		return true
	}
	for j := k; j < len(d.toks) && j < k+5; j++ {
		if d.isPunct(j) || d.toks[j].is(fNL) {
			return false
		}
		if d.startsAt(j, clauseVerbs) > 0 {
			return true
		}
	}
	return false
}
