package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dxnews/corpus"
)

func TestEvalCorpusMeetsFloors(t *testing.T) {
	c := corpus.DirOrSkip(t, "gold")
	r := evalLogged(t, "corpus", filepath.Join(c, "articles"), filepath.Join(c, "gold"))
	floors := map[string]float64{"people": 0.95, "roles": 0.85, "decisions": 0.95, "targets": 0.85}
	for typ, floor := range floors {
		if f := r.Scores[typ].F1(); f < floor {
			t.Errorf("%s F1 = %.3f, below %.2f", typ, f, floor)
		}
	}
}

// TestSeedArticle checks the article the project started from: Phan Văn
// Mãi with both his city and steering-committee roles, and Quyết định 944
// issued by UBND TP.HCM.
func TestSeedArticle(t *testing.T) {
	c := corpus.DirOrSkip(t, "gold")
	raw, err := os.ReadFile(filepath.Join(c, "articles", "seed.txt"))
	if err != nil {
		t.Skipf("seed article not readable: %v", err)
	}
	text := string(raw)
	e := Entities(text)
	checkMentions(t, text, e)

	var roles []string
	for _, p := range e.People {
		if p.Name == "Phan Văn Mãi" {
			roles = p.Roles
		}
	}
	if roles == nil {
		t.Fatalf("Phan Văn Mãi not found among %d people", len(e.People))
	}
	hasRole := func(prefix, contains string) bool {
		for _, r := range roles {
			if strings.HasPrefix(r, prefix) && strings.Contains(r, contains) {
				return true
			}
		}
		return false
	}
	if !hasRole("Chủ tịch UBND", "TP.HCM") {
		t.Errorf("roles %q lack Chủ tịch UBND TP.HCM", roles)
	}
	if !hasRole("Trưởng ban Ban chỉ đạo", "") {
		t.Errorf("roles %q lack Trưởng ban Ban chỉ đạo …", roles)
	}
	found := false
	for _, d := range e.Decisions {
		if d.Kind == "Quyết định" && d.Number == "944" {
			found = true
			if d.Issuer != "UBND TP.HCM" {
				t.Errorf("Quyết định 944 issuer = %q, want UBND TP.HCM", d.Issuer)
			}
			if !strings.Contains(d.Subject, "thành lập Ban chỉ đạo") {
				t.Errorf("Quyết định 944 subject = %q", d.Subject)
			}
		}
	}
	if !found {
		t.Errorf("Quyết định 944 not found in %+v", e.Decisions)
	}
	for _, p := range e.People {
		for _, m := range p.Mentions {
			if got := text[m.Start:m.End]; !strings.Contains(p.Name, got) {
				t.Errorf("mention %q of %s is not part of the name", got, p.Name)
			}
		}
	}
}

// TestEvalGoalSets scores the goal-list texts written for the project (see
// testdata/goals/README.md): the development half and the half held out
// while the rules were written. Their known misses stay in the texts.
func TestEvalGoalSets(t *testing.T) {
	for _, set := range []string{"dev", "heldout"} {
		dir := filepath.Join("testdata", "goals", set)
		r := evalLogged(t, set, filepath.Join(dir, "articles"), filepath.Join(dir, "gold"))
		for typ, floor := range map[string]float64{"targets": 0.85, "organizations": 0.90, "people": 0.95, "decisions": 0.95} {
			if f := r.Scores[typ].F1(); f < floor {
				t.Errorf("%s: %s F1 = %.3f, below %.2f", set, typ, f, floor)
			}
		}
	}
}

// evalLogged runs Eval and logs its report under name.
func evalLogged(t *testing.T, name, articles, gold string) Report {
	t.Helper()
	r, err := Eval(articles, gold)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s:\n%s", name, b.String())
	return r
}
