// Package extract finds the entities of Vietnamese government and
// digital-transformation news: people and their roles, numbered decisions,
// targets, organisations and places. It is a hand-written scanner over
// syllable tokens with gazetteers embedded in the binary (family names,
// titles, organisation heads, ministries and agencies, the 63-province and
// the 34-province maps); no model, no network.
//
// The rules follow the corpus annotation guide:
//
//   - People are full names (family name + given names, or any capitalised
//     name after ông/bà/đồng chí), with every role the text states: titles
//     before the name, appositions after it, roles in brackets, split
//     constructions ("Ban chỉ đạo có Trưởng ban là ông X", "X làm Phó
//     Trưởng ban"), plural titles over lists of names. Short mentions
//     ("ông Mãi") resolve to the full name. Office holders without a name
//     produce no person; bylines and photo credits are authors.
//   - Decisions are documents with a number, in any written form, merged by
//     kind and number; issuer from the text or the symbol, ISO date when
//     stated, subject from "về việc …", "phê duyệt …" and the like, up to
//     the end of its clause. An anaphoric issuer ("UBND tỉnh") is completed
//     with the one named organisation that spells it out, else with the
//     text's only province (provinces merged in July 2025 into one the text
//     names count as that one); with several, it stays as written.
//   - Targets are figures after a goal cue (mục tiêu, chỉ tiêu, phấn đấu,
//     bảo đảm, đến năm …) or in the clause a trailing "đến năm X" closes,
//     and before any achieved cue (đã, đạt được, tính đến, nhưng mới đạt …)
//     in the same sentence; a heading ("Mục tiêu cụ thể:", "I. MỤC TIÊU")
//     carries its cue to the lines below. Counts of things are not
//     targets; a repeated target keeps the richer qualifier and metric.
//   - Organisations and places keep the written form; variants are merged
//     with [Key], which expands the usual abbreviations.
//
// Mentions are byte offsets into the NFC-normalised text.
package extract

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"dxnews/article"
)

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Entities extracts the entities of text. The text is NFC-normalised first;
// mentions are byte offsets into the NFC form. Slices are never nil.
func Entities(text string) article.Entities {
	e, _ := EntitiesWithAuthors(text)
	return e
}

// EntitiesWithAuthors is Entities that also returns the names found in
// bylines and photo credits, which are not reported as people.
func EntitiesWithAuthors(text string) (article.Entities, []string) {
	e, authors, _ := entities(text, false)
	return e, authors
}

// Explain is Entities with the evidence for each target, in the order of
// the targets: the cue or the heading or lead-in that made its value a
// goal, and the words that gave it its year.
func Explain(text string) (article.Entities, []Evidence) {
	e, _, ev := entities(text, true)
	if ev == nil {
		ev = []Evidence{}
	}
	return e, ev
}

func entities(text string, explain bool) (article.Entities, []string, []Evidence) {
	text = toNFC(text)
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.toks = tokenize(sc.toks[:0], text)
	d := newDocWith(text, sc.toks, sc)
	sc.arena = sc.arena[:0]
	d.arena = &sc.arena
	defer func() {
		clear(sc.arena)
		d.arena = nil
	}()
	sc.skip = bools(sc.skip, len(sc.toks))
	sc.inName = bools(sc.inName, len(sc.toks))
	skip := sc.skip
	authors := d.findCredits(skip)

	orgs := d.findOrgs()
	people, inName := d.findPeople(orgs, skip, sc.inName)
	d.names = inName
	locs, mainPlace, province := d.findLocations(skip, inName)
	sc.lines = d.buildOutline(sc.lines)
	targets, evidence := d.findTargets(sc.lines, skip, mainPlace, explain)
	e := article.Entities{
		People:        people,
		Decisions:     d.findDecisions(province, orgs),
		Targets:       targets,
		Organizations: d.organizations(orgs, skip),
		Locations:     locs,
	}
	e.Normalize()
	if authors == nil {
		authors = []string{}
	}
	return e, authors, evidence
}

