package extract

import "strings"

// orgSpan is one organisation mention found in the text.
type orgSpan struct {
	start, end int  // token range
	headEnd    int  // end of the head phrase ("Ban Chỉ đạo")
	committee  byte // 'b' for a Ban, 't' for a Tổ, 0 otherwise
}

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
