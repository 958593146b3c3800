package extract

// verbPair reports whether the comma at k joins the two activities of a
// centre's name: "Trung tâm Giám sát, điều hành đô thị thông minh".
func (d *doc) verbPair(k int) bool {
	return d.endsAt(k-1, pairedVerbs) == 2 && d.startsAt(k+1, pairedVerbs) == 2 || d.seq(k-2, "tiếp nhận") && d.seq(k+1, "trả kết")
}

// namesTask reports whether the verb at k, early in a committee's name,
// says what the committee is for: "Hội đồng điều phối phát triển …",
// "Tổ công tác triển khai Đề án 06", "Ban chỉ đạo thực hiện Chương trình …".
func (d *doc) namesTask(k int) bool {
	switch {
	case d.seq(k, "điều phối"):
		return !d.isPunct(k+2) && !d.capOrAbbr(k+2)
	case d.seq(k, "triển khai") || d.seq(k, "thực hiện"):
		return isDecisionKind(d, k+2) && d.capOrAbbr(k+2)
	}
	return false
}

// Verbs a descriptive name pairs with a comma: "Trung tâm Giám sát, điều
// hành …", "Tổ công tác … xây dựng, triển khai …".
var pairedVerbs = newPhraseSet("giám sát", "điều hành", "nghiên cứu", "phát triển", "quản lý", "vận hành", "xây dựng",
	"triển khai", "khai thác", "ứng dụng")

// lowerList reports whether the comma at k continues the lower-case
// topic list of a descriptive name: "Ban Chỉ đạo phát triển khoa học,
// công nghệ, đổi mới sáng tạo và chuyển đổi số".
func (d *doc) lowerList(k int) bool {
	for j := k + 1; j < len(d.toks) && j < k+24; j++ {
		if d.toks[j].is(fNL) || d.toks[j].is(fNum) || d.isPunct(j) && !d.punct(j, ",") {
			return false
		}
		if d.is(j, "và") {
			if _, kn := d.kindAt(j + 1); kn > 0 && j+1+kn < len(d.toks) && d.toks[j+1+kn].is(fNum) {
				return j > k+1 // "… chuyển đổi số và Đề án 06"
			}
			return j > k+1 && !d.isPunct(j+1) && !d.stopsOrg(j+1) && !d.capOrAbbr(j+1)
		}
		if d.capOrAbbr(j) || d.stopsOrg(j) || d.is(j, "các") {
			return false
		}
	}
	return false
}

// commaList reports whether the comma at k continues a capitalised name
// list such as "Phòng Viễn thông, Tin học và Cơ yếu".
func (d *doc) commaList(k int) bool {
	if !d.capWord(k+1) || d.nameStart(k+1) {
		return false
	}
	if d.titleOrOrgHead(k + 1) {
		return false
	}
	if pp, _ := d.placeAt(k + 1); pp >= 0 {
		return false
	}
	for j := k + 1; j < len(d.toks) && j < k+8; j++ {
		if d.isPunct(j) && !d.punct(j, ",") {
			return false
		}
		if d.is(j, "và") {
			return d.capWord(j + 1)
		}
		if !d.capWord(j) && !d.punct(j, ",") && (d.isPunct(j) || d.stopsOrg(j)) {
			return false
		}
	}
	return false
}