// findLocations returns each place once (by canonical name, named as first
// written), the surface form of the most mentioned place, and the surface
// form of the province or centrally-run city when the text names exactly
// one.
func (d *doc) findLocations(skip, inName []bool) ([]article.Location, string, string) {
	var out []article.Location
	var provs, provSurface []string // provinces named, canonical and as written
	listFrom := -1                  // token after the last place of "các phường A, B …"
	viaList := false
	index := map[string]int{}
	for i := 0; i < len(d.toks); i++ {
		if skip[i] || inName[i] {
			continue
		}
		p, n := d.placeAt(i)
		var canon string
		local := 0 // tokens of a prefix naming a unit below a province: "xã", "huyện", "phường"
		if pl := d.endsAt(i-1, placePrefixes); pl > 0 && !d.is(i-pl, "tỉnh") && !d.isAny(i-pl-1, "các", "hai", "ba", "bốn") {
			local = pl
		}
		if n > 0 {
			canon = places.phrases[p].value
			prov := places.phrases[p].flags == "p"
			if prov && local > 0 && (d.is(i-local, "thành") || d.is(i-local, "tp")) {
				local = 0 // "thành phố Đà Nẵng" is the province-level city
			}
			if prov && local > 0 {
				canon = fold(d.span(i-local, i)) + " " + canon // "phường Thái Bình" is not the province
				prov = false
			}
			if prov {
				if at := slices.Index(provs, canon); at < 0 {
					provs = append(provs, canon)
					provSurface = append(provSurface, d.span(i, i+n))
				} else if isUpperText(provSurface[at]) {
					provSurface[at] = d.span(i, i+n) // "Nghệ An" over a headline's "NGHỆ AN"
				}
			}
		} else if n = d.unlistedPlace(i); n > 0 {
			canon = fold(d.span(i, i+n))
		} else if n = d.listedPlace(i, listFrom); n > 0 {
			canon = fold(d.span(i, i+n))
			viaList = true
		} else {
			continue
		}
		if pl := d.endsAt(i-1, placePrefixes); viaList || pl > 0 && d.isAny(i-1-pl, "các", "hai", "ba", "bốn") {
			listFrom = i + n
		} else {
			listFrom = -1
		}
		viaList = false
		// A unit below a province keeps its prefix: "xã Hòa Phú",
		// "huyện Đông Hưng", "TP. Buôn Ma Thuột".
		m := article.Mention{Start: int(d.toks[i-local].start), End: int(d.toks[i+n-1].end)}
		name := d.span(i-local, i+n)
		if at, ok := index[canon]; ok {
			out[at].Mentions = append(out[at].Mentions, m)
			if isUpperText(out[at].Name) || local > 0 && fold(out[at].Name) == canon {
				out[at].Name = name
			}
		} else {
			index[canon] = len(out)
			out = append(out, article.Location{Name: name, Mentions: []article.Mention{m}})
		}
		i += n - 1
	}
	main, best, second := "", 0, 0
	for _, l := range out {
		switch n := len(l.Mentions); {
		case n > best:
			main, best, second = l.Name, n, best
		case n > second:
			second = n
		}
	}
	if best == second {
		main = "" // no place dominates the text
	}
	return out, main, soleProvince(provs, provSurface)
}

