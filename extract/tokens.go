package extract

import "strings"

// The methods below read the tokens of a doc by index.

func (d *doc) key(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	t := d.toks[i]
	return d.keyText[t.fs:t.fe]
}

func (d *doc) word(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	t := d.toks[i]
	return d.text[t.start:t.end]
}

// span returns the text from the start of token i to the end of token j-1.
func (d *doc) span(i, j int) string {
	if j <= i {
		return ""
	}
	return d.text[d.toks[i].start:d.toks[j-1].end]
}

// is reports whether token i has matching key k.
func (d *doc) is(i int, k string) bool {
	return i >= 0 && i < len(d.toks) && d.key(i) == k
}

// isAny reports whether token i has one of the matching keys.
func (d *doc) isAny(i int, ks ...string) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	k := d.key(i)
	for _, x := range ks {
		if k == x {
			return true
		}
	}
	return false
}

// seq reports whether the tokens from i on have the matching keys of the
// space-separated phrase p.
func (d *doc) seq(i int, p string) bool {
	if i < 0 {
		return false
	}
	for ; i < len(d.toks); i++ {
		t := d.toks[i]
		j := strings.IndexByte(p, ' ')
		if j < 0 {
			return d.keyText[t.fs:t.fe] == p
		}
		if d.keyText[t.fs:t.fe] != p[:j] {
			return false
		}
		p = p[j+1:]
	}
	return false
}

func (d *doc) sameSentence(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(d.toks) && j < len(d.toks) && d.toks[i].sent == d.toks[j].sent
}

func (d *doc) punct(i int, p string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].is(fPunct) && d.word(i) == p
}

func (d *doc) isPunct(i int) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].is(fPunct)
}

// isDash reports whether token i is a dash used as a separator.
func (d *doc) isDash(i int) bool {
	if !d.isPunct(i) {
		return false
	}
	switch d.word(i) {
	case "-", "–", "—":
		return true
	}
	return false
}

// seqLen is the number of tokens of the phrase p (space separated).
func seqLen(p string) int { return strings.Count(p, " ") + 1 }

// sameParagraph reports whether no blank line separates tokens i < j.
func (d *doc) sameParagraph(i, j int) bool {
	if i > j {
		i, j = j, i
	}
	for k := i + 1; k <= j && k < len(d.toks); k++ {
		if d.toks[k].is(fPara) {
			return false
		}
	}
	return true
}

// titleOrOrgHead reports whether a title or an organisation head starts
// at token k.
func (d *doc) titleOrOrgHead(k int) bool {
	if p, _ := d.title(k); p >= 0 {
		return true
	}
	p, _ := d.orgHead(k)
	return p >= 0
}

// keySpan appends the matching keys of tokens [s, e), separated by spaces.
func (d *doc) keySpan(dst []byte, s, e int) []byte {
	for k := s; k < e; k++ {
		if k > s {
			dst = append(dst, ' ')
		}
		dst = append(dst, d.key(k)...)
	}
	return dst
}

func (d *doc) inName(k int) bool { return k < len(d.names) && d.names[k] }

func (d *doc) capWord(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	return t.is(fCap) && !t.is(fUpper) && !t.is(fPunct) && !t.is(fNum)
}

func (d *doc) capOrAbbr(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	return !t.is(fPunct) && (t.is(fCap) || t.is(fUpper))
}
