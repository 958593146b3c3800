package extract

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"dxnews/article"
)

// ScoreTypes lists the entity types Eval scores, in report order.
var ScoreTypes = []string{"people", "roles", "decisions", "targets", "organizations", "locations"}

// Score counts matches of one entity type.
type Score struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP), 1 when nothing was predicted.
func (s Score) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is TP / (TP + FN), 1 when nothing was expected.
func (s Score) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Miss is one disagreement with the annotation: Kind is "missed" (in the
// gold file, not extracted) or "spurious" (extracted, not in the gold file).
type Miss struct {
	Article string
	Type    string
	Kind    string
	Text    string
}

// Report is the result of Eval.
type Report struct {
	Articles int
	// Scores is keyed by the names in ScoreTypes.
	Scores map[string]Score
	Misses []Miss
}

type goldFile struct {
	People []struct {
		Name   string   `json:"name"`
		Roles  []string `json:"roles"`
		Byline bool     `json:"byline"`
	} `json:"people"`
	Decisions []struct {
		Kind   string `json:"kind"`
		Number string `json:"number"`
	} `json:"decisions"`
	Targets []struct {
		Value string `json:"value"`
		Year  string `json:"year"`
	} `json:"targets"`
	Organizations []string `json:"organizations"`
	Locations     []string `json:"locations"`
}

// Eval extracts every article of articlesDir that has an annotation file
// (NAME.json in goldDir ↔ NAME.txt in articlesDir) and scores the result.
// People match on name (gold bylines are neither required nor penalised);
// a role matches when it shares at least half the syllables of the longer
// of the two after abbreviation expansion; decisions match on kind and
// number; targets on value and year; organisations and places ignore case
// and accept the abbreviations of the annotation rules.
func Eval(articlesDir, goldDir string) (Report, error) {
	files, err := filepath.Glob(filepath.Join(goldDir, "*.json"))
	if err != nil {
		return Report{}, fmt.Errorf("extract: %w", err)
	}
	if len(files) == 0 {
		return Report{}, fmt.Errorf("extract: no annotation files in %s", goldDir)
	}
	sort.Strings(files)
	r := Report{Scores: map[string]Score{}}
	for _, gf := range files {
		name := strings.TrimSuffix(filepath.Base(gf), ".json")
		raw, err := os.ReadFile(gf)
		if err != nil {
			return Report{}, fmt.Errorf("extract: %w", err)
		}
		var g goldFile
		if err := json.Unmarshal(raw, &g); err != nil {
			return Report{}, fmt.Errorf("extract: %s: %w", gf, err)
		}
		text, err := os.ReadFile(filepath.Join(articlesDir, name+".txt"))
		if err != nil {
			return Report{}, fmt.Errorf("extract: %w", err)
		}
		r.score(name, g, Entities(string(text)))
		r.Articles++
	}
	return r, nil
}

func (r *Report) add(typ string, tp, fp, fn int) {
	s := r.Scores[typ]
	s.TP += tp
	s.FP += fp
	s.FN += fn
	r.Scores[typ] = s
}

func (r *Report) miss(article, typ, kind, text string) {
	r.Misses = append(r.Misses, Miss{Article: article, Type: typ, Kind: kind, Text: text})
}

func (r *Report) score(name string, g goldFile, e article.Entities) {
	// People and roles.
	bylines := map[string]bool{}
	goldPeople := map[string]int{}
	for i, p := range g.People {
		if p.Byline {
			bylines[phraseKey(p.Name)] = true
			continue
		}
		goldPeople[phraseKey(p.Name)] = i
	}
	matched := map[string]bool{}
	for _, p := range e.People {
		k := phraseKey(p.Name)
		if bylines[k] {
			continue
		}
		gi, ok := goldPeople[k]
		if !ok || matched[k] {
			r.add("people", 0, 1, 0)
			r.miss(name, "people", "spurious", p.Name)
			for _, role := range p.Roles {
				r.add("roles", 0, 1, 0)
				r.miss(name, "roles", "spurious", p.Name+": "+role)
			}
			continue
		}
		matched[k] = true
		r.add("people", 1, 0, 0)
		r.scoreRoles(name, p.Name, g.People[gi].Roles, p.Roles)
	}
	for _, p := range g.People {
		if p.Byline || matched[phraseKey(p.Name)] {
			continue
		}
		r.add("people", 0, 0, 1)
		r.miss(name, "people", "missed", p.Name)
		for _, role := range p.Roles {
			r.add("roles", 0, 0, 1)
			r.miss(name, "roles", "missed", p.Name+": "+role)
		}
	}

	// Decisions: kind and number.
	var gd, pd []string
	for _, d := range g.Decisions {
		gd = append(gd, kindKey(d.Kind)+" "+strings.TrimLeft(d.Number, "0"))
	}
	for _, d := range e.Decisions {
		pd = append(pd, kindKey(d.Kind)+" "+strings.TrimLeft(d.Number, "0"))
	}
	r.scoreExact(name, "decisions", gd, pd)

	// Targets: value and year.
	var gt, pt []string
	for _, t := range g.Targets {
		gt = append(gt, targetKey(t.Value)+" @"+t.Year)
	}
	for _, t := range e.Targets {
		pt = append(pt, targetKey(t.Value)+" @"+t.Year)
	}
	r.scoreExact(name, "targets", gt, pt)

	var po, pl []string
	for _, o := range e.Organizations {
		po = append(po, o.Name)
	}
	for _, l := range e.Locations {
		pl = append(pl, l.Name)
	}
	r.scoreNames(name, "organizations", g.Organizations, po, orgMatch)
	r.scoreNames(name, "locations", dedupePlaces(g.Locations), dedupePlaces(pl), placeMatch)
}

func (r *Report) scoreRoles(article, person string, gold, pred []string) {
	gk := make([][]string, len(gold))
	for i, g := range gold {
		gk[i] = matchKey(g)
	}
	type pair struct {
		p, g  int
		share float64
	}
	var pairs []pair
	for pi, p := range pred {
		pk := matchKey(p)
		for gi := range gold {
			shared := sharedSyllables(pk, gk[gi])
			longer := max(len(pk), len(gk[gi]))
			if longer > 0 && 2*shared >= longer {
				pairs = append(pairs, pair{pi, gi, float64(shared) / float64(longer)})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].share > pairs[j].share })
	usedP := make([]bool, len(pred))
	usedG := make([]bool, len(gold))
	for _, x := range pairs {
		if usedP[x.p] || usedG[x.g] {
			continue
		}
		usedP[x.p], usedG[x.g] = true, true
		r.add("roles", 1, 0, 0)
	}
	for i, u := range usedP {
		if !u {
			r.add("roles", 0, 1, 0)
			r.miss(article, "roles", "spurious", person+": "+pred[i])
		}
	}
	for i, u := range usedG {
		if !u {
			r.add("roles", 0, 0, 1)
			r.miss(article, "roles", "missed", person+": "+gold[i])
		}
	}
}

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

// WriteText prints the score table and the list of misses.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles\n\n%-14s %6s %6s %6s %5s %5s %5s\n", r.Articles, "type", "P", "R", "F1", "TP", "FP", "FN")
	for _, t := range ScoreTypes {
		s := r.Scores[t]
		fmt.Fprintf(&b, "%-14s %6.3f %6.3f %6.3f %5d %5d %5d\n", t, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
	if len(r.Misses) > 0 {
		b.WriteString("\nmisses:\n")
		for _, m := range r.Misses {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", m.Article, m.Type, m.Kind, m.Text)
		}
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	return nil
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
