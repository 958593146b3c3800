package extract

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
	r, ok := d.titleAt(i, capitalOnly)
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
