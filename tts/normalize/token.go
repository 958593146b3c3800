package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one whitespace-separated field: leading punctuation, the core
// to read, trailing punctuation.
type token struct {
	lead, core, trail string
}

const (
	// invisibles are dropped: zero-width spaces and joiners, BOM, soft hyphen.
	invisibles = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
	leadChars  = "\"'“”‘’([{«‹*•·–—-…"
	trailChars = ".,;:!?…\"'“”‘’)]}»›"
)

func tokenize(line string, toks []token) []token {
	for line != "" {
		i := 0
		for i < len(line) {
			r, size := utf8.DecodeRuneInString(line[i:])
			if !isSpace(r) {
				break
			}
			i += size
		}
		line = line[i:]
		if line == "" {
			break
		}
		j := 0
		for j < len(line) {
			r, size := utf8.DecodeRuneInString(line[j:])
			if isSpace(r) {
				break
			}
			j += size
		}
		f := line[:j]
		line = line[j:]
		toks = append(toks, splitField(f))
	}
	// Rejoin a document symbol split after its slash: "942/ QĐ-TTg".
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.trail == "" && strings.HasSuffix(t.core, "/") && startsWithDigit(t.core) &&
			i+1 < len(toks) && toks[i+1].lead == "" && startsWithUpper(toks[i+1].core) {
			t.core += toks[i+1].core
			t.trail = toks[i+1].trail
			i++
		}
		out = append(out, t)
	}
	return out
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

func splitField(f string) token {
	i := 0
	for i < len(f) {
		r, size := utf8.DecodeRuneInString(f[i:])
		if !strings.ContainsRune(leadChars, r) {
			break
		}
		i += size
	}
	j := len(f)
	for j > i {
		r, size := utf8.DecodeLastRuneInString(f[i:j])
		if !strings.ContainsRune(trailChars, r) {
			break
		}
		j -= size
	}
	return token{lead: f[:i], core: f[i:j], trail: f[j:]}
}

func hasInvisible(s string) bool {
	for _, r := range invisibles {
		if strings.Contains(s, string(r)) {
			return true
		}
	}
	return false
}
