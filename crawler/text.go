package crawler

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cleanText NFC-normalises s, turns every run of white space (including
// non-breaking and zero-width spaces) into one space and trims it.
func cleanText(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff':
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
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

// outletPrefix matches the dateline some outlets put before the lead:
// "(Dân trí) - ", "TTO - ", "(Chinhphu.vn) - ", "ICTnews -", and any
// parenthesised name of one to four capitalised words before a dash, the
// form most outlets use ("(Sông Hồng) - ").
var outletPrefix = regexp.MustCompile(`^(?:\(\s*\p{Lu}[\pL.]*(?:\s+\p{Lu}[\pL.]*){0,3}\s*\)\s*[-–—]\s*|\(?\s*(Dân trí|Dân Trí|DÂN TRÍ|TTO|TN|Chinhphu\.vn|Baochinhphu\.vn|NDO|ND|VnEconomy|ICTnews|ICTNews|VietNamNet|Vietnamnet|PLO|VOV\.VN|VOV|TTXVN|NLĐO|HNMO|SGGPO|ĐCSVN|MIC|Mic\.gov\.vn)\s*\)?\s*[-–—:]\s*)`)

// stripOutletPrefix removes an outlet dateline from the start of a lead.
func stripOutletPrefix(s string) string {
	return strings.TrimSpace(outletPrefix.ReplaceAllString(s, ""))
}

// uniqueNonEmpty returns the non-empty strings of in, in order, without
// repeats.
func uniqueNonEmpty(in []string) []string {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		s = cleanText(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}
