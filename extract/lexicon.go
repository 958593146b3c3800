package extract

import "strings"

// lexicon matches multi-word phrases against token matching keys, longest
// phrase first.
type lexicon struct {
	byFirst map[string][]int
	phrases []phrase
	bit     uint64 // word class of first words
}

type phrase struct {
	keys   []string // token matching keys
	text   string   // as listed
	value  string   // canonical form or payload
	flags  string
	caps   uint32 // bit k set when word k is capitalised
	folded string // keys joined by spaces
}

func newLexicon() *lexicon { return &lexicon{byFirst: map[string][]int{}, bit: newClassBit()} }

func (l *lexicon) add(text, value, flags string) {
	toks := tokenize(nil, text)
	if len(toks) == 0 {
		return
	}
	keys := make([]string, len(toks))
	var caps uint32
	for i, t := range toks {
		keys[i] = string(appendWordKey(nil, text[t.start:t.end]))
		if i < 32 && (t.is(fCap) || t.is(fUpper)) {
			caps |= 1 << i
		}
	}
	l.phrases = append(l.phrases, phrase{keys: keys, text: text, value: value, flags: flags, caps: caps,
		folded: strings.Join(keys, " ")})
	idx := len(l.phrases) - 1
	markClass(keys[0], l.bit)
	list := l.byFirst[keys[0]]
	// Keep longest first.
	pos := len(list)
	for j, p := range list {
		if len(l.phrases[p].keys) < len(keys) {
			pos = j
			break
		}
	}
	list = append(list, 0)
	copy(list[pos+1:], list[pos:])
	list[pos] = idx
	l.byFirst[keys[0]] = list
}

// match returns the longest phrase starting at token i and its length in
// tokens, or -1.
func (l *lexicon) match(d *doc, i int) (int, int) {
	if i < 0 || i >= len(d.toks) || d.memo[i].cls&l.bit == 0 {
		return -1, 0
	}
	for _, p := range l.byFirst[d.key(i)] {
		keys := l.phrases[p].keys
		if i+len(keys) > len(d.toks) {
			continue
		}
		ok := true
		for k := 1; k < len(keys); k++ {
			if d.key(i+k) != keys[k] || d.toks[i+k].is(fNL) {
				ok = false
				break
			}
		}
		if ok {
			return p, len(keys)
		}
	}
	return -1, 0
}
