package article

import "strings"

// CollapseSpace returns s with each run of the characters isSpace reports
// turned into one space inside the text and dropped at its ends.
func CollapseSpace(s string, isSpace func(rune) bool) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
