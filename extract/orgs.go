package extract

import "strings"

// orgSpan is one organisation mention found in the text.
type orgSpan struct {
	start, end int  // token range
	headEnd    int  // end of the head phrase ("Ban Chỉ đạo")
	committee  byte // 'b' for a Ban, 't' for a Tổ, 0 otherwise
}

// Words and verb phrases that end the lower-case part of a descriptive
// organisation name ("Ban Chỉ đạo về dữ liệu | do ông …").
var orgStop = newPhraseSet(strings.Fields(`có là làm được đã đang sẽ vừa gồm do nhằm để với cho tại khi
	theo thì mà này đó giữ nhận dự cùng hoặc đến từ trên cũng còn sau trước họp tiếp giao nêu trao
	bàn gửi mở đưa chịu tăng giảm đạt ra như nhưng vì nên trong ngày năm tháng các những mỗi
	một hai ba bốn năm sáu bảy tám chín mười nhiều rất đều lại đây ấy nay sáng chiều tối qua vào tới
	không thành bị`)...)

var orgStopPhrases = newPhraseSet("yêu cầu", "đề nghị", "đề xuất", "thống nhất", "kiện toàn", "thành lập",
	"phê duyệt", "ban hành", "tổ chức", "chủ trì", "chủ động", "chỉ đạo", "triển khai", "tham mưu", "tham dự",
	"tham gia", "báo cáo", "đánh giá", "khẳng định", "nhấn mạnh", "kiểm tra", "vận hành", "hỗ trợ",
	"xác định", "kêu gọi", "phối hợp", "hướng dẫn", "bao gồm", "hình thành", "cụ thể", "công bố",
	"quyết định", "nghiên cứu", "đôn đốc", "điều phối", "phát biểu", "phát động", "giới thiệu", "thông qua",
	"cho biết", "ký kết", "ký ban hành", "ký quyết", "trình bày", "lập kế", "đầu tư", "ứng dụng", "bảo đảm", "đảm bảo",
	"hoàn thành", "hoàn thiện", "kiến nghị", "đẩy mạnh", "đẩy nhanh", "tập trung", "rà soát", "chia sẻ", "cam kết",
	"ghi nhận", "tăng cường", "khắc phục", "chấp thuận", "lấy ý kiến", "phản ánh", "tiếp tục", "đưa ra", "đặt",
	"bố trí", "phân bổ")

// committeeBefore reports whether a party committee ends right before k,
// or before the place that ends right before k, after start.
func (d *doc) committeeBefore(k, start int) bool {
	for j := k - 2; j >= start-2 && j >= max(k-5, 0); j-- {
		if d.partyCommittee(j, 2) {
			if j+2 == k {
				return true
			}
			_, pn := d.placeAt(j + 2)
			return pn > 0 && j+2+pn == k
		}
	}
	return false
}

// Verbs that follow a party committee ending a name rather than continue
// the name.
var afterCommittee = newPhraseSet("lãnh đạo", "thực hiện", "quán triệt", "ban hành", "chỉ đạo", "quyết định", "giao")

// Verbs that follow a name rather than continue it.
var compoundStop = newPhraseSet("xây dựng", "duy trì", "bị", "nâng", "điều hành", "cấp", "mua", "bán", "cắt", "siết",
	"nới", "giữ", "điều chỉnh", "dự báo", "ước tính", "cảnh báo", "lên", "xuống")

// stopsOrg reports whether a lower-case word at k ends an organisation name.
func (d *doc) stopsOrg(k int) bool {
	if d.is(k, "thành") && d.is(k-1, "trở") {
		return false // "trở thành" inside a programme's name
	}
	if d.is(k, "sáng") && d.is(k+1, "tạo") {
		return false // "đổi mới sáng tạo"
	}
	return d.startsAt(k, orgStop) > 0 || d.startsAt(k, orgStopPhrases) > 0
}

