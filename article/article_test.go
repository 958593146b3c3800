package article

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestIDForIsStableAndDistinct(t *testing.T) {
	a := IDFor("https://example.vn/a.html")
	if a != IDFor("https://example.vn/a.html") {
		t.Fatal("IDFor is not stable")
	}
	if len(a) != 16 {
		t.Fatalf("IDFor length = %d, want 16", len(a))
	}
	if a == IDFor("https://example.vn/b.html") {
		t.Fatal("different URLs share an ID")
	}
}

func TestNormalizeGivesArraysNotNull(t *testing.T) {
	a := Article{Entities: Entities{People: []Person{{Name: "X"}}, Decisions: []Decision{{}}, Targets: []Target{{}},
		Organizations: []Organization{{}}, Locations: []Location{{}}}}
	a.Normalize()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "null") {
		t.Fatalf("JSON has null: %s", b)
	}
	if strings.Contains(string(b), `"published"`) {
		t.Fatalf("zero published time serialised: %s", b)
	}
}

func TestText(t *testing.T) {
	a := Article{Title: "T", Body: "B"}
	if got := a.Text(); got != "T\n\nB" {
		t.Fatalf("Text() = %q", got)
	}
}

func TestLookupVoice(t *testing.T) {
	v, err := LookupVoice("south-male")
	if err != nil || v.Label != "Nam miền Nam" || v.Region != South {
		t.Fatalf("LookupVoice(south-male) = %+v, %v", v, err)
	}
	if _, err := LookupVoice("robot"); err == nil || !strings.Contains(err.Error(), "north-female") {
		t.Fatalf("unknown voice error = %v", err)
	}
}

func TestWithoutMentionsLeavesTheOriginal(t *testing.T) {
	m := []Mention{{Start: 1, End: 4}}
	e := Entities{People: []Person{{Name: "X", Mentions: m}}, Decisions: []Decision{{Number: "1", Mentions: m}},
		Targets: []Target{{Value: "1", Mentions: m}}, Organizations: []Organization{{Name: "O", Mentions: m}},
		Locations: []Location{{Name: "L", Mentions: m}}}
	w := e.WithoutMentions()
	if w.People[0].Mentions != nil || w.Decisions[0].Mentions != nil || w.Targets[0].Mentions != nil ||
		w.Organizations[0].Mentions != nil || w.Locations[0].Mentions != nil {
		t.Errorf("WithoutMentions kept mentions: %+v", w)
	}
	if w.People[0].Name != "X" || w.Locations[0].Name != "L" {
		t.Errorf("WithoutMentions lost names: %+v", w)
	}
	if len(e.People[0].Mentions) != 1 || len(e.Decisions[0].Mentions) != 1 || len(e.Targets[0].Mentions) != 1 ||
		len(e.Organizations[0].Mentions) != 1 || len(e.Locations[0].Mentions) != 1 {
		t.Errorf("WithoutMentions changed the original: %+v", e)
	}
}

func TestWidenSpan(t *testing.T) {
	for _, tc := range []struct {
		first, last string
		days        []string
		want        [2]string
	}{
		{"", "", nil, [2]string{"", ""}},
		{"", "", []string{"", "2024-05-01", ""}, [2]string{"2024-05-01", "2024-05-01"}},
		{"", "", []string{"2024-05-01", "2023-01-09", "2025-12-31"}, [2]string{"2023-01-09", "2025-12-31"}},
		{"2024-01-01", "2024-02-01", []string{"2024-01-15"}, [2]string{"2024-01-01", "2024-02-01"}},
		{"2024-01-01", "2024-02-01", []string{"2023-12-31", "2024-03-01"}, [2]string{"2023-12-31", "2024-03-01"}},
		{"2024-01-01", "2024-02-01", []string{""}, [2]string{"2024-01-01", "2024-02-01"}},
	} {
		first, last := WidenSpan(tc.first, tc.last, tc.days...)
		if [2]string{first, last} != tc.want {
			t.Errorf("WidenSpan(%q, %q, %q) = %q, %q; want %q", tc.first, tc.last, tc.days, first, last, tc.want)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	blank := func(r rune) bool { return r == ' ' || r == '\n' }
	for in, want := range map[string]string{
		"":                       "",
		"  ":                     "",
		"Phó Trưởng ban":         "Phó Trưởng ban",
		" Phó  Trưởng\n\nban \n": "Phó Trưởng ban",
		"a\tb":                   "a\tb",
	} {
		if got := CollapseSpace(in, blank); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

// LowerHex accepts what IDFor writes and nothing with another byte.
func TestLowerHex(t *testing.T) {
	for s, want := range map[string]bool{
		IDFor("https://example.vn/a"): true,
		"":                            true,
		"0123456789abcdef":            true,
		"0123456789ABCDEF":            false,
		"abcg":                        false,
		"ab/cd":                       false,
		"ab cd":                       false,
		"ab\x00":                      false,
		"é":                           false,
	} {
		if got := LowerHex(s); got != want {
			t.Errorf("LowerHex(%q) = %v, want %v", s, got, want)
		}
	}
}
