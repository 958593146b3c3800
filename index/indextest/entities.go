package indextest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"dxnews/article"
	"dxnews/index"
)

func entities(t *testing.T, ix index.Indexer, q index.EntityQuery) []index.Entity {
	t.Helper()
	es, err := ix.Entities(context.Background(), q)
	if err != nil {
		t.Fatalf("Entities(%+v): %v", q, err)
	}
	for _, e := range es {
		if e.Roles == nil || e.Articles == nil {
			t.Fatalf("Entities(%+v): %q has nil roles or articles", q, e.Name)
		}
		if e.Type != q.Type {
			t.Fatalf("Entities(%+v): %q has type %q", q, e.Name, e.Type)
		}
	}
	return es
}

func names(es []index.Entity) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Name)
	}
	return out
}

func testEntities(t *testing.T, ix index.Indexer) {
	mai := index.Entity{
		Type: index.TypePerson, Name: "Phan Văn Mãi", Count: 2,
		Roles:    []string{"Chủ tịch UBND TP.HCM", "Trưởng ban Ban Chỉ đạo chuyển đổi số TP.HCM"},
		Articles: []string{idHCMC, idDaNang},
	}
	for _, q := range []string{"", "Phan Văn Mãi", "phan van mai", "PHAN VAN MAI", "văn mãi"} {
		es := entities(t, ix, index.EntityQuery{Type: index.TypePerson, Q: q})
		if len(es) == 0 {
			t.Fatalf("Entities(person, %q) is empty", q)
		}
		checkEntity(t, "person "+q, es[0], mai)
		if q != "" && len(es) != 1 {
			t.Errorf("Entities(person, %q) = %v, want only %s", q, names(es), mai.Name)
		}
	}
	if es := entities(t, ix, index.EntityQuery{Type: index.TypePerson}); len(es) != 3 {
		t.Errorf("Entities(person) = %v, want 3 people", names(es))
	}
	if es := entities(t, ix, index.EntityQuery{Type: index.TypePerson, Size: 1}); len(es) != 1 || es[0].Name != mai.Name {
		t.Errorf("Entities(person, size 1) = %v", names(es))
	}

	for _, tc := range []struct {
		q    index.EntityQuery
		want index.Entity
	}{
		{index.EntityQuery{Type: index.TypeOrganization, Q: "ubnd"},
			index.Entity{Type: index.TypeOrganization, Name: "UBND TP.HCM", Count: 2, Articles: []string{idYearEnd, idHCMC}}},
		{index.EntityQuery{Type: index.TypeDecision, Q: "944"},
			index.Entity{Type: index.TypeDecision, Name: "Quyết định 944", Count: 1, Articles: []string{idHCMC}}},
		{index.EntityQuery{Type: index.TypeDecision, Q: "749/qd-ttg"},
			index.Entity{Type: index.TypeDecision, Name: "Quyết định 749/QĐ-TTg", Count: 1, Articles: []string{idMinistry}}},
		{index.EntityQuery{Type: index.TypeLocation, Q: "da nang"},
			index.Entity{Type: index.TypeLocation, Name: "Đà Nẵng", Count: 1, Articles: []string{idDaNang}}},
		{index.EntityQuery{Type: index.TypeLocation, Q: "tp.hcm"},
			index.Entity{Type: index.TypeLocation, Name: "TP.HCM", Count: 2, Articles: []string{idHCMC, idDaNang}}},
		{index.EntityQuery{Type: index.TypeDecision, Q: "(qđ-ttg"},
			index.Entity{}},
		{index.EntityQuery{Type: index.TypeDecision, Q: "qđ-ttg"},
			index.Entity{Type: index.TypeDecision, Name: "Quyết định 749/QĐ-TTg", Count: 1, Articles: []string{idMinistry}}},
		{index.EntityQuery{Type: index.TypeOrganization, Q: strings.Repeat("ubnd tp.hcm ", 10)},
			index.Entity{}},
		{index.EntityQuery{Type: index.TypeLocation},
			index.Entity{Type: index.TypeLocation, Name: "TP.HCM", Count: 2, Articles: []string{idHCMC, idDaNang}}},
		{index.EntityQuery{Type: index.TypeTarget, Q: "dich vu cong"},
			index.Entity{Type: index.TypeTarget, Name: index.TargetName(Fixture(t, idMinistry).Entities.Targets[0]), Count: 1, Articles: []string{idMinistry}}},
	} {
		es := entities(t, ix, tc.q)
		if tc.want.Name == "" {
			if len(es) != 0 {
				t.Errorf("Entities(%+v) = %v, want none", tc.q, names(es))
			}
			continue
		}
		if len(es) == 0 {
			t.Errorf("Entities(%+v) is empty", tc.q)
			continue
		}
		checkEntity(t, tc.q.Type+" "+tc.q.Q, es[0], tc.want)
	}

	if es := entities(t, ix, index.EntityQuery{Type: index.TypePerson, Q: "Không Ai Tên Này"}); len(es) != 0 {
		t.Errorf("Entities(unknown name) = %v", names(es))
	}
	_, err := ix.Entities(context.Background(), index.EntityQuery{Type: "people"})
	var pe *index.ParamError
	if !errors.As(err, &pe) || pe.Param != "type" || !strings.Contains(err.Error(), index.TypePerson) {
		t.Fatalf("Entities(type people) error = %v, want a ParamError naming the allowed types", err)
	}
}

