package resolve

import "slices"

// group gathers the mentions of one entity while building.
type group struct {
	names map[string]int // written form → articles
	docs  []string       // article IDs, oldest first, each once
	dates []string
}

func (gr *group) add(name, docID, date string) {
	if gr.names == nil {
		gr.names = map[string]int{}
	}
	if n := len(gr.docs); n == 0 || gr.docs[n-1] != docID {
		gr.docs = append(gr.docs, docID)
		gr.dates = append(gr.dates, date)
		gr.names[name]++
	} else if _, ok := gr.names[name]; !ok {
		gr.names[name] = 0
	}
}

// bestName picks the display name: the most complete written form.
func (gr *group) bestName() string { return bestOf(gr.names) }

// sortedKeys returns m's keys in order, so IDs are assigned the same way
// on every build.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// bestOf picks the display form of a name or role: the fullest written
// form, without a bracketed acronym that follows its expansion ("Sở Khoa
// học và Công nghệ (KH&CN) TP.HCM" shows as "Sở Khoa học và Công nghệ
// TP.HCM"). The form dropped stays in names, so it becomes an alias.
func bestOf(names map[string]int) string {
	best := ""
	for n := range names {
		if best == "" || fullness(n) > fullness(best) || (fullness(n) == fullness(best) && n < best) {
			best = n
		}
	}
	if bare, found := stripAcronyms(best); len(found) > 0 && bare != "" {
		if _, ok := names[bare]; !ok {
			names[bare] = 0
		}
		return bare
	}
	return best
}
