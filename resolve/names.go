package resolve

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"dxnews/extract"
)

// clean NFC-normalises s and collapses runs of white space (extracted
// names sometimes span a paragraph break).
func clean(s string) string {
	s = norm.NFC.String(s)
	if !strings.ContainsAny(s, " \t\n\r") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// fold lower-cases s and drops Vietnamese diacritics ("Đà Nẵng" → "da
// nang"): the form searches compare in.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Fold is the form names are compared in by filters: lower case, no
// diacritics, single spaces.
func Fold(s string) string { return fold(s) }

// slug makes an ID part from a name: folded, letters and digits kept, runs
// of anything else turned into one hyphen.
func slug(s string) string {
	f := fold(s)
	var b strings.Builder
	dash := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// acronym reports whether s is written as an abbreviation: no lower-case
// letter, at least two letters ("TT&TT", "KH&CN", "VINASA", "UBND").
func acronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// stripAcronyms removes bracketed abbreviations that follow their
// expansion ("Sở Khoa học và Công nghệ (KH&CN) TP.HCM" → "Sở Khoa học và
// Công nghệ TP.HCM") and returns them.
func stripAcronyms(s string) (string, []string) {
	var found []string
	for {
		open := strings.IndexByte(s, '(')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open:], ')')
		if end < 0 {
			break
		}
		inner := strings.TrimSpace(s[open+1 : open+end])
		if !acronym(inner) {
			break
		}
		found = append(found, inner)
		s = strings.TrimSpace(s[:open]) + " " + strings.TrimSpace(s[open+end+1:])
		s = strings.TrimSpace(s)
	}
	return s, found
}

// keyer memoises comparison keys: written variants of one name
// ("Bộ TT&TT", "Bộ Thông tin và Truyền thông (TT&TT)") share a key.
type keyer struct {
	keys map[string]keyed
}

type keyed struct {
	key  string // comparison key
	bare string // the name without bracketed acronyms
}

func newKeyer() *keyer { return &keyer{keys: map[string]keyed{}} }

func (k *keyer) key(name string) keyed {
	if v, ok := k.keys[name]; ok {
		return v
	}
	bare, _ := stripAcronyms(name)
	v := keyed{key: extract.Key(bare), bare: bare}
	if v.key == "" {
		v.key = fold(bare)
	}
	k.keys[name] = v
	return v
}

// fullness ranks written forms of one name: the expanded form without
// abbreviations and brackets is the best display name.
func fullness(s string) int {
	bare, found := stripAcronyms(s)
	n := 2 * len([]rune(bare))
	if len(found) > 0 {
		n-- // the same words written without the bracket win
	}
	if strings.Contains(bare, "&") || strings.Contains(bare, "UBND") {
		n -= 1000
	}
	return n
}

// keyOrEmpty is the comparison key of s with abbreviations expanded.
func keyOrEmpty(s string) string {
	bare, _ := stripAcronyms(clean(s))
	return extract.Key(bare)
}
