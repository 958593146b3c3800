package extract

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
