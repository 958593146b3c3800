package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	terminators = ".!?…"
	closers     = "\"'”’)]}»›"
)

// Sentences splits normalised or raw text into sentences. It splits after
// . ! ? … (and any closing quotes or brackets) when whitespace and then a
// capital letter, a digit or other non-lower-case character follow, and at
// line breaks, so a heading without final punctuation is its own sentence.
// It keeps abbreviations ("TP.HCM", "Th.S", "TP. Hồ Chí Minh"), decimals
// ("2,5"), thousands ("1.200") and dates ("24/9/2021", "18.1.2022")
// intact. A single line break followed by a lower-case letter is taken as
// a wrapped line, not a break. Sentences are trimmed; empty ones dropped.
func Sentences(s string) []string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var out []string
	add := func(t string) {
		if t = strings.TrimSpace(t); t != "" {
			if needsCollapse(t) {
				t = strings.Join(strings.Fields(t), " ")
			}
			out = append(out, t)
		}
	}
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			j, newlines := i, 0
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				if r2 == '\n' {
					newlines++
				} else if !unicode.IsSpace(r2) {
					break
				}
				j += s2
			}
			next, _ := utf8.DecodeRuneInString(s[j:])
			if newlines > 1 || j == len(s) || !unicode.IsLower(next) {
				add(s[start:i])
				start = j
			}
			i = j
			continue
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + size
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				if !strings.ContainsRune(terminators, r2) && !strings.ContainsRune(closers, r2) {
					break
				}
				j += s2
			}
			if j == len(s) {
				add(s[start:j])
				start = j
				i = j
				continue
			}
			r2, _ := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r2) {
				i = j
				continue
			}
			k := j
			for k < len(s) {
				r3, s3 := utf8.DecodeRuneInString(s[k:])
				if !unicode.IsSpace(r3) || r3 == '\n' {
					break
				}
				k += s3
			}
			next, _ := utf8.DecodeRuneInString(s[k:])
			if k < len(s) && unicode.IsLower(next) {
				i = j
				continue
			}
			if r == '.' && j == i+1 && dotAbbreviations[lastWord(s[start:i])] {
				i = j
				continue
			}
			add(s[start:j])
			start = j
			i = j
			continue
		}
		i += size
	}
	add(s[start:])
	return out
}

// lastWord returns the last whitespace-separated word of s without
// leading punctuation.
func lastWord(s string) string {
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[i+1:]
	}
	return strings.TrimLeft(s, leadChars)
}

// needsCollapse reports whether t has line breaks, tabs, runs of spaces or
// non-ASCII characters that may be spaces.
func needsCollapse(t string) bool {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			return true
		case c == ' ' && i+1 < len(t) && t[i+1] == ' ':
			return true
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(t[i:])
			if unicode.IsSpace(r) {
				return true
			}
			i += size - 1
		}
	}
	return false
}
