package extract

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Key returns the comparison key of an organisation, place or role name:
// case-folded, tone placement unified, abbreviations expanded ("UBND",
// "TP.HCM", "TT&TT", "KH&CN", "BCH T.Ư", "ĐBQH", …), punctuation and "và"
// dropped. Names with equal keys are written variants of one name:
// Key("UBND TP.HCM") == Key("Ủy ban nhân dân Thành phố Hồ Chí Minh").
func Key(name string) string {
	return strings.Join(matchKey(norm.NFC.String(name)), " ")
}

// CanonicalPlace returns the gazetteer name of a province, city, region or
// country written in any known form ("TPHCM", "Thành phố Hồ Chí Minh",
// "Thanh Hoá", "tỉnh Hà Giang"), and whether the place is known.
func CanonicalPlace(name string) (string, bool) {
	name = norm.NFC.String(strings.TrimSpace(name))
	d := newDoc(name, tokenize(nil, name))
	i := d.placePrefixAt(0)
	if p, n := places.match(d, i); p >= 0 && i+n == len(d.toks) {
		return places.phrases[p].value, true
	}
	if p, n := places.match(d, 0); p >= 0 && n == len(d.toks) {
		return places.phrases[p].value, true
	}
	return "", false
}
