package extract

import "strings"

// titleChain parses titles separated by commas or "kiêm". Capitalised
// titles may also follow each other with nothing between them, up to a
// line break: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh". With lowerCaseToo
// it reads the roles in brackets after a name.
func (d *doc) titleChain(i int, tc titleCase) ([]roleSpan, int) {
	r, ok := d.titleAt(i, tc)
	if !ok {
		return nil, i
	}
	chain := []roleSpan{r}
	e := r.end
	for {
		next, ok := d.nextTitle(e, tc)
		if !ok {
			break
		}
		r2, ok := d.titleAt(next, tc)
		if !ok || r2.end <= next {
			break
		}
		chain = append(chain, r2)
		e = r2.end
	}
	return chain, e
}

// nextTitle returns where the next title of a chain ending at e may
// start, after a comma or "kiêm"; false when the chain cannot go on.
func (d *doc) nextTitle(e int, tc titleCase) (int, bool) {
	if d.punct(e, ",") || d.is(e, "kiêm") {
		return e + 1, tc == lowerCaseToo || !d.toks[e].is(fNL)
	}
	return e, tc == capitalOnly && e < len(d.toks) && !d.toks[e].is(fNL)
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
