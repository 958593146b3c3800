package extract

import (
	"strings"

	"dxnews/article"
)

type personAgg struct {
	name     string
	key      string // folded name
	roles    []roleRef
	mentions []article.Mention
}

// roleRef is a role as token ranges: the title phrase and, for a bare
// committee title, the committee it was completed with.
type roleRef struct {
	s, e, cs, ce int
	te           int  // end of the title words
	placeOnly    bool // title completed by a place only
}

type peopleFinder struct {
	d      *doc
	orgs   []orgSpan
	skip   []bool // tokens inside bylines and credits
	byKey  map[string]int
	people []personAgg
	inName []bool // tokens inside full-name mentions
}

// findPeople finds named people and every role the text states for them.
func (d *doc) findPeople(orgs []orgSpan, skip, inName []bool) ([]article.Person, []bool) {
	f := &peopleFinder{d: d, orgs: orgs, skip: skip, byKey: map[string]int{}, inName: inName}
	f.scan()
	out := make([]article.Person, 0, len(f.people))
	for _, p := range f.people {
		out = append(out, article.Person{Name: p.name, Roles: d.dedupeRoles(p.roles), Mentions: p.mentions})
	}
	return out, f.inName
}

func (f *peopleFinder) add(s, e int) int {
	d := f.d
	name := d.span(s, e)
	d.buf = d.keySpan(d.buf[:0], s, e)
	at, ok := f.byKey[string(d.buf)]
	if !ok {
		at = len(f.people)
		key := string(d.buf)
		f.byKey[key] = at
		f.people = append(f.people, personAgg{name: name, key: key})
	}
	f.people[at].mentions = append(f.people[at].mentions, article.Mention{Start: int(d.toks[s].start), End: int(d.toks[e-1].end)})
	for k := s; k < e; k++ {
		f.inName[k] = true
	}
	return at
}

func (f *peopleFinder) addRole(p int, r roleSpan) {
	if r.end <= r.start {
		return
	}
	f.people[p].roles = append(f.people[p].roles, f.compose(r))
}

// compose completes a bare committee title with the committee in context.
func (f *peopleFinder) compose(r roleSpan) roleRef {
	d := f.d
	ref := roleRef{s: r.start, e: r.end, te: r.titleEnd, placeOnly: r.placeOnly}
	if r.bare == 0 {
		return ref
	}
	// Prefer the committee named in the same sentence, then the same
	// paragraph, then anywhere before.
	var best *orgSpan
	bestRank := -1
	for k := len(f.orgs) - 1; k >= 0; k-- {
		o := &f.orgs[k]
		if o.start < r.start-600 {
			break // far back: another article section
		}
		if o.committee != r.bare || o.start >= r.start {
			continue
		}
		rank := 0
		if o.end > o.headEnd {
			rank += 2 // a bare "Ban Chỉ đạo" refers back to a named one
		}
		if d.sameSentence(o.start, r.start) {
			rank += 8 // … unless the sentence names the committee as written
		} else if d.sameParagraph(o.start, r.start) {
			rank += 4
		}
		if rank >= bestRank {
			best, bestRank = o, rank
		}
	}
	if best == nil {
		for k := range f.orgs {
			o := &f.orgs[k]
			if o.committee == r.bare && o.start > r.start && d.sameSentence(o.start, r.start) {
				best = o
				break
			}
		}
	}
	if best == nil {
		return ref
	}
	ref.cs, ref.ce = best.start, best.end
	return ref
}

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
		if chain, e := d.titleChain(i); len(chain) > 0 {
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
		if chain, e := d.titleChainLower(k + 1); len(chain) > 0 {
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

// dedupeRoles drops roles whose words all occur in a longer role of the
// same person ("Chủ tịch UBND thành phố" inside "Chủ tịch UBND TP.HCM"),
// and returns the rest as text.
func (d *doc) dedupeRoles(roles []roleRef) []string {
	keys := make([][]string, len(roles))
	for i, r := range roles {
		keys[i] = d.keysOf(d.keysOf(nil, r.s, r.e), r.cs, r.ce)
	}
	out := make([]string, 0, len(roles))
	for i, r := range roles {
		drop := false
		for j := range roles {
			if i == j {
				continue
			}
			if d.isAny(r.s, "nguyên", "cựu") != d.isAny(roles[j].s, "nguyên", "cựu") {
				continue // a former role and a present one are two
			}
			if subsetOf(keys[i], keys[j]) && (len(keys[j]) > len(keys[i]) || len(keys[j]) == len(keys[i]) && j < i) {
				drop = true
				break
			}
			// Variants of one role: the same title words and nearly the same
			// rest ("… chuyển đổi số" and a caption's "… chuyển đổi ố").
			if d.sameTitle(r, roles[j]) {
				shared := sharedSyllables(keys[i], keys[j])
				shorter := min(len(keys[i]), len(keys[j]))
				if 5*shared >= 4*shorter && (len(keys[j]) > len(keys[i]) || len(keys[j]) == len(keys[i]) && j < i) {
					drop = true
					break
				}
				// "Bí thư Hà Nội" next to "Bí thư Thành ủy".
				if r.placeOnly && !roles[j].placeOnly {
					drop = true
					break
				}
			}
		}
		if !drop {
			text := d.span(r.s, r.e)
			if r.ce > r.cs {
				text += " " + d.span(r.cs, r.ce)
			}
			out = append(out, oneLine(text))
		}
	}
	return out
}

// sameTitle reports whether two roles start with the same title words.
func (d *doc) sameTitle(a, b roleRef) bool {
	if a.te-a.s != b.te-b.s {
		return false
	}
	for k := 0; k < a.te-a.s; k++ {
		if d.key(a.s+k) != d.key(b.s+k) {
			return false
		}
	}
	return true
}

// oneLine replaces each run of white space holding a line break with one
// space: a role or a name is never stored across lines.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
