package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token flags.
const (
	fNum   uint8 = 1 << iota // starts with a digit
	fCap                     // first letter upper case
	fUpper                   // every letter upper case, at least two letters
	fPunct                   // a single punctuation rune
	fNL                      // preceded by a line break
	fPara                    // preceded by a blank line
	fSpace                   // preceded by white space
)

// token is one word, number or punctuation rune of the text, addressed by
// byte offsets so that scanning never copies the text.
type token struct {
	start, end int32 // byte range in the text
	fs, fe     int32 // byte range of the matching key in doc.keyText
	sent       int32 // index of the first token of the sentence
	flags      uint8
}

func (t token) is(f uint8) bool { return t.flags&f != 0 }

// tokenize splits text into tokens, appending to dst. Words keep internal
// joiners that belong to Vietnamese abbreviations and numbers: "TP.HCM",
// "TT&TT", "749/QĐ-TTg", "0,75", "6.1.2022", "30-60%".
func tokenize(dst []token, text string) []token {
	var pending uint8 // flags of the white space before the next token
	newlines := 0
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			newlines++
			pending |= fNL | fSpace
			if newlines >= 2 {
				pending |= fPara
			}
			i += size
			continue
		}
		if isSpace(r) || r == utf8.RuneError && size <= 1 && !isLetterOrDigit(r) {
			pending |= fSpace
			i += size
			continue
		}
		newlines = 0
		if !isLetterOrDigit(r) {
			dst = append(dst, token{start: int32(i), end: int32(i + size), flags: pending | fPunct})
			pending = 0
			i += size
			continue
		}
		flags := pending
		pending = 0
		if isDigit(r) {
			flags |= fNum
		} else if isUpper(r) {
			flags |= fCap
		}
		end, upper := wordEnd(text, i, flags&fCap != 0)
		if upper {
			flags |= fUpper
		}
		dst = append(dst, token{start: int32(i), end: int32(end), flags: flags})
		i = end
	}
	return dst
}

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
