package extract

import (
	"unsafe"
)

// doc is one text being scanned: its tokens, their matching keys and
// sentence boundaries.
type doc struct {
	text    string
	toks    []token
	keyText string // the matching keys of the tokens, back to back
	memo    []tokMemo
	arena   *[]string // scratch for match keys, nil outside a pooled call
	names   []bool    // tokens inside person names, once people are found
	buf     []byte    // scratch for building keys

	tailWalks *[]*tailWalk // orgTail's walks, one per call in progress, kept in the scratch
	tailDepth int
}

func newDoc(text string, toks []token) *doc {
	return newDocWith(text, toks, &scratch{})
}

// scratch holds the per-call buffers that a pool recycles between calls.
type scratch struct {
	toks         []token
	keyText      []byte
	memo         []tokMemo
	skip, inName []bool
	arena        []string
	lines        []oline
	tailWalks    []*tailWalk
}

func newDocWith(text string, toks []token, sc *scratch) *doc {
	n := 0
	for _, t := range toks {
		n += int(t.end - t.start)
	}
	buf := sc.keyText[:0]
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
		buf = appendWordKey(buf, text[t.start:t.end])
		t.fe = int32(len(buf))
	}
	sc.keyText = buf
	memo := sc.memo[:0]
	if cap(memo) < len(toks) {
		memo = make([]tokMemo, 0, len(toks)+len(toks)/4)
	}
	memo = memo[:len(toks)]
	keys := unsafe.String(unsafe.SliceData(buf), len(buf))
	for i := range memo {
		memo[i] = tokMemo{name: -1, cls: wordClass[keys[toks[i].fs:toks[i].fe]]}
	}
	sc.memo = memo
	return &doc{text: text, toks: toks, keyText: keys, memo: memo, tailWalks: &sc.tailWalks}
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

// bools returns buf resized to n and cleared.
func bools(buf []bool, n int) []bool {
	if cap(buf) < n {
		return make([]bool, n, n+n/4)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}
