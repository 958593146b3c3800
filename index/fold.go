package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps a precomposed Latin letter to its base letter without
// diacritics, built once from the canonical decompositions.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]rune {
	t := map[rune]rune{'đ': 'd', 'Đ': 'D'}
	for _, r := range []struct{ lo, hi rune }{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for c := r.lo; c <= r.hi; c++ {
			d := []rune(norm.NFD.String(string(c)))
			if len(d) < 2 || d[0] >= utf8.RuneSelf {
				continue
			}
			marks := true
			for _, m := range d[1:] {
				if !unicode.Is(unicode.Mn, m) {
					marks = false
					break
				}
			}
			if marks {
				t[c] = d[0]
			}
		}
	}
	return t
}

// Fold lower-cases s and removes Vietnamese diacritics: tone and vowel marks
// are dropped and đ becomes d, so "Phan Văn Mãi" folds to "phan van mai".
// Text in NFC or NFD form folds the same way.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= utf8.RuneSelf {
			if base, ok := foldTable[r]; ok {
				r = base
			} else if unicode.Is(unicode.Mn, r) {
				continue
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// FoldKey folds s and collapses runs of white space to single spaces, so names
// written with or without diacritics compare equal: FoldKey("Phan  Văn Mãi ")
// == FoldKey("phan van mai").
func FoldKey(s string) string {
	return strings.Join(strings.Fields(Fold(s)), " ")
}
