package index

import (
	"strings"
	"testing"

	"dxnews/article"
)

func TestSummaryDropsBodyAndMentions(t *testing.T) {
	m := []article.Mention{{Start: 0, End: 3}}
	a := article.Article{ID: "a1", Title: "T", Body: "B", Entities: article.Entities{
		People: []article.Person{{Name: "X", Roles: []string{"R"}, Mentions: m}}, Locations: []article.Location{{Name: "L", Mentions: m}}}}
	s := Summary(a)
	if s.Body != "" || s.Title != "T" || s.Entities.People[0].Roles[0] != "R" {
		t.Errorf("Summary = %+v", s)
	}
	if len(s.Entities.People[0].Mentions) != 0 || len(s.Entities.Locations[0].Mentions) != 0 || s.Entities.Decisions == nil {
		t.Errorf("Summary entities = %+v, want no mentions and empty lists", s.Entities)
	}
	if a.Body != "B" || len(a.Entities.People[0].Mentions) != 1 {
		t.Errorf("Summary changed its argument: %+v", a)
	}
}

func TestDecode(t *testing.T) {
	a, err := Decode("a1", []byte(`{"id":"a1","title":"T"}`))
	if err != nil || a.ID != "a1" || a.Title != "T" || a.Tags == nil || a.Entities.People == nil {
		t.Errorf("Decode = %+v, %v; want a normalised article", a, err)
	}
	if _, err := Decode("a2", []byte(`{"id":`)); err == nil || !strings.Contains(err.Error(), "a2") {
		t.Errorf("Decode of broken JSON: err = %v, want one naming a2", err)
	}
}
