package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps a precomposed Latin letter below foldLimit to its lower-case
// base letter without diacritics (0: no mapping). It is built once from the
// canonical decompositions.
var foldTable = buildFoldTable()

const foldLimit = 0x1F00

func buildFoldTable() *[foldLimit]rune {
	var t [foldLimit]rune
	t['đ'], t['Đ'] = 'd', 'd'
	for c := rune(0xC0); c < foldLimit; c++ {
		d := []rune(norm.NFD.String(string(c)))
		if len(d) < 2 || unicode.Is(unicode.Mn, d[0]) {
			continue
		}
		marks := true
		for _, m := range d[1:] {
			marks = marks && unicode.Is(unicode.Mn, m)
		}
		if marks {
			t[c] = unicode.ToLower(d[0])
		}
	}
	return &t
}

// foldRune returns the folded form of r, or false when r is a combining
// mark to drop.
func foldRune(r rune) (rune, bool) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, true
	case r < foldLimit && foldTable[r] != 0:
		return foldTable[r], true
	case unicode.Is(unicode.Mn, r):
		return 0, false
	}
	return unicode.ToLower(r), true
}

// NeedsFold reports whether Fold might change s: it holds upper-case or
// non-ASCII letters.
func NeedsFold[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return true
		}
	}
	return false
}

// Fold lower-cases s and removes Vietnamese diacritics: tone and vowel marks
// are dropped and đ becomes d, so "Phan Văn Mãi" folds to "phan van mai".
// Text in NFC or NFD form folds the same way.
func Fold(s string) string {
	if !NeedsFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := foldRune(r); ok {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// AppendFold appends the folded form of the UTF-8 text s to dst, as Fold
// would give it, and returns the extended slice.
func AppendFold(dst, s []byte) []byte {
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		s = s[n:]
		if f, ok := foldRune(r); ok {
			dst = utf8.AppendRune(dst, f)
		}
	}
	return dst
}

// FoldKey folds s and collapses runs of white space to single spaces, so names
// written with or without diacritics compare equal: FoldKey("Phan  Văn Mãi ")
// == FoldKey("phan van mai").
func FoldKey(s string) string {
	return strings.Join(strings.Fields(Fold(s)), " ")
}
