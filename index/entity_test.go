package index

import (
	"slices"
	"testing"
	"time"

	"dxnews/article"

	"golang.org/x/text/unicode/norm"
)

func TestDecisionNameAndKeys(t *testing.T) {
	for _, tc := range []struct {
		d    article.Decision
		name string
		keys []string
	}{
		{article.Decision{Kind: "Quyết định", Number: "944"}, "Quyết định 944", []string{"944", "quyet dinh 944"}},
		{article.Decision{Kind: "Quyết định", Number: "749", Symbol: "749/QĐ-TTg"}, "Quyết định 749/QĐ-TTg",
			[]string{"749", "749/qd-ttg", "quyet dinh 749", "quyet dinh 749/qd-ttg"}},
		{article.Decision{Kind: norm.NFD.String("Nghị quyết"), Number: " 09-NQ/TU "}, "Nghị quyết 09-NQ/TU",
			[]string{"09-nq/tu", "nghi quyet 09-nq/tu"}},
		{article.Decision{Kind: "Luật"}, "Luật", []string{"luat"}},
	} {
		if got := DecisionName(tc.d); got != tc.name {
			t.Errorf("DecisionName(%+v) = %q, want %q", tc.d, got, tc.name)
		}
		if got := DecisionKeys(tc.d); !slices.Equal(got, tc.keys) {
			t.Errorf("DecisionKeys(%+v) = %q, want %q", tc.d, got, tc.keys)
		}
	}
}

func TestTargetName(t *testing.T) {
	for _, tc := range []struct {
		t    article.Target
		want string
	}{
		{article.Target{Value: "85%", Metric: "người dân có điện thoại thông minh", Year: "2025"}, "85% người dân có điện thoại thông minh (2025)"},
		{article.Target{Qualifier: "ít nhất", Value: "50", Metric: "doanh nghiệp số"}, "ít nhất 50 doanh nghiệp số"},
		{article.Target{Year: "2030"}, ""},
	} {
		if got := TargetName(tc.t); got != tc.want {
			t.Errorf("TargetName(%+v) = %q, want %q", tc.t, got, tc.want)
		}
	}
}

func TestEntityNamesDistinct(t *testing.T) {
	e := article.Entities{
		People:    []article.Person{{Name: "Lê  Văn Bình"}, {Name: norm.NFD.String("Lê Văn Bình")}, {Name: " "}, {Name: "Trần Thu"}},
		Decisions: []article.Decision{{Kind: "Kế hoạch", Number: "12"}, {Kind: "Kế hoạch", Number: "12"}},
	}
	if got := EntityNames(e, TypePerson); !slices.Equal(got, []string{"Lê Văn Bình", "Trần Thu"}) {
		t.Errorf("people = %q", got)
	}
	if got := EntityNames(e, TypeDecision); !slices.Equal(got, []string{"Kế hoạch 12"}) {
		t.Errorf("decisions = %q", got)
	}
	if got := EntityNames(e, "robot"); got != nil {
		t.Errorf("unknown type = %q", got)
	}
}

func TestNewestFirst(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 8, 0, 0, 0, time.UTC) }
	arts := []article.Article{
		{ID: "c"},
		{ID: "b", Published: day(1)},
		{ID: "a"},
		{ID: "e", Published: day(2)},
		{ID: "d", Published: day(2).In(time.FixedZone("ICT", 7*3600))},
	}
	slices.SortFunc(arts, NewestFirst)
	var got []string
	for _, a := range arts {
		got = append(got, a.ID)
	}
	if want := []string{"d", "e", "b", "a", "c"}; !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v (newest first, the same instant by ID, undated last)", got, want)
	}
}
