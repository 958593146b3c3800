package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r >= 0xC0 && r <= 0x24F {
		return r != 0xD7 && r != 0xF7
	}
	if r >= 0x1EA0 && r <= 0x1EF9 {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isUpper is unicode.IsUpper with fast paths for the Vietnamese alphabet.
func isUpper(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'A' <= r && r <= 'Z'
	case r >= 0xC0 && r <= 0xDE:
		return r != 0xD7
	case r >= 0xDF && r <= 0xFF:
		return false
	case r >= 0x1EA0 && r <= 0x1EF9:
		return r%2 == 0
	}
	return unicode.IsUpper(r)
}

func isDigit(r rune) bool {
	if r < 0x660 || r >= 0x1E00 && r <= 0x1EFF {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// toLower is unicode.ToLower with fast paths for the Vietnamese alphabet.
func toLower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 32
		}
		return r
	case r >= 0xC0 && r <= 0xDE && r != 0xD7:
		return r + 32
	case r >= 0xDF && r <= 0xFF:
		return r
	case r >= 0x1EA0 && r <= 0x1EF9:
		return r | 1
	case r >= 0x100 && r <= 0x12F || r >= 0x14A && r <= 0x177:
		return r | 1
	case r == 0x1A0 || r == 0x1AF:
		return r + 1
	}
	return unicode.ToLower(r)
}

func isMark(r rune) bool {
	return r >= 0x300 && (r < 0x370 || unicode.Is(unicode.Mn, r))
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r)
}

// domainSuffix reports whether s starts with a web domain ending such as
// "vn" or "com.vn" ("Base.vn", "VnExpress.net" are one word).
func domainSuffix(s string) bool {
	for _, suf := range [...]string{"com.vn", "vn", "com", "net", "org", "io", "ai", "asia"} {
		if strings.HasPrefix(s, suf) && (len(s) == len(suf) || !isLetterOrDigit(rune(s[len(suf)]))) {
			return true
		}
	}
	return false
}
