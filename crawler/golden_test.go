package crawler

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/sites")

// sitesDir holds one page per site profile, <profile>.html, more cases of
// a profile as <profile>-<case>.html and pages of no profile as
// generic-<case>.html; each starts with a comment giving the URL it is
// parsed as, and has its expected article beside it in .golden.json.
var sitesDir = filepath.Join("testdata", "sites")

// goldenPage is one page of sitesDir.
type goldenPage struct{ file, url string }

// urlComment is the first line of every page of sitesDir.
var urlComment = regexp.MustCompile(`^<!-- url: (\S+) -->`)

// goldenPages lists the pages of sitesDir with their URLs.
func goldenPages(t *testing.T) []goldenPage {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sitesDir, "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages in %s: %v", sitesDir, err)
	}
	var out []goldenPage
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := urlComment.FindSubmatch(raw)
		if m == nil {
			t.Fatalf("%s does not start with <!-- url: URL -->", f)
		}
		out = append(out, goldenPage{filepath.Base(f), string(m[1])})
	}
	return out
}

// goldenArticle is the part of an article a golden file pins down.
type goldenArticle struct {
	ID            string   `json:"id"`
	CanonicalURL  string   `json:"canonical_url"`
	Source        string   `json:"source"`
	Title         string   `json:"title"`
	Sapo          string   `json:"sapo"`
	Body          []string `json:"body"`
	Authors       []string `json:"authors"`
	Published     string   `json:"published"`
	PublishedFrom string   `json:"published_from"`
	Section       string   `json:"section"`
	Tags          []string `json:"tags"`
	Images        []string `json:"images"`
	IsArticle     bool     `json:"is_article"`
	Relevant      bool     `json:"relevant"`
	Terms         []string `json:"terms"`
}

func parseGolden(t *testing.T, file, pageURL string) goldenArticle {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(sitesDir, file))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := readHTML(bytes.NewReader(raw), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	base := mustURL(t, pageURL)
	p := parseDocument(doc, base, nil)
	a := p.article
	rel := Score(a)
	g := goldenArticle{
		ID: a.ID, CanonicalURL: a.CanonicalURL, Source: a.Source, Title: a.Title, Sapo: a.Sapo,
		Body: strings.Split(a.Body, "\n\n"), Authors: a.Authors, PublishedFrom: a.PublishedFrom,
		Section: a.Section, Tags: a.Tags, Images: a.Images, IsArticle: p.isArticle,
		Relevant: rel.Score >= DefaultThreshold, Terms: rel.Terms,
	}
	if !a.Published.IsZero() {
		g.Published = a.Published.Format("2006-01-02T15:04:05Z07:00")
	}
	return g
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenPages(t) {
		t.Run(tc.file, func(t *testing.T) {
			got := parseGolden(t, tc.file, tc.url)
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			path := filepath.Join(sitesDir, strings.TrimSuffix(tc.file, ".html")+".golden.json")
			if *update {
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./crawler -update)", err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("%s differs from golden\n got: %s\nwant: %s", tc.file, b, want)
			}
		})
	}
}

// TestEveryProfileHasAGoldenPage: each built-in site profile has its page,
// parsed with its own rule, and lists hosts no other profile lists.
func TestEveryProfileHasAGoldenPage(t *testing.T) {
	owner := map[string]string{}
	for _, s := range DefaultSources() {
		if s.Rule == nil {
			t.Errorf("profile %s has no rule", s.Name)
		}
		for _, h := range s.Hosts {
			if o, dup := owner[hostKey(h)]; dup {
				t.Errorf("host %s is in profiles %s and %s", h, o, s.Name)
			}
			owner[hostKey(h)] = s.Name
		}
		page := filepath.Join(sitesDir, s.Name+".html")
		raw, err := os.ReadFile(page)
		if err != nil {
			t.Errorf("profile %s has no golden page: %v", s.Name, err)
			continue
		}
		m := urlComment.FindSubmatch(raw)
		if m == nil || owner[sourceName(string(m[1]))] != s.Name {
			t.Errorf("%s is not parsed as a page of %s's hosts", page, s.Name)
		}
	}
}

// TestProfileRulesMatchTheirPage: one row per selector of each profile's
// rule — each finds something on the profile's golden page, so a rule that
// no longer matches the site's markup fails here before it fails silently
// in a crawl. Remove is furniture a page may lack.
func TestProfileRulesMatchTheirPage(t *testing.T) {
	for _, s := range DefaultSources() {
		raw, err := os.ReadFile(filepath.Join(sitesDir, s.Name+".html"))
		if err != nil {
			continue // TestEveryProfileHasAGoldenPage reports it
		}
		doc, err := readHTML(bytes.NewReader(raw), "text/html")
		if err != nil {
			t.Fatal(err)
		}
		r := s.Rule
		for _, sel := range []struct{ field, css string }{
			{"title", r.Title}, {"sapo", r.Sapo}, {"body", r.Body}, {"published", r.Published},
			{"authors", r.Authors}, {"section", r.Section}, {"tags", r.Tags},
		} {
			t.Run(s.Name+"/"+sel.field, func(t *testing.T) {
				if sel.css == "" {
					t.Skip("no selector: the fallback reads it")
				}
				if doc.Find(sel.css).Length() == 0 {
					t.Errorf("%s matches nothing on %s.html", sel.css, s.Name)
				}
			})
		}
	}
}