// isUpperText reports whether s has no lower-case letter (a headline's
// "NGHỆ AN").
func isUpperText(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// soleProvince returns the one province a text is about: the only one it
// names, or the one of the 34-province map that all the named ones were
// merged into when the text names it too ("Phú Thọ" beside "Vĩnh Phúc"
// and "Hòa Bình"); "" when the text is about several.
func soleProvince(canon, surface []string) string {
	switch len(canon) {
	case 0:
		return ""
	case 1:
		return surface[0]
	}
	cur := merged34[fold(canon[0])]
	for _, c := range canon {
		if merged34[fold(c)] != cur {
			return ""
		}
	}
	for i, c := range canon {
		if fold(c) == fold(cur) {
			return surface[i]
		}
	}
	return ""
}

// listedPlace returns the length of a capitalised place name continuing a
// list opened by a plural prefix ("các phường Ninh Kiều, Cái Răng và …")
// at i, where from is the token after the previous place of the list.
func (d *doc) listedPlace(i, from int) int {
	if !d.capWord(i) || !d.listOpener(i-1) && (from < 0 || i-1 != from || !(d.punct(i-1, ",") || d.is(i-1, "và"))) {
		return 0
	}
	if d.nameLen(i) > 0 {
		return 0
	}
	n := 0
	for n < 3 && d.capWord(i+n) && !d.toks[i+n].is(fNL) {
		if p, _ := d.title(i + n); p >= 0 {
			return 0
		}
		if p, _ := d.orgHead(i + n); p >= 0 {
			return 0
		}
		n++
	}
	if d.capWord(i + n) {
		return 0
	}
	return n
}

// organizations turns organisation mentions into one entry per entity, in
// its most complete written form. Mentions are matched by key through maps
// from each key and each of its prefixes, so the cost grows with the number
// of mentions, not with its square.
func (d *doc) organizations(orgs []orgSpan, skip []bool) []article.Organization {
	type agg struct {
		name   string
		key    []string
		joined string // key joined by keySep
		toks   int
		from   int // the org whose key is key
		ms     []article.Mention
		idx    int // order of creation
		gone   bool
	}
	keys := make([][]string, len(orgs))
	joined := make([]string, len(orgs))
	for x, o := range orgs {
		if skip[o.start] || d.inName(o.start) || o.end <= o.headEnd && o.committee != 0 {
			continue
		}
		if d.is(o.start, "chính") && d.isAny(o.start-1, "tướng") {
			if !d.primeMinisterOffice(o.start-2, o.end) {
				continue
			}
			o.start -= 2
			orgs[x] = o
		}
		keys[x] = orgKey(d.orgKeys(o.start, o.end))
		joined[x] = strings.Join(keys[x], keySep)
	}
	amb := ambiguousPrefixes(keys, joined)
	ambiguous := func(x int) bool { return amb[joined[x]] }
	var list []*agg
	// The entry with each current key, and the first-created entry whose
	// key extends each proper prefix (keys only ever grow, so an entry
	// stays valid for every prefix it was filed under).
	byKey := make(map[string]*agg, len(orgs))
	byPrefix := make(map[string]*agg, 2*len(orgs))
	index := func(a *agg, from int) {
		if b := byKey[a.joined]; b == nil || b.joined != a.joined || a.idx < b.idx {
			byKey[a.joined] = a
		}
		for n := max(from, 1); n < len(a.key); n++ {
			p := a.joined[:prefixLen(a.key, n)]
			if b := byPrefix[p]; b == nil || a.idx < b.idx {
				byPrefix[p] = a
			}
		}
	}
	for x, o := range orgs {
		key := keys[x]
		if key == nil {
			continue
		}
		j := joined[x]
		name := d.orgName(o.start, o.end)
		m := article.Mention{Start: int(d.toks[o.start].start), End: int(d.toks[o.end-1].end)}
		// The first entry, in order of creation, that this mention names:
		// one with the same key, one whose key extends it (unless the
		// mention could extend to several), or one whose key it extends
		// (unless that entry's key could).
		best, extend := -1, false
		consider := func(a *agg, ext bool) {
			if best < 0 || a.idx < best {
				best, extend = a.idx, ext
			}
		}
		if a := byKey[j]; a != nil && a.joined == j {
			consider(a, false)
		}
		if a := byPrefix[j]; a != nil && !ambiguous(x) {
			consider(a, false)
		}
		for n := len(key) - 1; n >= 1; n-- {
			p := j[:prefixLen(key, n)]
			if a := byKey[p]; a != nil && a.joined == p && !ambiguous(a.from) {
				consider(a, true)
			}
		}
		if best < 0 {
			a := &agg{name: name, key: key, joined: j, toks: o.end - o.start, from: x, ms: []article.Mention{m}, idx: len(list)}
			list = append(list, a)
			index(a, 1)
			continue
		}
		a := list[best]
		if extend {
			old := len(a.key)
			a.name, a.key, a.joined, a.toks, a.from = name, key, j, o.end-o.start, x
			index(a, old)
		} else if len(key) == len(a.key) && o.end-o.start > a.toks {
			// The spelled-out form of the same name: "Bộ Khoa học và
			// Công nghệ" over "Bộ KH&CN".
			a.name, a.toks = name, o.end-o.start
		}
		a.ms = append(a.ms, m)
	}
	// "Sở TT&TT tỉnh Thái Nguyên" and "Sở TT&TT Thái Nguyên" are one.
	var byPlain map[string]*agg
	for _, a := range list {
		if !hasUnitWord(a.key) {
			continue
		}
		if byPlain == nil {
			byPlain = map[string]*agg{}
		}
		pk := strings.Join(withoutUnitWords(a.key), keySep)
		if b, ok := byPlain[pk]; ok {
			b.ms = append(b.ms, a.ms...)
			a.gone = true
			continue
		}
		byPlain[pk] = a
	}
	for _, a := range list {
		if byPlain == nil || a.gone || hasUnitWord(a.key) {
			continue
		}
		if b, ok := byPlain[a.joined]; ok && b != a && !b.gone {
			a.ms = append(a.ms, b.ms...)
			a.name = b.name // the fuller form, with "tỉnh"
			b.gone = true
		}
	}
	// An acronym that a longer name spells out in brackets or after a dash
	// ("Hiệp hội … (VINASA)") is that organisation.
	short := func(a *agg) (ok, committee bool) {
		last := a.key[len(a.key)-1]
		committee = len(a.key) > 3 && (a.key[0] == "ban" && a.key[1] == "chỉ" || a.key[0] == "tổ" && a.key[1] == "công" || a.key[0] == "hội" && a.key[1] == "đồng") &&
			(last == "tỉnh" || last == "phố" || last == "huyện")
		return !a.gone && (committee || len(a.key) <= 4 && (len(a.key) <= 1 || isAcronym(a.name))), committee
	}
	var byWord map[string][]*agg // only the words of the short names
	for _, a := range list {
		if ok, _ := short(a); ok {
			if byWord == nil {
				byWord = map[string][]*agg{}
			}
			for _, k := range a.key {
				byWord[k] = nil
			}
		}
	}
	if byWord != nil {
		for _, a := range list {
			for i, k := range a.key {
				if ws, ok := byWord[k]; ok && !slices.Contains(a.key[:i], k) {
					byWord[k] = append(ws, a)
				}
			}
		}
	}
	for _, a := range list {
		ok, committee := short(a)
		if !ok || len(a.key) == 1 && a.key[0] == "đảng" {
			continue // the Party is not the "Đảng" of "Đảng bộ tỉnh"
		}
		// "Ban chỉ đạo chuyển đổi số tỉnh", pointing back with "tỉnh",
		// is "Ban chỉ đạo thực hiện chương trình chuyển đổi số tỉnh Thái
		// Nguyên" when that is the only name holding all its words.
		rare := byWord[a.key[0]]
		for _, k := range a.key[1:] {
			if len(byWord[k]) < len(rare) {
				rare = byWord[k]
			}
		}
		var into *agg
		for _, b := range rare {
			if b != a && !b.gone && len(b.key) > len(a.key) && containsAll(b.key, a.key) {
				if into != nil && committee {
					into = nil // two committees could be meant
					break
				}
				into = b
				if !committee {
					break
				}
			}
		}
		if into != nil {
			into.ms = append(into.ms, a.ms...)
			a.gone = true
		}
	}
	out := make([]article.Organization, 0, len(list))
	for _, a := range list {
		if a.gone {
			continue
		}
		sort.Slice(a.ms, func(i, j int) bool { return a.ms[i].Start < a.ms[j].Start })
		out = append(out, article.Organization{Name: a.name, Mentions: a.ms})
	}
	return out
}

// innerGloss returns the brackets [p, q] inside the organisation [s, e)
// that gloss the words before them with an abbreviation ("Sở Giáo dục và
// Đào tạo (GD&ĐT) Hà Tĩnh"), or -1, -1. A gloss at the end stays part of
// the name written.
func (d *doc) innerGloss(s, e int) (int, int) {
	for p := s + 1; p < e-2; p++ {
		if !d.punct(p, "(") {
			continue
		}
		q := p + 1
		for q < e && q <= p+3 && !d.punct(q, ")") {
			if !d.toks[q].is(fUpper) && !strings.Contains(d.word(q), "&") {
				return -1, -1
			}
			q++
		}
		if q < e-1 && d.punct(q, ")") && q > p+1 {
			return p, q
		}
		return -1, -1
	}
	return -1, -1
}

// orgName is the organisation [s, e) as written, without an inner gloss.
func (d *doc) orgName(s, e int) string {
	if p, q := d.innerGloss(s, e); p >= 0 {
		return d.span(s, p) + " " + d.span(q+1, e)
	}
	return d.span(s, e)
}

// orgKeys are the keys of the organisation [s, e) for matching its other
// mentions, an inner gloss moved to the end: "Sở Giáo dục và Đào tạo
// (GD&ĐT) Hà Tĩnh" extends "Sở GD&ĐT Hà Tĩnh", and "IOC Huế" still finds
// the name that spells it out.
func (d *doc) orgKeys(s, e int) []string {
	if p, q := d.innerGloss(s, e); p >= 0 {
		return d.keysOf(d.keysOf(d.keysOf(nil, s, p), q+1, e), p+1, q)
	}
	return d.keysOf(nil, s, e)
}

// primeMinisterOffice reports whether "Thủ tướng Chính phủ" at [s, e)
// names the office that issues and receives documents ("Quyết định … của
// Thủ tướng Chính phủ", "báo cáo Thủ tướng Chính phủ") rather than a
// person's title: not after "Phó" or an apposition's comma or dash, and
// not before a name.
func (d *doc) primeMinisterOffice(s, e int) bool {
	if !d.seq(s, "thủ tướng") || d.is(s-1, "phó") || d.punct(s-1, ",") || d.isDash(s-1) || d.punct(s-1, "(") {
		return false
	}
	return d.nameLen(e) == 0 && d.nameLen(e+d.honorificAt(e)) == 0
}

// hasUnitWord reports whether withoutUnitWords would drop a word of k.
func hasUnitWord(k []string) bool {
	for i := 1; i < len(k)-1; i++ {
		if k[i] == "tỉnh" || k[i] == "thành" && k[i+1] == "phố" && i < len(k)-2 {
			return true
		}
	}
	return false
}

// withoutUnitWords drops "tỉnh" and "thành phố" from the inside of a key,
// where they stand before a place name.
func withoutUnitWords(k []string) []string {
	var out []string
	for i := 0; i < len(k); i++ {
		switch {
		case i > 0 && i < len(k)-1 && k[i] == "tỉnh":
			continue
		case i > 0 && i < len(k)-2 && k[i] == "thành" && k[i+1] == "phố":
			i++
			continue
		}
		out = append(out, k[i])
	}
	return out
}

// keySep joins the words of an organisation key into a map key.
const keySep = "\x1f"

// prefixLen is the length in bytes of the first n words of key joined by
// keySep.
func prefixLen(key []string, n int) int {
	l := n - 1
	for _, k := range key[:n] {
		l += len(k)
	}
	return l
}

// ambiguousPrefixes returns the keys (joined) that two of keys extend in
// different ways ("tỉnh Thái Nguyên" and "Thái Nguyên" are one way; an
// anaphoric "… của tỉnh" is none): "Sở TT&TT" beside "Sở TT&TT Sóc Trăng"
// and "Sở TT&TT Hậu Giang" names neither.
func ambiguousPrefixes(keys [][]string, joined []string) map[string]bool {
	first := map[string][]string{}
	amb := map[string]bool{}
	for x, k := range keys {
		for n := 1; n < len(k); n++ {
			rest := withoutPlacePrefix(k[n:])
			if len(rest) == 1 && rest[0] == "tỉnh" || len(rest) == 2 && rest[0] == "thành" && rest[1] == "phố" {
				continue // an anaphoric "… của thành phố" is not another way
			}
			p := joined[x][:prefixLen(k, n)]
			switch f, ok := first[p]; {
			case !ok:
				first[p] = rest
			case !prefixOf(f, rest) && !prefixOf(rest, f):
				amb[p] = true
			}
		}
	}
	return amb
}

// withoutPlacePrefix drops a leading "tỉnh" or "thành phố" from keys.
func withoutPlacePrefix(k []string) []string {
	switch {
	case len(k) > 1 && k[0] == "tỉnh":
		return k[1:]
	case len(k) > 2 && k[0] == "thành" && k[1] == "phố":
		return k[2:]
	}
	return k
}

// isAcronym reports whether a name starts with an upper-case acronym
// ("IOC Huế").
func isAcronym(name string) bool {
	n := 0
	for _, r := range name {
		if r == ' ' {
			break
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// containsAll reports whether every key of sub occurs in keys.
func containsAll(keys, sub []string) bool {
	for _, k := range sub {
		if !slices.Contains(keys, k) {
			return false
		}
	}
	return true
}

func prefixOf(a, b []string) bool {
	if len(a) > len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// listOpener reports whether token k is the ":" of "các huyện:", which
// opens a list of places.
func (d *doc) listOpener(k int) bool {
	if !d.punct(k, ":") {
		return false
	}
	pl := d.endsAt(k-1, placePrefixes)
	return pl > 0 && d.isAny(k-1-pl, "các", "hai", "ba", "bốn")
}

// inPlaceList reports whether token i follows, through a run of short
// capitalised items separated by commas, a list opener such as "các
// huyện:" or "các xã": "Quan Hoá" there is a district, not a person.
func (d *doc) inPlaceList(i int) bool {
	k := i - 1
	for items := 0; items < 16 && k > 0; items++ {
		if d.listOpener(k) {
			return true
		}
		if !d.punct(k, ",") && !d.is(k, "và") {
			if pl := d.endsAt(k, placePrefixes); pl > 0 && d.isAny(k-pl, "các", "hai", "ba", "bốn") {
				return true
			}
			return false
		}
		k--
		for n := 0; n < 4 && k > 0 && d.capWord(k); n++ {
			k--
		}
		if d.capWord(k) {
			return false
		}
	}
	return false
}

// unlistedPlace returns the length of a capitalised place name that is not
// in the gazetteer but follows an administrative prefix: "xã Tam Thăng",
// "TP Tam Kỳ", "huyện Gia Lâm".
func (d *doc) unlistedPlace(i int) int {
	if !d.capWord(i) {
		return 0
	}
	pre := d.endsAt(i-1, placePrefixes)
	if pre == 0 || d.capOrAbbr(i-pre) && !d.is(i-pre, "tp") {
		return 0
	}
	if d.nameLen(i) > 0 {
		return 0
	}
	n := 0
	for n < 3 && d.capWord(i+n) && !d.toks[i+n].is(fNL) {
		if p, _ := d.title(i + n); p >= 0 {
			break
		}
		if p, _ := d.orgHead(i + n); p >= 0 {
			break
		}
		if n > 0 && d.nameLen(i+n) > 2 {
			break // "phường Hạc Thành Nguyễn Văn Tuấn"
		}
		n++
	}
	if n > 0 && d.capWord(i+n) && !d.nameStart(i+n) {
		return 0 // a longer capitalised run is something else
	}
	return n
}

// orgKey drops the function words that written variants of one
// organisation name add or leave out ("Ban chỉ đạo về chuyển đổi số của
// TP.HCM" = "Ban chỉ đạo chuyển đổi số TP.HCM"). It filters keys in place.
func orgKey(keys []string) []string {
	out := keys[:0]
	for _, k := range keys {
		switch k {
		case "về", "của":
			continue
		}
		out = append(out, k)
	}
	return out
}
