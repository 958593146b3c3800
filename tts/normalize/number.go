package normalize

import "dxnews/article"

// lexicon holds the number words that differ between dialect regions.
type lexicon struct {
	// thousand is "nghìn" (north, central) or "ngàn" (south).
	thousand string
	// zeroTens joins hundreds to units when the tens digit is zero:
	// "linh" (north, central) or "lẻ" (south), as in 105.
	zeroTens string
	// fourUnits is the unit 4 after "mươi": "tư" (north) or "bốn" (south).
	fourUnits string
}

// lexiconFor returns the number words for a region. The central region and
// unknown regions use the northern (standard) forms.
func lexiconFor(r article.Region) lexicon {
	if r == article.South {
		return lexicon{thousand: "ngàn", zeroTens: "lẻ", fourUnits: "bốn"}
	}
	return lexicon{thousand: "nghìn", zeroTens: "linh", fourUnits: "tư"}
}

var digitWord = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// spoken accumulates words separated by single spaces.
type spoken struct{ b []byte }

func (s *spoken) add(w string) {
	if w == "" {
		return
	}
	if len(s.b) > 0 {
		s.b = append(s.b, ' ')
	}
	s.b = append(s.b, w...)
}

func (s *spoken) String() string { return string(s.b) }

// below1000 reads 0 < n < 1000. padded reads a group that follows a larger
// group, where Vietnamese says "không trăm" and "linh": 2005 → "hai nghìn
// không trăm linh năm".
func (lx lexicon) below1000(sp *spoken, n int, padded bool) {
	h, t, u := n/100, n/10%10, n%10
	if h > 0 || padded {
		sp.add(digitWord[h])
		sp.add("trăm")
	}
	switch {
	case t == 0 && u == 0:
	case t == 0:
		if h > 0 || padded {
			sp.add(lx.zeroTens)
		}
		sp.add(digitWord[u])
	case t == 1:
		sp.add("mười")
		if u == 5 {
			sp.add("lăm")
		} else if u > 0 {
			sp.add(digitWord[u])
		}
	default:
		sp.add(digitWord[t])
		sp.add("mươi")
		switch u {
		case 0:
		case 1:
			sp.add("mốt")
		case 4:
			sp.add(lx.fourUnits)
		case 5:
			sp.add("lăm")
		default:
			sp.add(digitWord[u])
		}
	}
}

// cardinal reads n as a Vietnamese cardinal number.
func (lx lexicon) cardinal(sp *spoken, n uint64) {
	if n == 0 {
		sp.add("không")
		return
	}
	lx.cardinalFrom(sp, n, true)
}

func (lx lexicon) cardinalFrom(sp *spoken, n uint64, leading bool) {
	const billion = 1_000_000_000
	if n >= billion {
		lx.cardinalFrom(sp, n/billion, leading)
		sp.add("tỷ")
		n %= billion
		leading = false
	}
	groups := [...]struct {
		div  uint64
		name string
	}{{1_000_000, "triệu"}, {1_000, lx.thousand}, {1, ""}}
	for _, g := range groups {
		v := int(n / g.div % 1000)
		if v == 0 {
			continue
		}
		lx.below1000(sp, v, !leading)
		sp.add(g.name)
		leading = false
	}
}

// digits reads an ASCII digit string one digit at a time.
func digits(sp *spoken, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			sp.add(digitWord[c-'0'])
		}
	}
}

// integer reads an ASCII digit string as a cardinal, ignoring leading zeros.
// Strings too long for a cardinal reading are read digit by digit.
func (lx lexicon) integer(sp *spoken, s string) {
	i := 0
	for i < len(s)-1 && s[i] == '0' {
		i++
	}
	s = s[i:]
	if len(s) > 15 {
		digits(sp, s)
		return
	}
	lx.cardinal(sp, atou(s))
}

// fraction reads the digits after a decimal separator: leading zeros one by
// one, then the rest as a number when it is short ("0,75" → "bảy mươi lăm"),
// digit by digit when long.
func (lx lexicon) fraction(sp *spoken, s string) {
	i := 0
	for i < len(s) && s[i] == '0' {
		sp.add("không")
		i++
	}
	s = s[i:]
	switch {
	case s == "":
	case len(s) <= 3:
		lx.cardinal(sp, atou(s))
	default:
		digits(sp, s)
	}
}

// atou parses an ASCII digit string of at most 19 digits.
func atou(s string) uint64 {
	var n uint64
	for i := 0; i < len(s); i++ {
		n = n*10 + uint64(s[i]-'0')
	}
	return n
}

// atoiSmall parses a short ASCII digit string, or returns -1.
func atoiSmall(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
