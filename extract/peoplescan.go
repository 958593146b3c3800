package extract

// peopleScan is what scan carries from one token to the next.
type peopleScan struct {
	// split are the roles a title chain gives the names after its "là",
	// "gồm" or ":" in the same sentence; splitPlural when they cover a
	// list of names across ";".
	split       []roleSpan
	splitPlural bool
	// pending are the roles of a title chain right before the name at
	// pendingAt; plural when the title is ("các Phó Chủ tịch").
	pending   []roleSpan
	pendingAt int
	plural    bool
	group     []int // the people of the current list ("ông A, bà B và …")
}

// scan finds the people of the text and their roles, in text order.
func (f *peopleFinder) scan() {
	d := f.d
	s := peopleScan{pendingAt: -1}
	sent := int32(-1)
	for i := 0; i < len(d.toks); {
		if d.toks[i].sent != sent {
			sent = d.toks[i].sent
			s.split, s.group = nil, nil
		}
		if f.skip[i] {
			i++
			continue
		}
		if d.punct(i, ";") || d.punct(i, "(") || d.punct(i, ")") {
			if !d.punct(i, ";") || !s.splitPlural {
				s.split = nil
			}
			s.group = nil
			i++
			continue
		}
		if n := d.nameLen(i); n > 0 {
			i = f.scanName(&s, i, n)
			continue
		}
		if p, e := f.shortName(i); p >= 0 {
			for _, r := range s.split {
				f.addRole(p, r)
			}
			i, s.group = f.after(p, e, s.group)
			continue
		}
		if chain, e := d.titleChain(i, capitalOnly); len(chain) > 0 {
			i = f.scanTitles(&s, i, chain, e)
			continue
		}
		if !d.punct(i, ",") && !d.isAny(i, "và", "ông", "bà", "đồng", "chí", "cùng") {
			s.group = nil
		}
		i++
	}
}

// scanName adds the person named by the n tokens at i, with the roles
// pending for it, and returns where scanning resumes.
func (f *peopleFinder) scanName(s *peopleScan, i, n int) int {
	d := f.d
	p := f.add(i, i+n)
	if s.pendingAt == i {
		for _, r := range s.pending {
			f.addRole(p, r)
		}
	}
	var carry []roleSpan
	if s.pendingAt == i && s.plural {
		carry = s.pending
	}
	s.pending, s.pendingAt, s.plural = nil, -1, false
	for _, r := range s.split {
		f.addRole(p, r)
	}
	var k int
	k, s.group = f.after(p, i+n, s.group)
	// "các Phó Chủ tịch Trần Văn B, Lê Văn C và Hồ Thị D": the
	// plural title covers the whole list of names.
	for carry != nil && (d.punct(k, ",") || d.is(k, "và")) {
		at := k + 1 + d.honorificAt(k+1)
		m := d.nameLen(at)
		if m == 0 {
			break
		}
		q := f.add(at, at+m)
		for _, r := range carry {
			f.addRole(q, r)
		}
		k, s.group = f.after(q, at+m, s.group)
	}
	return k
}

// scanTitles reads the title chain [i, e): its roles wait for the name
// right after it, or for the names after its "là", "gồm" or ":". It
// returns where scanning resumes.
func (f *peopleFinder) scanTitles(s *peopleScan, i int, chain []roleSpan, e int) int {
	d := f.d
	if at := d.nameAfter(e); at >= 0 {
		s.pending, s.pendingAt = chain, at
		s.plural = d.isAny(i-1, "các", "hai", "ba", "bốn", "những") || i > 0 && d.toks[i-1].is(fNum)
		return at
	}
	g := e
	if d.seq(g, "còn lại") {
		g += 2
	}
	plural := d.isAny(i-1, "các", "hai", "ba", "những")
	if plural && d.punct(g, ",") && d.isAny(g+1, "gồm", "là") {
		g++ // "Các Phó Chủ tịch Hội đồng, gồm ông A, …; ông B, …"
	}
	s.group = nil
	if !d.isAny(g, "là", "gồm") && !d.punct(g, ":") {
		return e
	}
	s.split, s.splitPlural = chain, plural
	i = g + 1
	if d.is(i, "có") {
		i++
	}
	return i
}