var placePrefixes = newPhraseSet("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "đặc khu", "tp", "tp .")

// placePrefixAt returns the length of an administrative prefix ("tỉnh",
// "thành phố", "TP.") at token i.
func (d *doc) placePrefixAt(i int) int {
	return d.startsAt(i, placePrefixes)
}

// placeAt returns the length of a capitalised place name at token i.
func (d *doc) placeAt(i int) (int, int) {
	if i < 0 || i >= len(d.toks) {
		return -1, 0
	}
	m := &d.memo[i]
	if m.known&kPlace == 0 {
		p, n := d.placeMatch(i)
		m.place, m.pn = int16(p), int8(n)
		m.known |= kPlace
	}
	return int(m.place), int(m.pn)
}

func (d *doc) placeMatch(i int) (int, int) {
	if !(d.toks[i].is(fCap) || d.toks[i].is(fUpper)) {
		return -1, 0
	}
	p, n := places.match(d, i)
	if p < 0 {
		return -1, 0
	}
	// Every word of a multi-word place is capitalised ("Hòa Bình", not
	// "Hòa bình"), except regional names listed in lower case.
	ph := places.phrases[p]
	for k := 1; k < n; k++ {
		t := d.toks[i+k]
		if t.is(fPunct) {
			continue
		}
		wantCap := ph.caps&(1<<k) != 0
		if wantCap && !(t.is(fCap) || t.is(fUpper)) {
			return -1, 0
		}
	}
	return p, n
}

func (d *doc) capWord(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	return t.is(fCap) && !t.is(fUpper) && !t.is(fPunct) && !t.is(fNum)
}

func (d *doc) capOrAbbr(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	return !t.is(fPunct) && (t.is(fCap) || t.is(fUpper))
}

var romanNumerals = map[string]bool{"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true,
	"vii": true, "viii": true, "ix": true, "x": true, "xi": true, "xii": true, "xiii": true, "xiv": true,
	"xv": true, "xvi": true, "xvii": true, "xviii": true, "xix": true, "xx": true}

// Common words that begin with an organisation head: "Cục diện", "Sở dĩ".
var notOrg = newPhraseSet("cục diện", "cục bộ", "sở dĩ", "sở hữu", "sở thích", "trường hợp", "ban hành", "ban đầu",
	"hội nghị", "hội thảo", "viện dẫn", "viện trợ", "đoàn kết", "ủy quyền", "ủy thác")

// orgAt parses an organisation name starting at token i and returns its
// end, or 0 when no organisation starts there.
func (d *doc) orgAt(i int) orgSpan {
	if !d.capOrAbbr(i) || d.startsAt(i, notOrg) > 0 {
		return orgSpan{}
	}
	if pl := d.endsAt(i-1, placePrefixes); pl > 0 && !d.capOrAbbr(i-pl) && !d.is(i-pl, "tỉnh") {
		return orgSpan{} // "phường Hội An" is a place, not a Hội
	}
	if _, an := agencies.match(d, i); an > 0 {
		// A known company with the place of its branch: "VNPT Phú Thọ".
		if _, pn := d.placeAt(i + an); pn > 0 && !d.capOrAbbr(i+an+pn) {
			return orgSpan{start: i, end: i + an + pn, headEnd: i + an}
		}
	}
	if _, an := agencies.match(d, i); an > 0 && !d.capOrAbbr(i+an) && !d.punct(i+an, "(") {
		// A name the agency gazetteer knows in full: "Ngân hàng Nhà nước",
		// with its branch: "FPT chi nhánh Quy Nhơn".
		return orgSpan{start: i, end: d.branchEnd(i + an), headEnd: i + an}
	}
	p, n := d.orgHead(i)
	if tp, tn := d.title(i); tp >= 0 && tn > n {
		return orgSpan{} // "Cục trưởng" is a title, not the Cục
	}
	if p < 0 {
		// A name the agency gazetteer knows: "Viettel", "NHNN", "Bộ TT&TT".
		if _, an := agencies.match(d, i); an > 0 && !d.capOrAbbr(i+an) {
			return orgSpan{start: i, end: i + an, headEnd: i + an}
		}
		return orgSpan{}
	}
	head := orgHeads.phrases[p]
	descriptive := strings.Contains(head.flags, "d")
	headEnd := i + n
	k := headEnd
	if d.isAny(k, "các", "những", "này", "đó") {
		return orgSpan{}
	}
	if strings.Contains(head.flags, "n") && k < len(d.toks) && d.toks[k].is(fNum) && !strings.ContainsAny(d.word(k), "/%") {
		k++
	}
	k = d.orgTail(k, headEnd, descriptive)
	// Trim trailing function words.
	for k > headEnd && (d.isPunct(k-1) && !d.punct(k-1, ")") || d.isAny(k-1, "của", "về", "và", "thuộc", "trực")) {
		k--
	}
	if k == headEnd && !strings.Contains(head.flags, "a") && !strings.Contains(head.flags, "n") && !descriptive {
		return orgSpan{}
	}
	if k == headEnd && descriptive && !strings.Contains(head.flags, "a") {
		// A bare "Ban Chỉ đạo" is kept as a committee reference only.
		if !strings.Contains(head.flags, "n") {
			return orgSpan{}
		}
	}
	var c byte
	switch {
	case d.key(i) == "ban" && strings.Contains(head.flags, "n"):
		c = 'b'
	case d.key(i) == "tổ":
		c = 't'
	}
	return orgSpan{start: i, end: k, headEnd: headEnd, committee: c}
}

// partyCommittee reports whether the n tokens at k are a party committee
// ("Tỉnh ủy", "Thành ủy"), which owns the department named before it:
// "Ban Tuyên giáo và Dân vận Tỉnh ủy".
func (d *doc) partyCommittee(k, n int) bool {
	return n == 2 && d.is(k+1, "ủy") && d.isAny(k, "tỉnh", "thành", "huyện", "quận", "đảng")
}

// branchEnd extends a name ending at k over "chi nhánh <place>".
func (d *doc) branchEnd(k int) int {
	if !d.seq(k, "chi nhánh") {
		return k
	}
	j := k + 2
	if n := d.placePrefixAt(j); n > 0 {
		j += n
	}
	if _, n := d.placeAt(j); n > 0 {
		return j + n
	}
	n := 0
	for n < 3 && d.capWord(j+n) && !d.toks[j+n].is(fNL) {
		n++
	}
	if n == 0 {
		return k
	}
	return j + n
}

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
	if tp, _ := d.title(k + 1); tp >= 0 {
		return false
	}
	if op, _ := d.orgHead(k + 1); op >= 0 {
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

// findOrgs returns every organisation mention in text order.
func (d *doc) findOrgs() []orgSpan {
	out := make([]orgSpan, 0, len(d.toks)/32+4)
	for i := 0; i < len(d.toks); {
		o := d.orgAt(i)
		if o.end == 0 && d.theParty(i) {
			o = orgSpan{start: i, end: i + 1, headEnd: i + 1}
		}
		if o.end == 0 {
			if t := d.titledOrg(i); t.end > 0 {
				out = append(out, t)
				i = t.end
				continue
			}
			i++
			continue
		}
		out = append(out, o)
		// Nested committee: "Tổ giúp việc Ban Chỉ đạo về …".
		if o.headEnd < o.end {
			if n := d.orgAt(o.headEnd); n.end > 0 && n.committee != 0 {
				out = append(out, orgSpan{start: n.start, end: o.end, headEnd: n.headEnd, committee: n.committee})
			}
		}
		i = o.end
		if i <= o.start {
			i = o.start + 1
		}
	}
	return out
}

// theParty reports whether "Đảng" at i names the Party on its own, as the
// owner of policies: "các nghị quyết của Đảng, Quốc hội", "của Đảng và
// Chính phủ"; not "Đảng bộ", "Đảng ủy", "khối Đảng".
func (d *doc) theParty(i int) bool {
	if d.word(i) != "Đảng" || d.isAny(i+1, "bộ", "ủy", "uỷ", "viên", "đoàn", "cộng", "ta") {
		return false
	}
	return d.is(i-1, "của") || d.is(i-1, "và") && d.is(i-2, "của")
}

// titledOrg returns the organisation a title at i names when no gazetteer
// knows it: "Tổng Giám đốc Vietjet", "CEO Base.vn".
func (d *doc) titledOrg(i int) orgSpan {
	if !d.capOrAbbr(i) || d.memo[i].cls&titles.bit == 0 {
		return orgSpan{}
	}
	p, tn := d.title(i)
	if p < 0 || !corporateTitle[titles.phrases[p].keys[len(titles.phrases[p].keys)-1]] {
		return orgSpan{}
	}
	if s := i + tn; !d.capOrAbbr(s) || d.nameStart(s) || d.placePrefixAt(s) > 0 {
		return orgSpan{} // cheap tests before parsing the whole title
	} else if op, _ := d.orgHead(s); op >= 0 {
		return orgSpan{}
	}
	r, ok := d.titleAt(i)
	if !ok || r.placeOnly || r.bare != 0 || r.end <= r.titleEnd {
		return orgSpan{}
	}
	s := r.titleEnd
	if !d.capOrAbbr(s) || d.orgAt(s).end > 0 || d.nameStart(s) || d.placePrefixAt(s) > 0 {
		return orgSpan{}
	}
	if _, n := d.placeAt(s); n > 0 {
		return orgSpan{}
	}
	if tp, _ := d.title(s); tp >= 0 {
		return orgSpan{}
	}
	return orgSpan{start: s, end: r.end, headEnd: r.end}
}

// Last words of the titles of company heads ("Tổng Giám đốc", "CEO",
// "Nhà sáng lập", "Chủ tịch HĐQT").
var corporateTitle = map[string]bool{"đốc": true, "ceo": true, "lập": true, "tịch": true, "hđqt": true, "tập": true}

// lowerRunEnds reports whether the lower-case words from k end within three
// words at a boundary (punctuation, a capitalised word, "và", a stop word),
// as the lower-case syllables of a name do ("Truyền thông cho biết").
func (d *doc) lowerRunEnds(k int) bool {
	for n := 0; n < 4; n++ {
		j := k + n
		if j >= len(d.toks) || d.isPunct(j) || d.capOrAbbr(j) || d.toks[j].is(fNum) || d.toks[j].is(fNL) ||
			d.is(j, "và") || d.stopsOrg(j) || d.placePrefixAt(j) > 0 || d.startsAt(j, compoundStop) > 0 {
			return n > 0
		}
	}
	return false
}
