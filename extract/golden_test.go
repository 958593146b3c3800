package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dxnews/article"
	"dxnews/internal/golden"
)

type goldenOutput struct {
	Entities article.Entities `json:"entities"`
	Authors  []string         `json:"authors"`
}

// TestGolden extracts each testdata/<n>.txt and compares the result with
// testdata/<n>.golden.json (regenerate with go test ./extract -update, then
// review the diff).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			e, authors := EntitiesWithAuthors(string(text))
			golden.JSON(t, strings.TrimSuffix(f, ".txt")+".golden.json", goldenOutput{e, authors})
			checkMentions(t, string(text), e)
		})
	}
}

// checkMentions asserts that every mention lies inside the text and, when
// the text is valid UTF-8, on rune boundaries.
func checkMentions(t *testing.T, text string, e article.Entities) {
	t.Helper()
	valid := utf8.ValidString(text)
	check := func(what string, ms []article.Mention) {
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Errorf("%s: mention %v outside text of %d bytes", what, m, len(text))
				continue
			}
			if valid && (!isRuneStart(text, m.Start) || !isRuneStart(text, m.End)) {
				t.Errorf("%s: mention %v splits a character", what, m)
			}
		}
	}
	for _, p := range e.People {
		check(p.Name, p.Mentions)
	}
	for _, d := range e.Decisions {
		check(d.Kind+" "+d.Number, d.Mentions)
	}
	for _, x := range e.Targets {
		check(x.Value, x.Mentions)
	}
	for _, o := range e.Organizations {
		check(o.Name, o.Mentions)
	}
	for _, l := range e.Locations {
		check(l.Name, l.Mentions)
	}
}

func isRuneStart(s string, i int) bool {
	return i == len(s) || s[i]&0xC0 != 0x80
}
