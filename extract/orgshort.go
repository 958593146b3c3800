package extract

import (
	"slices"
	"unicode"
)

// shortName reports whether a may be a short form of a longer name: an
// acronym, a name of at most four words, or a committee pointing back to
// its province ("Ban chỉ đạo chuyển đổi số tỉnh"), which is committee.
func shortName(a *orgEntry) (ok, committee bool) {
	last := a.key[len(a.key)-1]
	committee = len(a.key) > 3 && (a.key[0] == "ban" && a.key[1] == "chỉ" || a.key[0] == "tổ" && a.key[1] == "công" || a.key[0] == "hội" && a.key[1] == "đồng") &&
		(last == "tỉnh" || last == "phố" || last == "huyện")
	return !a.gone && (committee || len(a.key) <= 4 && (len(a.key) <= 1 || isAcronym(a.name))), committee
}

// entriesByWord maps each word of the short names to the entries whose key
// holds it; nil when there is no short name.
func entriesByWord(list []*orgEntry) map[string][]*orgEntry {
	var byWord map[string][]*orgEntry
	for _, a := range list {
		if ok, _ := shortName(a); ok {
			if byWord == nil {
				byWord = map[string][]*orgEntry{}
			}
			for _, k := range a.key {
				byWord[k] = nil
			}
		}
	}
	if byWord != nil {
		for _, a := range list {
			for i, k := range a.key {
				if ws, ok := byWord[k]; ok && !slices.Contains(a.key[:i], k) {
					byWord[k] = append(ws, a)
				}
			}
		}
	}
	return byWord
}

// mergeShortNames merges a short name into the one longer name holding all
// its words: an acronym that a longer name spells out in brackets or after
// a dash ("Hiệp hội … (VINASA)") is that organisation, and "Ban chỉ đạo
// chuyển đổi số tỉnh", pointing back with "tỉnh", is "Ban chỉ đạo thực
// hiện chương trình chuyển đổi số tỉnh Thái Nguyên" when that is the only
// name holding all its words.
func mergeShortNames(list []*orgEntry) {
	byWord := entriesByWord(list)
	for _, a := range list {
		ok, committee := shortName(a)
		if !ok || len(a.key) == 1 && a.key[0] == "đảng" {
			continue // the Party is not the "Đảng" of "Đảng bộ tỉnh"
		}
		if into := longerForm(a, byWord, committee); into != nil {
			into.ms = append(into.ms, a.ms...)
			a.gone = true
		}
	}
}

// longerForm returns the entry a short name a stands for: the first
// longer name holding all its words, or for a committee the only one.
func longerForm(a *orgEntry, byWord map[string][]*orgEntry, committee bool) *orgEntry {
	rare := byWord[a.key[0]]
	for _, k := range a.key[1:] {
		if len(byWord[k]) < len(rare) {
			rare = byWord[k]
		}
	}
	var into *orgEntry
	for _, b := range rare {
		if b != a && !b.gone && len(b.key) > len(a.key) && containsAll(b.key, a.key) {
			if into != nil && committee {
				return nil // two committees could be meant
			}
			into = b
			if !committee {
				break
			}
		}
	}
	return into
}

// isAcronym reports whether a name starts with an upper-case acronym
// ("IOC Huế").
func isAcronym(name string) bool {
	n := 0
	for _, r := range name {
		if r == ' ' {
			break
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// containsAll reports whether every key of sub occurs in keys.
func containsAll(keys, sub []string) bool {
	for _, k := range sub {
		if !slices.Contains(keys, k) {
			return false
		}
	}
	return true
}
