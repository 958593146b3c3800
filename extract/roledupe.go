package extract

import (
	"strings"

	"dxnews/article"
)

// dedupeRoles drops roles whose words all occur in a longer role of the
// same person ("Chủ tịch UBND thành phố" inside "Chủ tịch UBND TP.HCM"),
// and returns the rest as text.
func (d *doc) dedupeRoles(roles []roleRef) []string {
	keys := make([][]string, len(roles))
	for i, r := range roles {
		keys[i] = d.keysOf(d.keysOf(nil, r.s, r.e), r.cs, r.ce)
	}
	out := make([]string, 0, len(roles))
	for i, r := range roles {
		drop := false
		for j := range roles {
			if i == j {
				continue
			}
			if d.isAny(r.s, "nguyên", "cựu") != d.isAny(roles[j].s, "nguyên", "cựu") {
				continue // a former role and a present one are two
			}
			if subsetOf(keys[i], keys[j]) && (len(keys[j]) > len(keys[i]) || len(keys[j]) == len(keys[i]) && j < i) {
				drop = true
				break
			}
			// Variants of one role: the same title words and nearly the same
			// rest ("… chuyển đổi số" and a caption's "… chuyển đổi ố").
			if d.sameTitle(r, roles[j]) {
				shared := sharedSyllables(keys[i], keys[j])
				shorter := min(len(keys[i]), len(keys[j]))
				if 5*shared >= 4*shorter && (len(keys[j]) > len(keys[i]) || len(keys[j]) == len(keys[i]) && j < i) {
					drop = true
					break
				}
				// "Bí thư Hà Nội" next to "Bí thư Thành ủy".
				if r.placeOnly && !roles[j].placeOnly {
					drop = true
					break
				}
			}
		}
		if !drop {
			text := d.span(r.s, r.e)
			if r.ce > r.cs {
				text += " " + d.span(r.cs, r.ce)
			}
			out = append(out, oneLine(text))
		}
	}
	return out
}

// sameTitle reports whether two roles start with the same title words.
func (d *doc) sameTitle(a, b roleRef) bool {
	if a.te-a.s != b.te-b.s {
		return false
	}
	for k := 0; k < a.te-a.s; k++ {
		if d.key(a.s+k) != d.key(b.s+k) {
			return false
		}
	}
	return true
}

// oneLine replaces each run of white space holding a line break with one
// space: a role or a name is never stored across lines.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	return article.CollapseSpace(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}
