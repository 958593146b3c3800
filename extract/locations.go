package extract

import (
	"dxnews/article"
	"slices"
	"unicode"
)

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
				canon = phraseKey(d.span(i-local, i)) + " " + canon // "phường Thái Bình" is not the province
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
			canon = phraseKey(d.span(i, i+n))
		} else if n = d.listedPlace(i, listFrom); n > 0 {
			canon = phraseKey(d.span(i, i+n))
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
			if isUpperText(out[at].Name) || local > 0 && phraseKey(out[at].Name) == canon {
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
	cur := merged34[phraseKey(canon[0])]
	for _, c := range canon {
		if merged34[phraseKey(c)] != cur {
			return ""
		}
	}
	for i, c := range canon {
		if phraseKey(c) == phraseKey(cur) {
			return surface[i]
		}
	}
	return ""
}
