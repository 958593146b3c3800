package extract

import (
	"sort"
	"strings"
)

func (r *Report) scoreExact(article, typ string, gold, pred []string) {
	left := map[string]int{}
	for _, g := range gold {
		left[g]++
	}
	for _, p := range pred {
		if left[p] > 0 {
			left[p]--
			r.add(typ, 1, 0, 0)
			continue
		}
		r.add(typ, 0, 1, 0)
		r.miss(article, typ, "spurious", p)
	}
	for _, g := range gold {
		if left[g] > 0 {
			left[g]--
			r.add(typ, 0, 0, 1)
			r.miss(article, typ, "missed", g)
		}
	}
}

func (r *Report) scoreNames(article, typ string, gold, pred []string, match func(a, b string) bool) {
	// Pair the closest names first, so that one loose match does not take
	// the gold entry an exact one needs.
	type pair struct {
		p, g  int
		share float64
	}
	var pairs []pair
	for pi, p := range pred {
		pk := matchKey(stripNote(p))
		for gi, g := range gold {
			if !match(g, p) {
				continue
			}
			gk := matchKey(stripNote(g))
			longer := max(len(pk), len(gk), 1)
			pairs = append(pairs, pair{pi, gi, float64(sharedSyllables(pk, gk)) / float64(longer)})
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].share > pairs[j].share })
	usedP := make([]bool, len(pred))
	usedG := make([]bool, len(gold))
	for _, x := range pairs {
		if !usedP[x.p] && !usedG[x.g] {
			usedP[x.p], usedG[x.g] = true, true
			r.add(typ, 1, 0, 0)
		}
	}
	for i, u := range usedP {
		if !u {
			r.add(typ, 0, 1, 0)
			r.miss(article, typ, "spurious", pred[i])
		}
	}
	for i, u := range usedG {
		if !u {
			r.add(typ, 0, 0, 1)
			r.miss(article, typ, "missed", gold[i])
		}
	}
}

// stripNote drops an annotator's parenthesised remark: "Tỉnh ủy (Hà Giang)".
func stripNote(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		return s[:i]
	}
	return s
}

// orgMatch accepts equal names after abbreviation expansion, or one name
// contained in the other when it covers at least half of it (the rule
// roles use).
func orgMatch(gold, pred string) bool {
	a, b := orgKey(matchKey(stripNote(gold))), orgKey(matchKey(stripNote(pred)))
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 || 2*len(a) < len(b) {
		return false
	}
	for i := 0; i+len(a) <= len(b); i++ {
		if prefixOf(a, b[i:]) {
			return true
		}
	}
	return false
}

// placeKey maps a written place to its canonical gazetteer name, without an
// administrative prefix ("TP Hà Nội" → "Hà Nội").
func placeKey(s string) string {
	s = stripNote(s)
	if c, ok := CanonicalPlace(s); ok {
		return phraseKey(c)
	}
	return strings.Join(matchKey(s), " ")
}

func placeMatch(gold, pred string) bool { return placeKey(gold) == placeKey(pred) }

func dedupePlaces(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		k := placeKey(s)
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// targetKey is the form a target value is compared in: without spaces, in
// lower case, and without the rank word annotators write or leave out
// ("nhóm 4" and "4" in "vào nhóm 4 nước dẫn đầu").
func targetKey(v string) string {
	v = strings.ToLower(strings.ReplaceAll(v, " ", ""))
	for _, w := range []string{"nhóm", "top"} {
		if r, ok := strings.CutPrefix(v, w); ok && r != "" && r[0] >= '0' && r[0] <= '9' {
			return r
		}
	}
	return v
}

// kindKey is the form a decision kind is compared in: folded, and reduced
// to the kind of the contract it is a sort of ("Chương trình hành động" is
// a Chương trình).
func kindKey(k string) string {
	return strings.TrimSuffix(phraseKey(k), " hành động")
}
