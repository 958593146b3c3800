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
	return d.longestAt(i, s.firstBit, s.byFirst, false)
}

// endsAt returns the length of the longest phrase of s ending at token k,
// or 0.
func (d *doc) endsAt(k int, s *phraseSet) int {
	return d.longestAt(k, s.lastBit, s.byLast, true)
}

// longestAt returns the length of the longest phrase of byWord, indexed by
// the word at token at, that starts there (or, with ending, ends there), or
// 0. bit is the word class of byWord's keys.
func (d *doc) longestAt(at int, bit uint64, byWord map[string][][]string, ending bool) int {
	if at < 0 || at >= len(d.toks) || d.memo[at].cls&bit == 0 {
		return 0
	}
	best := 0
	for _, w := range byWord[d.key(at)] {
		i := at
		if ending {
			i = at - len(w) + 1
		}
		if len(w) > best && d.words(i, w) {
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
