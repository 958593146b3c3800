package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSpelledAcronym is the longest unknown all-capitals word that is spelled
// letter by letter ("VNPT" → "vê en pê tê"). Longer ones are left to the
// speech engine, which usually reads them as a word.
const maxSpelledAcronym = 4

// expandWord returns the spoken form of a word made of letters only, and
// whether it differs from the word. inSymbol selects document-symbol
// meanings ("CP" → "chính phủ") and allows spelling longer acronyms.
func expandWord(w string, inSymbol bool) (string, bool) {
	if inSymbol {
		if s, ok := documentSymbols[w]; ok {
			return s, true
		}
	}
	if s, ok := abbreviations[w]; ok {
		return s, true
	}
	if isASCII(w) {
		if s, ok := foldedAbbreviations[strings.ToLower(w)]; ok {
			return s, true
		}
	}
	limit := maxSpelledAcronym
	if inSymbol {
		limit = 8
	}
	if isAcronym(w) && utf8.RuneCountInString(w) <= limit && !isSyllable(strings.ToLower(w)) {
		return spell(w), true
	}
	return w, false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isAcronym reports whether w is all capital letters.
func isAcronym(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// spell reads the letters of w one by one.
func spell(w string) string {
	var sp spoken
	for _, r := range w {
		if name, ok := letterNames[unicode.ToUpper(r)]; ok {
			sp.add(name)
		} else if unicode.IsLetter(r) {
			sp.add(string(r))
		}
	}
	return sp.String()
}

var (
	initials = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	nuclei = map[string]bool{
		"a": true, "e": true, "i": true, "o": true, "u": true, "y": true,
		"ai": true, "ao": true, "au": true, "ay": true, "eo": true, "eu": true, "ia": true,
		"ie": true, "iu": true, "oa": true, "oe": true, "oi": true, "oo": true, "ua": true,
		"ue": true, "ui": true, "uo": true, "uu": true, "uy": true, "ye": true,
		"ieu": true, "yeu": true, "oai": true, "oay": true, "oeo": true, "uay": true,
		"uoi": true, "uou": true, "uya": true, "uye": true, "uyu": true,
	}
	finals = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t", ""}
)

// isSyllable reports whether the lower-case word w is shaped like one
// Vietnamese syllable (initial consonant, vowel nucleus, final consonant),
// so that "SỐ" or "AN" in a capitalised headline is not spelled out.
func isSyllable(w string) bool {
	base := make([]byte, 0, len(w))
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			base = append(base, "đ"...)
		case r >= 'a' && r <= 'z':
			if r == 'f' || r == 'j' || r == 'w' || r == 'z' {
				return false
			}
			base = append(base, byte(r))
		default:
			return false
		}
	}
	b := string(base)
	for _, in := range initials {
		if !strings.HasPrefix(b, in) {
			continue
		}
		rest := b[len(in):]
		n := 0
		for n < len(rest) && strings.IndexByte("aeiouy", rest[n]) >= 0 {
			n++
		}
		if n == 0 || !nuclei[rest[:n]] {
			continue
		}
		for _, f := range finals {
			if rest[n:] == f {
				return true
			}
		}
	}
	return false
}

// roman returns the value of a canonical Roman numeral in capitals, or 0.
func roman(s string) int {
	if s == "" || len(s) > 15 {
		return 0
	}
	val := func(c byte) int {
		switch c {
		case 'I':
			return 1
		case 'V':
			return 5
		case 'X':
			return 10
		case 'L':
			return 50
		case 'C':
			return 100
		case 'D':
			return 500
		case 'M':
			return 1000
		}
		return 0
	}
	total := 0
	for i := 0; i < len(s); i++ {
		v := val(s[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && val(s[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 4000 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(n int) string {
	vals := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// onlyIVX reports whether s uses only the letters I, V and X.
func onlyIVX(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != 'I' && s[i] != 'V' && s[i] != 'X' {
			return false
		}
	}
	return s != ""
}

// letterNames spells Latin letters the way Vietnamese newsreaders do.
var letterNames = map[rune]string{
	'A': "a", 'Ă': "á", 'Â': "ớ", 'B': "bê", 'C': "xê", 'D': "đê", 'Đ': "đê",
	'E': "e", 'Ê': "ê", 'F': "ép", 'G': "gờ", 'H': "hát", 'I': "i", 'J': "giây",
	'K': "ca", 'L': "e lờ", 'M': "em", 'N': "en", 'O': "o", 'Ô': "ô", 'Ơ': "ơ",
	'P': "pê", 'Q': "quy", 'R': "e rờ", 'S': "ét", 'T': "tê", 'U': "u", 'Ư': "ư",
	'V': "vê", 'W': "vê kép", 'X': "ích", 'Y': "i", 'Z': "dét",
}
