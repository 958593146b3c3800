package extract

import (
	"strings"
	"unsafe"
)

// doc is one text being scanned: its tokens, their folded keys and
// sentence boundaries.
type doc struct {
	text  string
	toks  []token
	fold  string
	memo  []tokMemo
	arena *[]string // scratch for match keys, nil outside a pooled call
	names []bool    // tokens inside person names, once people are found
	buf   []byte    // scratch for building keys
}

func newDoc(text string, toks []token) *doc {
	return newDocWith(text, toks, &scratch{})
}

// scratch holds the per-call buffers that a pool recycles between calls.
type scratch struct {
	toks         []token
	fold         []byte
	memo         []tokMemo
	skip, inName []bool
	arena        []string
	lines        []oline
}

func newDocWith(text string, toks []token, sc *scratch) *doc {
	n := 0
	for _, t := range toks {
		n += int(t.end - t.start)
	}
	buf := sc.fold[:0]
	if cap(buf) < n {
		buf = make([]byte, 0, n+n/4)
	}
	sent := int32(0)
	for i := range toks {
		t := &toks[i]
		if t.is(fNL) || i > 0 && endsSentence(text, toks, i-1) {
			sent = int32(i)
		}
		t.sent = sent
		t.fs = int32(len(buf))
		buf = appendFold(buf, text[t.start:t.end])
		t.fe = int32(len(buf))
	}
	sc.fold = buf
	memo := sc.memo[:0]
	if cap(memo) < len(toks) {
		memo = make([]tokMemo, 0, len(toks)+len(toks)/4)
	}
	memo = memo[:len(toks)]
	folded := unsafe.String(unsafe.SliceData(buf), len(buf))
	for i := range memo {
		memo[i] = tokMemo{name: -1, cls: wordClass[folded[toks[i].fs:toks[i].fe]]}
	}
	sc.memo = memo
	return &doc{text: text, toks: toks, fold: folded, memo: memo}
}

// endsSentence reports whether token i closes a sentence.
func endsSentence(text string, toks []token, i int) bool {
	t := toks[i]
	if !t.is(fPunct) {
		return false
	}
	switch text[t.start:t.end] {
	case "!", "?", "…":
		return true
	case ".":
		if i > 0 && !t.is(fSpace) {
			switch text[toks[i-1].start:toks[i-1].end] {
			case "TP", "Tp", "TS", "ThS", "GS", "PGS", "BS", "KS", "ông", "bà", "Ths":
				return false
			}
		}
		return true
	}
	return false
}

func (d *doc) key(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	t := d.toks[i]
	return d.fold[t.fs:t.fe]
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

func (d *doc) mention(i, j int) mentionSpan {
	return mentionSpan{int(d.toks[i].start), int(d.toks[j-1].end)}
}

type mentionSpan struct{ start, end int }

// is reports whether token i has folded key k.
func (d *doc) is(i int, k string) bool {
	return i >= 0 && i < len(d.toks) && d.key(i) == k
}

// isAny reports whether token i has one of the folded keys.
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

// seq reports whether the tokens from i on have the folded keys of the
// space-separated phrase p.
func (d *doc) seq(i int, p string) bool {
	if i < 0 {
		return false
	}
	for ; i < len(d.toks); i++ {
		t := d.toks[i]
		j := strings.IndexByte(p, ' ')
		if j < 0 {
			return d.fold[t.fs:t.fe] == p
		}
		if d.fold[t.fs:t.fe] != p[:j] {
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

// bools returns buf resized to n and cleared.
func bools(buf []bool, n int) []bool {
	if cap(buf) < n {
		return make([]bool, n, n+n/4)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// foldedSpan appends the folded keys of tokens [s, e), separated by spaces.
func (d *doc) foldedSpan(dst []byte, s, e int) []byte {
	for k := s; k < e; k++ {
		if k > s {
			dst = append(dst, ' ')
		}
		dst = append(dst, d.key(k)...)
	}
	return dst
}

func (d *doc) inName(k int) bool { return k < len(d.names) && d.names[k] }
