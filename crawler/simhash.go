package crawler

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

func isLetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// simHash returns a 64-bit SimHash of text over word 3-shingles. Copies of
// one article that differ only in furniture or a few words differ in a few
// bits.
func simHash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !isLetter(r) })
	if len(words) == 0 {
		return 0
	}
	var v [64]int
	add := func(s string) {
		h := fnv.New64a()
		h.Write([]byte(s))
		x := h.Sum64()
		for i := range 64 {
			if x&(1<<uint(i)) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	if len(words) < 3 {
		add(strings.Join(words, " "))
	}
	for i := 0; i+3 <= len(words); i++ {
		add(words[i] + " " + words[i+1] + " " + words[i+2])
	}
	var out uint64
	for i := range 64 {
		if v[i] > 0 {
			out |= 1 << uint(i)
		}
	}
	return out
}

// nearDupDistance is the largest Hamming distance between two SimHashes
// still considered the same article.
const nearDupDistance = 3

// simIndex finds SimHashes within nearDupDistance bits. By the pigeonhole
// principle two hashes that close agree exactly on at least one of four
// 16-bit bands, so lookups only compare hashes sharing a band.
type simIndex struct {
	bands [4]map[uint16][]simEntry
}

type simEntry struct {
	hash uint64
	id   string
}

func newSimIndex() *simIndex {
	s := &simIndex{}
	for i := range s.bands {
		s.bands[i] = make(map[uint16][]simEntry)
	}
	return s
}

func (s *simIndex) add(h uint64, id string) {
	for i := range s.bands {
		k := uint16(h >> (16 * uint(i)))
		s.bands[i][k] = append(s.bands[i][k], simEntry{h, id})
	}
}

// near returns the ID of an indexed article other than id whose hash is
// within nearDupDistance of h, or "".
func (s *simIndex) near(h uint64, id string) string {
	for i := range s.bands {
		for _, e := range s.bands[i][uint16(h>>(16*uint(i)))] {
			if e.id != id && bits.OnesCount64(e.hash^h) <= nearDupDistance {
				return e.id
			}
		}
	}
	return ""
}
