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
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			next, split := lineBreak(s, i)
			if split {
				out = appendSentence(out, s[start:i])
				start = next
			}
			i = next
		case strings.ContainsRune(terminators, r):
			next, split := afterTerminator(s, start, i, r, size)
			if split {
				out = appendSentence(out, s[start:next])
				start = next
			}
			i = next
		default:
			i += size
		}
	}
	return appendSentence(out, s[start:])
}

// appendSentence appends t trimmed, its spaces collapsed, unless empty.
func appendSentence(out []string, t string) []string {
	if t = strings.TrimSpace(t); t == "" {
		return out
	}
	if needsCollapse(t) {
		t = strings.Join(strings.Fields(t), " ")
	}
	return append(out, t)
}

// lineBreak looks at the line break at s[i]: it returns where the text
// after the break and the blank space around it starts, and whether the
// break ends a sentence (a blank line, the end, or a next line that does
// not start in lower case, which would be a wrapped line).
func lineBreak(s string, i int) (next int, split bool) {
	j, newlines := i, 0
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == '\n' {
			newlines++
		} else if !unicode.IsSpace(r) {
			break
		}
		j += size
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return j, newlines > 1 || j == len(s) || !unicode.IsLower(r)
}

// afterTerminator looks at the terminator r (of size bytes) at s[i], in
// the sentence started at start: it returns the end of the run of
// terminators and closing quotes or brackets, and whether the sentence
// ends there. It does not when no space follows ("TP.HCM", "2,5"), when
// a lower-case word follows, or at the dot of an abbreviation ("TP. Hồ
// Chí Minh").
func afterTerminator(s string, start, i int, r rune, size int) (next int, split bool) {
	j := i + size
	for j < len(s) {
		r2, s2 := utf8.DecodeRuneInString(s[j:])
		if !strings.ContainsRune(terminators, r2) && !strings.ContainsRune(closers, r2) {
			break
		}
		j += s2
	}
	if j == len(s) {
		return j, true
	}
	if r2, _ := utf8.DecodeRuneInString(s[j:]); !unicode.IsSpace(r2) {
		return j, false
	}
	k := j
	for k < len(s) {
		r3, s3 := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsSpace(r3) || r3 == '\n' {
			break
		}
		k += s3
	}
	if r3, _ := utf8.DecodeRuneInString(s[k:]); k < len(s) && unicode.IsLower(r3) {
		return j, false
	}
	if r == '.' && j == i+1 && dotAbbreviations[lastWord(s[start:i])] {
		return j, false
	}
	return j, true
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
