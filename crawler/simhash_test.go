package crawler

import (
	"math/bits"
	"testing"
)

func TestSimHash(t *testing.T) {
	orig := longArticle().title + " " + joinBody(longArticle().body)
	copyText := orig + " Theo báo gốc."
	other := siteArticles[2].title + " " + joinBody(siteArticles[4].body) + joinBody(siteArticles[3].body) + joinBody(siteArticles[1].body)
	if d := bits.OnesCount64(simHash(orig) ^ simHash(copyText)); d > nearDupDistance {
		t.Errorf("syndicated copy differs by %d bits", d)
	}
	if d := bits.OnesCount64(simHash(orig) ^ simHash(other)); d <= nearDupDistance {
		t.Errorf("different articles differ by only %d bits", d)
	}
	idx := newSimIndex()
	idx.add(simHash(orig), "a")
	if got := idx.near(simHash(copyText), "b"); got != "a" {
		t.Errorf("near = %q, want a", got)
	}
	if got := idx.near(simHash(orig), "a"); got != "" {
		t.Errorf("an article is its own near-duplicate: %q", got)
	}
}

func joinBody(ps []string) string {
	out := ""
	for _, p := range ps {
		out += p + " "
	}
	return out
}

// longArticle is an article of realistic length made of the test site's
// paragraphs.
func longArticle() testArticle {
	a := siteArticles[1]
	a.body = nil
	for _, s := range siteArticles[:7] {
		a.body = append(a.body, s.body...)
	}
	return a
}
