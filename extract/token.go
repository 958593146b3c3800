package extract

import (
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
