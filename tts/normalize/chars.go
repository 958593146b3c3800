package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// shape classifies a numeric token as a time ('t'), a date or ratio
// ('d') or a plain number ('n'), so that a free-standing dash only reads
// "đến" between numbers of the same shape ("2021 - 2025", not
// "7-3-2026 - 07:13").
func shape(c string) byte {
	switch {
	case isTime(c):
		return 't'
	case strings.ContainsAny(c, "/-–"):
		return 'd'
	}
	parts, seps, _ := scanNumeric(c)
	if len(parts) == 3 && seps[0] == "." && seps[1] == "." && validDate(parts[0], parts[1], parts[2]) {
		return 'd'
	}
	return 'n'
}

// isShouting reports whether w is a capitalised word of two letters or
// more.
func isShouting(w string) bool {
	return utf8.RuneCountInString(w) >= 2 && isAcronym(w)
}

func isBullet(s string) bool { return s == "•" || s == "*" || s == "·" }

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func startsWithUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// capitalisable reports whether an expansion of the token may be
// capitalised at a sentence start: the written token began with a capital
// or a digit.
func capitalisable(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '$'
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
