package extract

import (
	"dxnews/article"
)

// orgMerge files organisation entries by key while mentions are added.
type orgMerge struct {
	amb    map[string]bool // joined keys that could extend to several names
	joined []string        // each mention's joined key
	// The entry with each current key, and the first-created entry whose
	// key extends each proper prefix (keys only ever grow, so an entry
	// stays valid for every prefix it was filed under).
	byKey, byPrefix map[string]*orgEntry
}

func (m *orgMerge) ambiguous(x int) bool { return m.amb[m.joined[x]] }

// index files a under its key and under its prefixes from the from-th on.
func (m *orgMerge) index(a *orgEntry, from int) {
	if b := m.byKey[a.joined]; b == nil || b.joined != a.joined || a.idx < b.idx {
		m.byKey[a.joined] = a
	}
	for n := max(from, 1); n < len(a.key); n++ {
		p := a.joined[:prefixLen(a.key, n)]
		if b := m.byPrefix[p]; b == nil || a.idx < b.idx {
			m.byPrefix[p] = a
		}
	}
}

// named returns the first entry, in order of creation, that mention x with
// key names: one with the same key, one whose key extends it (unless the
// mention could extend to several), or one whose key it extends (unless
// that entry's key could), and whether x extends it; -1 when none.
func (m *orgMerge) named(x int, key []string) (best int, extend bool) {
	best = -1
	consider := func(a *orgEntry, ext bool) {
		if best < 0 || a.idx < best {
			best, extend = a.idx, ext
		}
	}
	j := m.joined[x]
	if a := m.byKey[j]; a != nil && a.joined == j {
		consider(a, false)
	}
	if a := m.byPrefix[j]; a != nil && !m.ambiguous(x) {
		consider(a, false)
	}
	for n := len(key) - 1; n >= 1; n-- {
		p := j[:prefixLen(key, n)]
		if a := m.byKey[p]; a != nil && a.joined == p && !m.ambiguous(a.from) {
			consider(a, true)
		}
	}
	return best, extend
}

// add files mention x, of toks tokens written name, with key (j joined),
// under the entry of list it names, or a new one it appends to list. (The
// list is not a field of m so that the maps of m stay on the stack.)
func (m *orgMerge) add(list []*orgEntry, x int, key []string, j, name string, toks int, ment article.Mention) []*orgEntry {
	best, extend := m.named(x, key)
	if best < 0 {
		a := &orgEntry{name: name, key: key, joined: j, toks: toks, from: x, ms: []article.Mention{ment}, idx: len(list)}
		m.index(a, 1)
		return append(list, a)
	}
	a := list[best]
	if extend {
		old := len(a.key)
		a.name, a.key, a.joined, a.toks, a.from = name, key, j, toks, x
		m.index(a, old)
	} else if len(key) == len(a.key) && toks > a.toks {
		// The spelled-out form of the same name: "Bộ Khoa học và
		// Công nghệ" over "Bộ KH&CN".
		a.name, a.toks = name, toks
	}
	a.ms = append(a.ms, ment)
	return list
}
