package crawler

import (
	"regexp"
	"strings"
	"unicode"

	"dxnews/article"

	"golang.org/x/text/unicode/norm"
)

// cleanText NFC-normalises s, turns every run of white space (including
// non-breaking and zero-width spaces) into one space and trims it.
func cleanText(s string) string {
	return article.CollapseSpace(strings.Map(dropZeroWidth, norm.NFC.String(s)), unicode.IsSpace)
}

// dropZeroWidth maps the zero-width spaces and joiners to nothing.
func dropZeroWidth(r rune) rune {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\ufeff':
		return -1
	}
	return r
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
