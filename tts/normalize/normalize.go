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

func (n *normalizer) line(toks []token) {
	prevNumeric := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var nb neighbours
		if needsContext(t.core) {
			nb = neighboursAt(toks, i)
		}
		if t.core == "|" || t.core == "/" {
			t.lead, t.core = "-", ""
		}
		if strings.HasPrefix(t.trail, ".") && i+1 < len(toks) && dotAbbreviations[t.core] {
			t.trail = t.trail[1:]
		}
		var text string
		changed := false
		if t.core != "" {
			text, changed = n.read(t.core, nb)
			if text == "" {
				t = unspoken(t)
			}
		}
		if t.core == "" {
			n.punctuation(toks, i, t, prevNumeric)
			prevNumeric = false
			continue
		}
		if changed && strings.Contains(t.lead, "(") && n.w.repeats(text) {
			var said bool
			if text, said = n.gloss(t); said {
				prevNumeric = false
				continue
			}
		}
		numeric := startsWithDigit(t.core)
		if numeric && t.trail == "" && i+1 < len(toks) && toks[i+1].lead == "" {
			if u, ok := n.unit(toks[i+1].core); ok {
				text += " " + u
				changed = true
				t.trail = toks[i+1].trail
				i++
			}
		}
		n.w.emit(t.lead, text, t.trail, changed && capitalisable(t.core))
		prevNumeric = numeric && t.trail == ""
	}
}

// neighboursAt returns the words next to toks[i] within its clause: no
// punctuation may stand between them.
func neighboursAt(toks []token, i int) neighbours {
	var nb neighbours
	t := toks[i]
	if i > 0 && toks[i-1].trail == "" && t.lead == "" {
		nb.prev1 = strings.ToLower(toks[i-1].core)
		if i > 1 && toks[i-2].trail == "" && toks[i-1].lead == "" {
			nb.prev2 = strings.ToLower(toks[i-2].core)
		}
	}
	if t.trail == "" && i+1 < len(toks) && toks[i+1].lead == "" {
		nb.next = strings.ToLower(toks[i+1].core)
	}
	nb.shouting = i > 0 && isShouting(toks[i-1].core) || i+1 < len(toks) && isShouting(toks[i+1].core)
	return nb
}

// unspoken turns a token with nothing to say into its punctuation, split
// as it will be when the output is read again.
func unspoken(t token) token {
	p := t.lead + t.trail
	if t = splitField(p); t.core != "" {
		t = token{lead: p}
	}
	return t
}

// punctuation writes toks[i], reduced to punctuation t: a free-standing
// dash between two numbers of the same shape reads "đến" ("2021 - 2025",
// not "7-3-2026 - 07:13"), another dash or a bullet is a pause, and other
// punctuation is kept.
func (n *normalizer) punctuation(toks []token, i int, t token, prevNumeric bool) {
	if !(isDash(t.lead) || isBullet(t.lead)) || t.trail != "" {
		n.w.punct(t.lead + t.trail)
		return
	}
	if prevNumeric && i+1 < len(toks) && toks[i+1].lead == "" && startsWithDigit(toks[i+1].core) &&
		shape(toks[i-1].core) == shape(toks[i+1].core) {
		n.w.emit("", "đến", "", false)
		return
	}
	n.w.pause()
}

// gloss reads t, a bracketed token whose expansion the text just gave:
// "tổng sản phẩm trên địa bàn (GRDP)" reads the letters, returned as
// text; "Thông tin và Truyền thông (TT&TT)", which has no letters to read,
// is said once, so gloss writes only what follows the bracket and reports
// said. Only a bracketed abbreviation glosses what precedes it; "944/QĐ-UBND,
// UBND TP.HCM" is read in full both times.
func (n *normalizer) gloss(t token) (text string, said bool) {
	if isAcronym(t.core) {
		return spell(t.core), false
	}
	if rest := strings.TrimLeft(t.trail, ")"); rest != "" {
		n.w.punct(rest)
	}
	return "", true
}

// unit returns the spoken unit a number's next token names ("5 km", "10
// k"), if it does.
func (n *normalizer) unit(core string) (string, bool) {
	u, ok := units[core]
	if ok && (core == "k" || core == "K") {
		u = n.lx.thousand
	}
	return u, ok
}
