package extract

import "strings"

// roleSpan is a title phrase: "Phó Chủ tịch Thường trực UBND tỉnh".
type roleSpan struct {
	start, end int
	titleEnd   int  // end of the title words
	placeOnly  bool // the title is completed by a place only ("Bí thư Hà Nội")
	// bare is 'b' or 't' for a committee title without its committee
	// ("Trưởng ban", "Tổ phó"), to be completed from context.
	bare byte
}

// titleCase says whether titleAt takes a title written in lower case.
type titleCase uint8

const (
	capitalOnly  titleCase = iota // "Phó Chủ tịch UBND tỉnh"
	lowerCaseToo                  // also "phó chủ tịch UBND tỉnh", after a name and a comma
)

// titleAt parses a title phrase at token i; a lower-case title only with
// lowerCaseToo.
func (d *doc) titleAt(i int, tc titleCase) (roleSpan, bool) {
	if d.isAny(i, "nguyên", "cựu") {
		// "nguyên Cục phó Quản lý Dược": a former role, kept as written.
		if r, ok := d.titleAt(i+1, lowerCaseToo); ok {
			r.start = i
			return r, true
		}
		return roleSpan{}, false
	}
	p, n := d.title(i)
	if p < 0 {
		return roleSpan{}, false
	}
	if !d.capOrAbbr(i) && tc != lowerCaseToo {
		return roleSpan{}, false
	}
	j := i + n
	for d.seq(j, "thường trực") || d.seq(j, "phụ trách") {
		j += 2
	}
	tk := titles.phrases[p].folded
	r := roleSpan{start: i, titleEnd: j}
	if strings.HasSuffix(tk, "đoàn") && d.seq(j, "đại biểu") {
		// "Phó đoàn đại biểu (Quốc hội) TP Hải Phòng".
		j += 2
		if d.seq(j, "quốc hội") {
			j += 2
		}
	}
	switch {
	case strings.HasSuffix(tk, " ban") && d.seq(j, "chỉ đạo"):
		// "Trưởng ban Chỉ đạo 57 của Thành ủy", "Phó Trưởng ban chỉ đạo".
		j += 2
		if j < len(d.toks) && d.toks[j].is(fNum) && !strings.ContainsAny(d.word(j), "/%") {
			j++
		}
		j = d.orgTail(j, j, true)
	default:
		if o := d.orgAt(j); o.end > 0 {
			j = o.end
			break
		}
		if d.isAny(j, "của", "thuộc") {
			// "Phó phòng của Cục Quản lý Dược".
			if o := d.orgAt(j + 1); o.end > 0 {
				j = o.end
				break
			}
		}
		pre := d.placePrefixAt(j)
		if _, pn := d.placeAt(j + pre); pn > 0 {
			j += pre + pn
			r.placeOnly = true
			break
		}
		if pre > 0 && tk != "bí thư" && !strings.HasSuffix(tk, "ban") {
			// Anaphoric "Chủ tịch tỉnh".
			j += pre
			break
		}
		if d.capOrAbbr(j) && !d.toks[j].is(fNum) && !d.nameStart(j) && !d.numberedDocAt(j) {
			if tp, _ := d.title(j); tp < 0 || strings.HasSuffix(tk, "đoàn") {
				// "Giám đốc IOC Huế", "Trưởng phòng Viễn thông, Tin học và Cơ yếu".
				j = d.orgTail(j, j, false)
				break
			}
		}
		switch {
		case strings.HasSuffix(tk, "trưởng ban") || strings.HasSuffix(tk, "phó ban") || tk == "ủy viên" || tk == "uỷ viên":
			r.bare = 'b'
		case strings.HasPrefix(tk, "tổ trưởng") || strings.HasPrefix(tk, "tổ phó"):
			r.bare = 't'
		}
	}
	for j > i+n && (d.isPunct(j-1) && !d.punct(j-1, ")") || d.isAny(j-1, "của", "về", "và", "thuộc")) {
		j--
	}
	r.end = j
	return r, true
}
