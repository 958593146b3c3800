package normalize

import "strings"

// read returns the spoken form of one token core and whether it changed.
func (n *normalizer) read(c string, nb neighbours) (string, bool) {
	if s, ok := abbreviations[c]; ok {
		return s, true
	}
	if startsWithDigit(c) || (len(c) > 1 && c[0] == '$' && c[1] >= '0' && c[1] <= '9') {
		var sp spoken
		n.numeric(&sp, c, nb)
		return sp.String(), true
	}
	if v := roman(c); v > 0 && (romanNeighbours(nb) || (len(c) >= 2 && onlyIVX(c) && !nb.shouting)) {
		var sp spoken
		n.ordinalOrCardinal(&sp, uint64(v), nb)
		return sp.String(), true
	}
	if len(c) == 7 && c[0] == 'Q' && c[1] >= '1' && c[1] <= '4' && c[2] == '/' && isDigits(c[3:]) {
		// "Q1/2024"
		var sp spoken
		sp.add("quý")
		sp.add(digitWord[c[1]-'0'])
		sp.add("năm")
		n.lx.integer(&sp, c[3:])
		return sp.String(), true
	}
	if i := strings.IndexByte(c, '/'); i > 0 && roman(c[:i]) > 0 && isDigits(c[i+1:]) {
		// "quý III/2022"
		var sp spoken
		n.lx.cardinal(&sp, uint64(roman(c[:i])))
		sp.add("năm")
		n.lx.integer(&sp, c[i+1:])
		return sp.String(), true
	}
	if allLetters(c) {
		return expandWord(c, false)
	}
	s := n.compound(c, false)
	return s, s != c
}

// ordinalOrCardinal reads v as an ordinal after "thứ" ("thứ nhất", "thứ
// tư") and as a cardinal otherwise.
func (n *normalizer) ordinalOrCardinal(sp *spoken, v uint64, nb neighbours) {
	if nb.prev1 == "thứ" {
		switch v {
		case 1:
			sp.add("nhất")
			return
		case 4:
			sp.add("tư")
			return
		}
	}
	n.lx.cardinal(sp, v)
}

// needsContext reports whether reading c may depend on the words before
// it: numbers and Roman numerals.
func needsContext(c string) bool {
	return c != "" && (c[0] >= '0' && c[0] <= '9' || strings.IndexByte("IVXLCDM$", c[0]) >= 0)
}
