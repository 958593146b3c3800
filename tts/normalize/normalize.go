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
	"unicode"
	"unicode/utf8"

	"dxnews/article"

	"golang.org/x/text/unicode/norm"
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

// context carries the neighbouring words of the same clause, lower-cased.
type context struct {
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
		var ctx context
		if needsContext(t.core) {
			if i > 0 && toks[i-1].trail == "" && t.lead == "" {
				ctx.prev1 = strings.ToLower(toks[i-1].core)
				if i > 1 && toks[i-2].trail == "" && toks[i-1].lead == "" {
					ctx.prev2 = strings.ToLower(toks[i-2].core)
				}
			}
			if t.trail == "" && i+1 < len(toks) && toks[i+1].lead == "" {
				ctx.next = strings.ToLower(toks[i+1].core)
			}
			ctx.shouting = i > 0 && isShouting(toks[i-1].core) || i+1 < len(toks) && isShouting(toks[i+1].core)
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
			text, changed = n.read(t.core, ctx)
			if text == "" {
				// Nothing to say: keep the punctuation, split as it
				// will be when the output is read again.
				p := t.lead + t.trail
				if t = splitField(p); t.core != "" {
					t = token{lead: p}
				}
			}
		}
		if t.core == "" {
			if (isDash(t.lead) || isBullet(t.lead)) && t.trail == "" {
				if prevNumeric && i+1 < len(toks) && toks[i+1].lead == "" && startsWithDigit(toks[i+1].core) &&
					shape(toks[i-1].core) == shape(toks[i+1].core) {
					n.w.emit("", "đến", "", false)
				} else {
					n.w.pause()
				}
				prevNumeric = false
				continue
			}
			n.w.punct(t.lead + t.trail)
			prevNumeric = false
			continue
		}
		if changed && strings.Contains(t.lead, "(") && n.w.repeats(text) {
			// The text already gave the expansion and glosses it in
			// brackets. "tổng sản phẩm trên địa bàn (GRDP)": read the
			// letters; "Thông tin và Truyền thông (TT&TT)", which has no
			// letters to read: say it once. Only a bracketed abbreviation
			// glosses what precedes it; "944/QĐ-UBND, UBND TP.HCM" is read
			// in full both times.
			if !isAcronym(t.core) {
				if rest := strings.TrimLeft(t.trail, ")"); rest != "" {
					n.w.punct(rest)
				}
				prevNumeric = false
				continue
			}
			text = spell(t.core)
		}
		numeric := startsWithDigit(t.core)
		if numeric && t.trail == "" && i+1 < len(toks) && toks[i+1].lead == "" {
			if u, ok := units[toks[i+1].core]; ok {
				if toks[i+1].core == "k" || toks[i+1].core == "K" {
					u = n.lx.thousand
				}
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

// read returns the spoken form of one token core and whether it changed.
func (n *normalizer) read(c string, ctx context) (string, bool) {
	if s, ok := abbreviations[c]; ok {
		return s, true
	}
	if startsWithDigit(c) || (len(c) > 1 && c[0] == '$' && c[1] >= '0' && c[1] <= '9') {
		var sp spoken
		n.numeric(&sp, c, ctx)
		return sp.String(), true
	}
	if v := roman(c); v > 0 && (romanContext(ctx) || (len(c) >= 2 && onlyIVX(c) && !ctx.shouting)) {
		var sp spoken
		n.ordinalOrCardinal(&sp, uint64(v), ctx)
		return sp.String(), true
	}
	if len(c) == 7 && c[0] == 'Q' && c[1] >= '1' && c[1] <= '4' && c[2] == '/' && isDigits(c[3:]) {
		// "Q1/2024"
		var sp spoken
		sp.add("quý")
		sp.add(digitWord[c[1]-'0'])
		sp.add("năm")
		n.lx.integer(&sp, c[3:])
		return sp.String(), true
	}
	if i := strings.IndexByte(c, '/'); i > 0 && roman(c[:i]) > 0 && isDigits(c[i+1:]) {
		// "quý III/2022"
		var sp spoken
		n.lx.cardinal(&sp, uint64(roman(c[:i])))
		sp.add("năm")
		n.lx.integer(&sp, c[i+1:])
		return sp.String(), true
	}
	if allLetters(c) {
		return expandWord(c, false)
	}
	s := n.compound(c, false)
	return s, s != c
}

// ordinalOrCardinal reads v as an ordinal after "thứ" ("thứ nhất", "thứ
// tư") and as a cardinal otherwise.
func (n *normalizer) ordinalOrCardinal(sp *spoken, v uint64, ctx context) {
	if ctx.prev1 == "thứ" {
		switch v {
		case 1:
			sp.add("nhất")
			return
		case 4:
			sp.add("tư")
			return
		}
	}
	n.lx.cardinal(sp, v)
}

var romanContexts = map[string]bool{
	"khóa": true, "khoá": true, "quý": true, "chương": true, "phần": true, "mục": true,
	"kỳ": true, "kì": true, "thứ": true, "hạng": true, "loại": true, "cấp": true,
	"vùng": true, "khu": true, "tập": true, "đợt": true, "đoạn": true, "đại hội": true,
}

func romanContext(ctx context) bool {
	if romanContexts[ctx.prev1] {
		return true
	}
	switch ctx.prev2 + " " + ctx.prev1 {
	case "đại hội", "thế kỷ", "thế kỉ", "trung ương", "thế chiến", "hội nghị":
		return true
	}
	return false
}

// needsContext reports whether reading c may depend on the words before
// it: numbers and Roman numerals.
func needsContext(c string) bool {
	return c != "" && (c[0] >= '0' && c[0] <= '9' || strings.IndexByte("IVXLCDM$", c[0]) >= 0)
}

// shape classifies a numeric token as a time ('t'), a date or ratio
// ('d') or a plain number ('n'), so that a free-standing dash only reads
// "đến" between numbers of the same shape ("2021 - 2025", not
// "7-3-2026 - 07:13").
func shape(c string) byte {
	switch {
	case isTime(c):
		return 't'
	case strings.ContainsAny(c, "/-–"):
		return 'd'
	}
	parts, seps, _ := scanNumeric(c)
	if len(parts) == 3 && seps[0] == "." && seps[1] == "." && validDate(parts[0], parts[1], parts[2]) {
		return 'd'
	}
	return 'n'
}

// isShouting reports whether w is a capitalised word of two letters or
// more.
func isShouting(w string) bool {
	return utf8.RuneCountInString(w) >= 2 && isAcronym(w)
}

func isBullet(s string) bool { return s == "•" || s == "*" || s == "·" }

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func startsWithUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// capitalisable reports whether an expansion of the token may be
// capitalised at a sentence start: the written token began with a capital
// or a digit.
func capitalisable(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '$'
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
