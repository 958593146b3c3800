// Package normalize turns Vietnamese news text into the spoken form every
// speech backend receives: numbers, dates, times, ranges, ordinals, Roman
// numerals, units, currencies, document symbols and abbreviations are
// written out as words, following the voice's dialect region ("nghìn",
// "linh" in the north; "ngàn", "lẻ" in the south). It also splits text
// into sentences and groups sentences into chunks that fit a backend's
// request limit.
//
// Conventions chosen here:
//   - Sentence punctuation (. , ; : ! ? …), line breaks and the case of
//     ordinary words are kept; expansions are lower case except proper
//     names, and are capitalised at the start of a sentence.
//   - Document symbols are read as a newsreader does: the number, the year
//     after "năm", then the symbol's parts expanded ("749/QĐ-TTg" → "bảy
//     trăm bốn mươi chín quyết định thủ tướng"; "47/2020/NĐ-CP" → "bốn
//     mươi bảy năm hai nghìn không trăm hai mươi nghị định chính phủ").
//   - Unknown all-capital words of at most four letters that cannot be a
//     Vietnamese syllable are spelled letter by letter ("VNPT" → "vê en pê
//     tê"); capitalised Vietnamese syllables ("SỐ") are left alone.
//   - No ASCII digit survives: anything numeric that matches no rule is
//     read number by number.
package normalize

import (
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"dxnews/article"
)

// Text returns the spoken form of s for a voice region (article.North,
// article.Central, article.South). The central region uses the northern
// number words.
func Text(s string, region article.Region) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, ""))
	if hasInvisible(s) {
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(invisibles, r) {
				return -1
			}
			return r
		}, s)
	}
	n := normalizer{lx: lexiconFor(region)}
	n.w.b = make([]byte, 0, len(s)+len(s)/2)
	n.w.start = true
	blank := false
	for s != "" {
		var line string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			line, s = s, ""
		}
		toks := tokenize(line, n.toks[:0])
		n.toks = toks
		if len(toks) == 0 {
			blank = true
			continue
		}
		if len(n.w.b) > 0 {
			n.w.b = append(n.w.b, '\n')
			if blank {
				n.w.b = append(n.w.b, '\n')
			}
		}
		blank = false
		n.w.start = true
		n.line(toks)
	}
	return string(n.w.b)
}

// ForVoice returns the spoken form of s for the region of the voice with
// the given ID ("north-female", …).
func ForVoice(s, voiceID string) (string, error) {
	v, err := article.LookupVoice(voiceID)
	if err != nil {
		return "", fmt.Errorf("normalize: %w", err)
	}
	return Text(s, v.Region), nil
}

type normalizer struct {
	lx   lexicon
	w    writer
	toks []token
}

// neighbours carries the neighbouring words of the same clause, lower-cased.
type neighbours struct {
	prev1, prev2 string
	next         string
	// shouting is set when a neighbouring word is in capitals, as in a
	// headline ("XỬ LÝ VI PHẠM"), where "VI" is not a Roman numeral.
	shouting bool
}
