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

// titleChain parses titles separated by commas or nothing:
// "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh".
func (d *doc) titleChain(i int) ([]roleSpan, int) {
	r, ok := d.titleAt(i, capitalOnly)
	if !ok {
		return nil, i
	}
	chain := []roleSpan{r}
	e := r.end
	for e < len(d.toks) && !d.toks[e].is(fNL) {
		next := e
		if d.punct(e, ",") || d.is(e, "kiêm") {
			next = e + 1
		}
		r2, ok := d.titleAt(next, capitalOnly)
		if !ok || r2.end <= next {
			break
		}
		chain = append(chain, r2)
		e = r2.end
	}
	return chain, e
}

// titleChainLower is titleChain that also accepts lower-case titles, for
// roles in brackets after a name.
func (d *doc) titleChainLower(i int) ([]roleSpan, int) {
	r, ok := d.titleAt(i, lowerCaseToo)
	if !ok {
		return nil, i
	}
	chain := []roleSpan{r}
	e := r.end
	for d.punct(e, ",") || d.is(e, "kiêm") {
		r2, ok := d.titleAt(e+1, lowerCaseToo)
		if !ok || r2.end <= e+1 {
			break
		}
		chain = append(chain, r2)
		e = r2.end
	}
	return chain, e
}

// nameAfter returns the start of a name that follows token e, allowing a
// dash and an honorific in between, or -1.
func (d *doc) nameAfter(e int) int {
	f := e
	if d.isDash(f) {
		f++
	}
	if d.punct(f, ",") {
		// "Giám đốc Sở Nội vụ, ông Nguyễn Văn A": only with an honorific.
		if h := d.honorificAt(f + 1); h > 0 && d.nameLen(f+1+h) > 0 {
			return f + 1 + h
		}
		return -1
	}
	f += d.honorificAt(f)
	if d.nameLen(f) > 0 {
		return f
	}
	return -1
}

var copulas = []string{"giữ vai trò", "giữ chức vụ", "giữ chức", "giữ cương vị", "đảm nhiệm", "đảm nhận", "làm", "là"}

// copulaRole finds "(được phân công) làm Phó Trưởng ban" after a name.
func (d *doc) copulaRole(k int) (roleSpan, bool) {
	for gap := 0; gap < 4 && k < len(d.toks); gap++ {
		for _, c := range copulas {
			if !d.seq(k, c) {
				continue
			}
			j := k + seqLen(c)
			if d.isAny(j, "vị", "chức") && d.isAny(j+1, "trí", "vụ") {
				j += 2
			}
			if j < len(d.toks) && d.toks[j].is(fNum) && !strings.ContainsAny(d.word(j), "/%") {
				j++
			} else if d.isAny(j, "một", "hai", "ba") {
				j++
			}
			if r, ok := d.titleAt(j, lowerCaseToo); ok {
				return r, true
			}
			return roleSpan{}, false
		}
		if d.isPunct(k) || !d.isAny(k, "được", "vừa", "đã", "sẽ", "phân", "công", "bổ", "nhiệm", "bầu", "giao", "tiếp", "tục", "cũng", "hiện", "nay", "đang", "từng", "vốn", "đồng", "thời") {
			return roleSpan{}, false
		}
		k++
	}
	return roleSpan{}, false
}

// numberedDocAt reports whether a numbered document reference starts at j
// ("Kế hoạch số 12/KH-UBND"), as opposed to a name that begins with a
// document word ("Bộ trưởng Kế hoạch và Đầu tư").
func (d *doc) numberedDocAt(j int) bool {
	if !isDecisionKind(d, j) {
		return false
	}
	_, ok := d.decisionAt(j)
	return ok
}
