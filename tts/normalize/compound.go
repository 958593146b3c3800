package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// compound reads a token mixing letters, digits and symbols part by part
// ("COVID-19", "H5N1", "QĐ-TTg", "sở/ngành").
func (n *normalizer) compound(c string, inSymbol bool) string {
	if inSymbol {
		if s, ok := documentSymbols[c]; ok {
			return s
		}
	}
	if s, ok := abbreviations[c]; ok {
		return s
	}
	if s, ok := foldedAbbreviations[strings.ToLower(c)]; ok {
		return s
	}
	if !inSymbol && strings.Contains(c, "/") {
		return n.slashWords(c)
	}
	type seg struct {
		s    string
		kind byte // 'l' letters, 'd' digits, 'o' other
	}
	var segs []seg
	for i := 0; i < len(c); {
		r, size := utf8.DecodeRuneInString(c[i:])
		kind := byte('o')
		switch {
		case r >= '0' && r <= '9':
			kind = 'd'
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			kind = 'l'
		}
		j := i + size
		if kind != 'o' {
			for j < len(c) {
				r2, s2 := utf8.DecodeRuneInString(c[j:])
				k2 := byte('o')
				switch {
				case r2 >= '0' && r2 <= '9':
					k2 = 'd'
				case unicode.IsLetter(r2) || unicode.Is(unicode.Mn, r2):
					k2 = 'l'
				}
				if k2 != kind {
					break
				}
				j += s2
			}
		}
		segs = append(segs, seg{c[i:j], kind})
		i = j
	}
	var sp spoken
	kindAt := func(i int) byte {
		if i < 0 || i >= len(segs) {
			return 0
		}
		return segs[i].kind
	}
	for i, g := range segs {
		switch g.kind {
		case 'l':
			if (g.s == "Q" || g.s == "P") && kindAt(i+1) == 'o' && segs[i+1].s == "." && kindAt(i+2) == 'd' {
				// "Q.1", "P.5" in addresses
				sp.add(map[string]string{"Q": "quận", "P": "phường"}[g.s])
				continue
			}
			s, changed := expandWord(g.s, inSymbol)
			if !changed && isLowerASCII(g.s) && len(g.s) <= maxSpelledAcronym && !isSyllable(g.s) {
				// "vn" in "mic.gov.vn"
				s = spell(g.s)
			}
			sp.add(s)
		case 'd':
			if len(g.s) > 1 && g.s[0] == '0' {
				digits(&sp, g.s)
			} else {
				n.lx.integer(&sp, g.s)
			}
		default:
			switch g.s {
			case "&":
				sp.add("và")
			case "%":
				sp.add("phần trăm")
			case "+":
				sp.add("cộng")
			case "@":
				sp.add("a còng")
			case "°":
				sp.add("độ")
			case "$":
				sp.add("đô la")
			case ".":
				if kindAt(i-1) == 'd' && kindAt(i+1) == 'd' ||
					kindAt(i-1) == 'l' && kindAt(i+1) == 'l' && isLowerASCII(segs[i-1].s) && isLowerASCII(segs[i+1].s) {
					sp.add("chấm")
				}
			case ",":
				if kindAt(i-1) == 'd' && kindAt(i+1) == 'd' {
					sp.add("phẩy")
				}
			case "/":
				if kindAt(i+1) == 'l' && perWords[segs[i+1].s] {
					sp.add("mỗi")
				} else if i > 0 {
					if _, ok := units[segs[i-1].s]; ok && kindAt(i+1) == 'l' {
						sp.add("trên")
					}
				}
			}
		}
	}
	return sp.String()
}

// slashWords reads words joined by slashes: "người/km2" → "người mỗi ki
// lô mét vuông", "km/h" parts → "trên", "sở/ngành" → "sở ngành".
func (n *normalizer) slashWords(c string) string {
	var sp spoken
	parts := strings.Split(c, "/")
	for i, p := range parts {
		if i > 0 {
			_, prevUnit := units[parts[i-1]]
			switch {
			case perWords[p]:
				sp.add("mỗi")
			case prevUnit && p != "":
				sp.add("trên")
			}
		}
		if p == "" {
			continue
		}
		if u, ok := abbreviations[p]; ok {
			sp.add(u)
		} else if u, ok := units[p]; ok && i > 0 {
			sp.add(u)
		} else if startsWithDigit(p) {
			var d spoken
			n.numeric(&d, p, context{})
			sp.add(d.String())
		} else {
			sp.add(n.compound(p, false))
		}
	}
	return sp.String()
}
