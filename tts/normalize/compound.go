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
	segs := segments(c)
	var sp spoken
	for i, g := range segs {
		switch g.kind {
		case letters:
			segs.readLetters(&sp, i, inSymbol)
		case digitRun:
			if len(g.s) > 1 && g.s[0] == '0' {
				digits(&sp, g.s)
			} else {
				n.lx.integer(&sp, g.s)
			}
		default:
			segs.readSymbol(&sp, i)
		}
	}
	return sp.String()
}

// segKind classifies a run of a compound token.
type segKind byte

const (
	other    segKind = 'o' // one symbol
	letters  segKind = 'l'
	digitRun segKind = 'd'
)

// seg is one run of a compound token: letters, digits, or one symbol.
type seg struct {
	s    string
	kind segKind
}

// segs are a compound token's runs in order.
type segs []seg

func kindOf(r rune) segKind {
	switch {
	case r >= '0' && r <= '9':
		return digitRun
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
		return letters
	}
	return other
}

// segments cuts c into runs of letters and of digits; every other rune is
// a run of its own.
func segments(c string) segs {
	var out segs
	for i := 0; i < len(c); {
		r, size := utf8.DecodeRuneInString(c[i:])
		kind := kindOf(r)
		j := i + size
		for kind != other && j < len(c) {
			r2, s2 := utf8.DecodeRuneInString(c[j:])
			if kindOf(r2) != kind {
				break
			}
			j += s2
		}
		out = append(out, seg{c[i:j], kind})
		i = j
	}
	return out
}

// kindAt is the kind of the ith run, 0 outside the token.
func (g segs) kindAt(i int) segKind {
	if i < 0 || i >= len(g) {
		return 0
	}
	return g[i].kind
}

// readLetters reads the ith run, of letters: an address prefix ("Q.1",
// "P.5"), a known word or abbreviation, or a short lower-case acronym
// spelled out ("vn" in "mic.gov.vn").
func (g segs) readLetters(sp *spoken, i int, inSymbol bool) {
	w := g[i].s
	if (w == "Q" || w == "P") && g.kindAt(i+1) == other && g[i+1].s == "." && g.kindAt(i+2) == digitRun {
		sp.add(map[string]string{"Q": "quận", "P": "phường"}[w])
		return
	}
	s, changed := expandWord(w, inSymbol)
	if !changed && isLowerASCII(w) && len(w) <= maxSpelledAcronym && !isSyllable(w) {
		s = spell(w)
	}
	sp.add(s)
}

// symbolWords are the symbols read the same wherever they stand.
var symbolWords = map[string]string{
	"&": "và", "%": "phần trăm", "+": "cộng", "@": "a còng", "°": "độ", "$": "đô la",
}

// readSymbol reads the ith run, one symbol: a dot between digits or
// lower-case words is "chấm", a comma between digits "phẩy", a slash
// "mỗi" before a per-word and "trên" after a unit; other punctuation is
// silent.
func (g segs) readSymbol(sp *spoken, i int) {
	sym := g[i].s
	if w, ok := symbolWords[sym]; ok {
		sp.add(w)
		return
	}
	before, after := g.kindAt(i-1), g.kindAt(i+1)
	switch sym {
	case ".":
		if before == digitRun && after == digitRun ||
			before == letters && after == letters && isLowerASCII(g[i-1].s) && isLowerASCII(g[i+1].s) {
			sp.add("chấm")
		}
	case ",":
		if before == digitRun && after == digitRun {
			sp.add("phẩy")
		}
	case "/":
		if after == letters && perWords[g[i+1].s] {
			sp.add("mỗi")
		} else if i > 0 {
			if _, ok := units[g[i-1].s]; ok && after == letters {
				sp.add("trên")
			}
		}
	}
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
			n.numeric(&d, p, neighbours{})
			sp.add(d.String())
		} else {
			sp.add(n.compound(p, false))
		}
	}
	return sp.String()
}
