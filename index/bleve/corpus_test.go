package bleve

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dxnews/article"
	"dxnews/corpus"
	"dxnews/index"
)

// goldFile is the part of a corpus annotation the index uses.
type goldFile struct {
	People []struct {
		Name  string   `json:"name"`
		Roles []string `json:"roles"`
	} `json:"people"`
	Decisions     []article.Decision `json:"decisions"`
	Organizations []string           `json:"organizations"`
	Locations     []string           `json:"locations"`
}

// loadCorpus reads the annotated corpus articles with their gold entities.
func loadCorpus(t *testing.T) []article.Article {
	dir := corpus.DirOrSkip(t, "articles")
	files, err := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no corpus articles in %s", dir)
	}
	var out []article.Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(string(raw), "\n", 3)
		if len(lines) < 3 {
			continue
		}
		src := strings.TrimSpace(strings.TrimPrefix(lines[1], "SOURCE:"))
		u, _ := url.Parse(src)
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		a := article.Article{ID: name, URL: src, Title: strings.TrimSpace(lines[0]), Body: lines[2]}
		if u != nil {
			a.Source = u.Hostname()
		}
		if g, err := os.ReadFile(filepath.Join(dir, "gold", name+".json")); err == nil {
			var gold goldFile
			if err := json.Unmarshal(g, &gold); err != nil {
				t.Fatalf("%s gold: %v", name, err)
			}
			for _, p := range gold.People {
				a.Entities.People = append(a.Entities.People, article.Person{Name: p.Name, Roles: p.Roles})
			}
			a.Entities.Decisions = gold.Decisions
			for _, o := range gold.Organizations {
				a.Entities.Organizations = append(a.Entities.Organizations, article.Organization{Name: o})
			}
			for _, l := range gold.Locations {
				a.Entities.Locations = append(a.Entities.Locations, article.Location{Name: l})
			}
		}
		out = append(out, a)
	}
	return out
}

// TestCorpusFoldedQueries indexes the real corpus and asks for every
// article, person and decision without diacritics.
func TestCorpusFoldedQueries(t *testing.T) {
	docs := loadCorpus(t)
	ctx := context.Background()
	ix := openT(t, "")
	if err := ix.Index(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	first, people, decisions := 0, 0, 0
	for _, a := range docs {
		res, err := ix.Search(ctx, index.Query{Text: index.Fold(a.Title)})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Articles) > 0 && res.Articles[0].ID == a.ID {
			first++
		} else {
			t.Errorf("folded title of %s: results %v", a.ID, ids(res))
		}
		for _, p := range a.Entities.People {
			res, err := ix.Search(ctx, index.Query{Person: index.Fold(p.Name)})
			if err != nil {
				t.Fatal(err)
			}
			es, err := ix.Entities(ctx, index.EntityQuery{Type: index.TypePerson, Q: index.Fold(p.Name)})
			if err != nil {
				t.Fatal(err)
			}
			found := slices.ContainsFunc(es, func(e index.Entity) bool {
				return e.Name == p.Name && slices.Contains(e.Articles, a.ID)
			})
			if slices.Contains(ids(res), a.ID) && found {
				people++
			} else {
				t.Errorf("person %q of %s: search %v, entities %+v", p.Name, a.ID, ids(res), es)
			}
		}
		for _, d := range a.Entities.Decisions {
			if d.Number == "" {
				continue
			}
			res, err := ix.Search(ctx, index.Query{Decision: d.Number})
			if err != nil {
				t.Fatal(err)
			}
			if slices.Contains(ids(res), a.ID) {
				decisions++
			} else {
				t.Errorf("decision %q of %s: search %v", d.Number, a.ID, ids(res))
			}
		}
	}
	t.Logf("%d articles: %d found first by folded title; %d people and %d decisions found by folded filters",
		len(docs), first, people, decisions)
}

func ids(res index.Results) []string {
	var out []string
	for _, a := range res.Articles {
		out = append(out, a.ID)
	}
	return out
}
