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
	hs := make([]uint64, len(words))
	for i, w := range words {
		h := fnv.New64a()
		h.Write([]byte(w))
		hs[i] = h.Sum64()
	}
	var v [64]int32
	add := func(x uint64) {
		for i := range 64 {
			v[i] += int32(x>>uint(i)&1)*2 - 1
		}
	}
	if len(hs) < 3 {
		add(mix(hs[0], hs[len(hs)-1], 0))
	}
	for i := 0; i+3 <= len(hs); i++ {
		add(mix(hs[i], hs[i+1], hs[i+2]))
	}
	var out uint64
	for i := range 64 {
		if v[i] > 0 {
			out |= 1 << uint(i)
		}
	}
	return out
}

// mix combines three word hashes into one shingle hash (splitmix64 finaliser
// over an order-dependent sum).
func mix(a, b, c uint64) uint64 {
	x := a*0x9e3779b97f4a7c15 ^ b*0xc2b2ae3d27d4eb4f ^ c*0x165667b19e3779f9
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
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
