package extract

import (
	"strings"
	"unicode/utf8"
)

// toneOf maps a toned a/e/y to its bare vowel and tone index (1..5).
var toneOf = map[rune][2]rune{
	'à': {'a', 1}, 'á': {'a', 2}, 'ả': {'a', 3}, 'ã': {'a', 4}, 'ạ': {'a', 5},
	'è': {'e', 1}, 'é': {'e', 2}, 'ẻ': {'e', 3}, 'ẽ': {'e', 4}, 'ẹ': {'e', 5},
	'ỳ': {'y', 1}, 'ý': {'y', 2}, 'ỷ': {'y', 3}, 'ỹ': {'y', 4}, 'ỵ': {'y', 5},
}

var tonedO = [6]rune{'o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'}
var tonedU = [6]rune{'u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'}

// appendWordKey appends the matching key of one word: lower case, with the old
// tone placement of syllable-final "oa", "oe" and "uy" moved to the modern
// one ("hoà" → "hòa", "uỷ" → "ủy"), so both spellings compare equal. The
// key keeps every diacritic, unlike index.Fold, which strips them for
// search; "Hà Nội" and "Ha Noi" have different keys here.
func appendWordKey(dst []byte, s string) []byte {
	start := len(dst)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	var r1, r2, r3 rune // last three runes, r1 the last
	var at1, at2 int    // byte offsets of r1, r2
	for _, r := range s {
		r = toLower(r)
		r3, r2, at2 = r2, r1, at1
		r1, at1 = r, len(dst)
		dst = utf8.AppendRune(dst, r)
	}
	if t, ok := toneOf[r1]; ok && r3 != 'q' && at2 >= start && (r2 == 'o' && t[0] != 'y' || r2 == 'u' && t[0] == 'y') {
		dst = dst[:at2]
		if r2 == 'o' {
			dst = utf8.AppendRune(dst, tonedO[t[1]])
		} else {
			dst = utf8.AppendRune(dst, tonedU[t[1]])
		}
		dst = utf8.AppendRune(dst, t[0])
	}
	return dst
}

// phraseKey returns the matching key of a phrase: the key of each word
// (appendWordKey), separated by single spaces.
func phraseKey(s string) string {
	var b []byte
	for i, w := range strings.Fields(s) {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendWordKey(b, w)
	}
	return string(b)
}
