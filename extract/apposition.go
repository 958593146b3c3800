package extract

import "dxnews/article"

// after reads the appositions and copula roles that follow a person
// mention ending at token k, and returns where scanning resumes.
func (f *peopleFinder) after(p, k int, group []int) (int, []int) {
	d := f.d
	k0 := k
	if d.isAny(k, "nguyên", "cựu") {
		// "ông Lê Văn A nguyên Chủ tịch UBND tỉnh giữ chức vụ …".
		if r, ok := d.titleAt(k, lowerCaseToo); ok && r.end > k+1 {
			f.addRole(p, r)
			k = r.end
		}
	}
	for d.punct(k, ",") || d.isDash(k) || d.is(k, "kiêm") && k > 0 {
		r, ok := d.titleAt(k+1, lowerCaseToo)
		if !ok || r.end <= k+1 {
			break
		}
		// "ông A - Giám đốc Sở X, bà B - …": a title between two names
		// belongs to the first unless it runs straight into the second.
		if d.nameAfter(r.end) >= 0 && !d.punct(r.end, ",") {
			break
		}
		f.addRole(p, r)
		k = r.end
	}
	if d.punct(k, "(") {
		// "Nguyễn Việt Hùng (nguyên Cục phó Quản lý Dược)".
		if chain, e := d.titleChain(k+1, lowerCaseToo); len(chain) > 0 {
			closed := -1
			for c := e; c < len(d.toks) && c <= e+8 && !d.toks[c].is(fNL); c++ {
				if d.punct(c, ")") {
					closed = c
					break
				}
			}
			if closed >= 0 {
				for _, r := range chain {
					f.addRole(p, r)
				}
				k = closed + 1
			}
		}
	}
	group = append(group, p)
	c := k
	if c > k0 && d.punct(c, ",") {
		c++ // "ông X, Phó Chủ tịch UBND tỉnh, làm Tổ trưởng"
	}
	if r, ok := d.copulaRole(c); ok {
		for _, q := range group {
			f.addRole(q, r)
		}
		k = r.end
		group = nil
	}
	return k, group
}

// shortName resolves "ông Mãi" after an honorific to the one known person
// whose full name ends that way; it returns the person and the end token.
func (f *peopleFinder) shortName(i int) (int, int) {
	d := f.d
	if d.honorificBefore(i) == 0 || !d.capWord(i) {
		return -1, 0
	}
	e := i
	for e < len(d.toks) && e-i < 2 && d.capWord(e) && !d.toks[e].is(fNL) {
		e++
	}
	d.buf = d.keySpan(append(d.buf[:0], ' '), i, e)
	short := d.buf
	match := -1
	for k, p := range f.people {
		if len(p.key) > len(short) && p.key[len(p.key)-len(short):] == string(short) {
			if match >= 0 {
				return -1, 0
			}
			match = k
		}
	}
	if match >= 0 {
		f.people[match].mentions = append(f.people[match].mentions, article.Mention{Start: int(d.toks[i].start), End: int(d.toks[e-1].end)})
		for k := i; k < e; k++ {
			f.inName[k] = true
		}
	}
	return match, e
}
