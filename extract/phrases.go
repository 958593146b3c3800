package extract

import "strings"

// phraseSet is a small set of folded phrases indexed by first and last word,
// so that asking "does one of them start (or end) here" costs one map
// look-up for most tokens.
type phraseSet struct {
	byFirst           map[string][][]string
	byLast            map[string][][]string
	firstBit, lastBit uint64
}

func newPhraseSet(list ...string) *phraseSet {
	s := &phraseSet{byFirst: map[string][][]string{}, byLast: map[string][][]string{}, firstBit: newClassBit(), lastBit: newClassBit()}
	for _, p := range list {
		w := strings.Fields(phraseKey(p))
		markClass(w[0], s.firstBit)
		markClass(w[len(w)-1], s.lastBit)
		s.byFirst[w[0]] = append(s.byFirst[w[0]], w)
		s.byLast[w[len(w)-1]] = append(s.byLast[w[len(w)-1]], w)
	}
	return s
}

// startsAt returns the length of the longest phrase of s starting at token
// i, or 0.
func (d *doc) startsAt(i int, s *phraseSet) int {
	if i < 0 || i >= len(d.toks) || d.memo[i].cls&s.firstBit == 0 {
		return 0
	}
	best := 0
	for _, w := range s.byFirst[d.key(i)] {
		if len(w) > best && d.words(i, w) {
			best = len(w)
		}
	}
	return best
}

// endsAt returns the length of the longest phrase of s ending at token k,
// or 0.
func (d *doc) endsAt(k int, s *phraseSet) int {
	if k < 0 || k >= len(d.toks) || d.memo[k].cls&s.lastBit == 0 {
		return 0
	}
	best := 0
	for _, w := range s.byLast[d.key(k)] {
		if len(w) > best && d.words(k-len(w)+1, w) {
			best = len(w)
		}
	}
	return best
}

func (d *doc) words(i int, w []string) bool {
	if i < 0 || i+len(w) > len(d.toks) {
		return false
	}
	for k, x := range w {
		if d.key(i+k) != x {
			return false
		}
	}
	return true
}
