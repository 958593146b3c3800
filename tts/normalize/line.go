package normalize

import "strings"

// line reads one line of tokens: each token is read with its neighbours,
// a number takes the unit after it, a bracketed gloss of what the text just
// said is read once, and punctuation is kept or becomes a pause.
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
