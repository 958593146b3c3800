package extract

import "strings"

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