func checkEntity(t *testing.T, what string, got, want index.Entity) {
	t.Helper()
	if got.Type != want.Type || got.Name != want.Name || got.Count != want.Count ||
		!slices.Equal(got.Articles, want.Articles) {
		t.Errorf("%s: entity = %+v, want %+v", what, got, want)
	}
	if want.Roles == nil {
		want.Roles = []string{}
	}
	if !slices.Equal(sorted(got.Roles), sorted(want.Roles)) {
		t.Errorf("%s: roles = %q, want %q", what, got.Roles, want.Roles)
	}
}

func testReindex(t *testing.T, ix index.Indexer) {
	ctx := context.Background()
	// Indexing everything again, with one article twice in the same call,
	// changes nothing.
	again := append(Fixtures(), Fixture(t, idHCMC))
	if err := ix.Index(ctx, again...); err != nil {
		t.Fatal(err)
	}
	if n, err := ix.Count(ctx); err != nil || n != len(Fixtures()) {
		t.Fatalf("Count after re-indexing = %d, %v; want %d", n, err, len(Fixtures()))
	}
	es := entities(t, ix, index.EntityQuery{Type: index.TypePerson, Q: "phan van mai"})
	if len(es) != 1 || es[0].Count != 2 || !slices.Equal(es[0].Articles, []string{idHCMC, idDaNang}) {
		t.Fatalf("after re-indexing, Phan Văn Mãi = %+v, want 2 articles", es)
	}
	if res := search(t, ix, index.Query{Facets: []string{index.FacetPeople}}); res.Facets.People[0].Count != 2 {
		t.Fatalf("after re-indexing, people facet = %v", res.Facets.People)
	}

	// A changed article replaces the old one: its old words and people go.
	changed := Fixture(t, idHCMC)
	changed.Title = "Quận trung tâm thử nghiệm ví điện tử"
	changed.Entities.People = []article.Person{{Name: "Võ Thị Hạnh", Roles: []string{"Phó Chủ tịch UBND quận"}}}
	if err := ix.Index(ctx, changed); err != nil {
		t.Fatal(err)
	}
	if got := ids(search(t, ix, index.Query{Text: "vi dien tu"})); !slices.Equal(got, []string{idHCMC}) {
		t.Errorf("new title: Search = %v", got)
	}
	if got := ids(search(t, ix, index.Query{Text: "day manh chuyen doi so"})); len(got) != 0 {
		t.Errorf("old title still found: %v", got)
	}
	es = entities(t, ix, index.EntityQuery{Type: index.TypePerson, Q: "phan van mai"})
	if len(es) != 1 || es[0].Count != 1 || !slices.Equal(es[0].Articles, []string{idDaNang}) ||
		!slices.Equal(es[0].Roles, []string{"Trưởng ban Ban Chỉ đạo chuyển đổi số TP.HCM"}) {
		t.Errorf("after replacing, Phan Văn Mãi = %+v, want only %s", es, idDaNang)
	}
	if got := ids(search(t, ix, index.Query{Person: "Vo Thi Hanh"})); !slices.Equal(got, []string{idHCMC}) {
		t.Errorf("new person: Search = %v", got)
	}
	got, err := ix.Get(ctx, idHCMC)
	if err != nil || got.Title != changed.Title {
		t.Errorf("Get after replacing = %q, %v", got.Title, err)
	}
}

func testCancelled(t *testing.T, ix index.Indexer) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, call := range map[string]func() error{
		"Index":    func() error { return ix.Index(ctx, Fixture(t, idHCMC)) },
		"Search":   func() error { _, err := ix.Search(ctx, index.Query{Text: "chuyen doi so"}); return err },
		"Entities": func() error { _, err := ix.Entities(ctx, index.EntityQuery{Type: index.TypePerson}); return err },
		"Get":      func() error { _, err := ix.Get(ctx, idHCMC); return err },
		"Count":    func() error { _, err := ix.Count(ctx); return err },
	} {
		if err := call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: error = %v, want context.Canceled", name, err)
		}
	}
}

func testConcurrent(t *testing.T, ix index.Indexer) {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 4 {
		wg.Go(func() {
			for range 5 {
				res, err := ix.Search(ctx, index.Query{Text: "chuyen doi so"})
				if err == nil && res.Total != 3 {
					err = errors.New("concurrent search lost articles")
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Go(func() {
		for range 3 {
			if err := ix.Index(ctx, Fixtures()...); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
