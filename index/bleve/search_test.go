package bleve

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strconv"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/indextest"
)

func openFilled(t *testing.T, docs []article.Article) *Index {
	t.Helper()
	ix, err := Open("", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Index(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	return ix
}

// openWarmed is openFilled with the entity table built.
func openWarmed(t *testing.T, docs []article.Article) *Index {
	t.Helper()
	ix := openFilled(t, docs)
	if err := ix.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	return ix
}

// Articles with the words in the title come before articles with them
// only in the lead, and those before articles with them only in the body,
// whatever their dates; within a tier, newest first. Pages follow the same
// order without gaps or repeats.
func TestTextTiers(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 8, 0, 0, 0, time.UTC) }
	docs := []article.Article{
		{ID: "body-new", Title: "Tin mới", Sapo: "Tóm tắt", Body: "Thành phố đẩy mạnh chuyển đổi số.", Published: day(20)},
		{ID: "body-old", Title: "Tin cũ", Sapo: "Tóm tắt", Body: "Chuyển đổi số ở xã.", Published: day(2)},
		{ID: "sapo", Title: "Hội nghị", Sapo: "Bàn về chuyển đổi số", Body: "Nội dung.", Published: day(15)},
		{ID: "title-folded", Title: "Chuyen doi so o tinh", Sapo: "Không dấu", Body: "Nội dung.", Published: day(10)},
		{ID: "title-old", Title: "Chuyển đổi số năm đầu", Sapo: "Tóm tắt", Body: "Nội dung.", Published: day(1)},
		{ID: "title-new", Title: "Chuyển đổi số cấp xã", Sapo: "Tóm tắt", Body: "Nội dung.", Published: day(5)},
		{ID: "other", Title: "Giao thông", Sapo: "Đường phố", Body: "Xe buýt.", Published: day(25)},
	}
	ix := openFilled(t, docs)
	ctx := context.Background()
	want := []string{"title-new", "title-old", "title-folded", "sapo", "body-new", "body-old"}
	res, err := ix.Search(ctx, index.Query{Text: "chuyển đổi số"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range res.Articles {
		got = append(got, a.ID)
	}
	if !slices.Equal(got, want) || res.Total != len(want) {
		t.Fatalf("Search = %v (total %d), want %v", got, res.Total, want)
	}
	for size := 1; size <= 4; size++ {
		var paged []string
		for page := 1; len(paged) < len(want); page++ {
			res, err := ix.Search(ctx, index.Query{Text: "chuyển đổi số", Page: page, Size: size})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != len(want) {
				t.Fatalf("size %d page %d: total %d", size, page, res.Total)
			}
			if len(res.Articles) == 0 {
				break
			}
			for _, a := range res.Articles {
				paged = append(paged, a.ID)
			}
		}
		if !slices.Equal(paged, want) {
			t.Errorf("pages of %d = %v, want %v", size, paged, want)
		}
	}
	// Without diacritics the exact tier is not used: folded title matches
	// share the first tier, newest first.
	res, err = ix.Search(ctx, index.Query{Text: "chuyen doi so", Size: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{res.Articles[0].ID, res.Articles[1].ID, res.Articles[2].ID}; !slices.Equal(got, []string{"title-folded", "title-new", "title-old"}) {
		t.Errorf("folded query ranks %v", got)
	}
}

// Facets over the whole archive come from the entity table; they must be
// the counts Bleve gives for the same articles.
func TestArchiveFacetsMatchBleve(t *testing.T) {
	docs := indextest.Archives(400, 3)
	ix := openFilled(t, docs)
	ctx := context.Background()
	// Before the entity table is built, the search does not wait for it:
	// Bleve counts the facets.
	unbuilt, err := ix.Search(ctx, index.Query{Facets: index.FacetNames})
	if err != nil {
		t.Fatal(err)
	}
	if ix.ents.isBuilt() {
		t.Fatal("a search waited for the entity table to be built")
	}
	if err := ix.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	fromTable, err := ix.Search(ctx, index.Query{Facets: index.FacetNames})
	if err != nil {
		t.Fatal(err)
	}
	// A date filter every article passes sends the facets through Bleve.
	fromBleve, err := ix.Search(ctx, index.Query{From: indextest.ArchiveStart.AddDate(-1, 0, 0), Facets: index.FacetNames})
	if err != nil {
		t.Fatal(err)
	}
	if fromTable.Total != 400 || fromBleve.Total != 400 || unbuilt.Total != 400 {
		t.Fatalf("totals %d, %d and %d, want 400", fromTable.Total, fromBleve.Total, unbuilt.Total)
	}
	for _, f := range []struct {
		name      string
		tab, blev []index.FacetCount
	}{
		{"people", fromTable.Facets.People, fromBleve.Facets.People},
		{"organizations", fromTable.Facets.Organizations, fromBleve.Facets.Organizations},
		{"decisions", fromTable.Facets.Decisions, fromBleve.Facets.Decisions},
		{"sources", fromTable.Facets.Sources, fromBleve.Facets.Sources},
		{"people before the table", fromTable.Facets.People, unbuilt.Facets.People},
		{"sources before the table", fromTable.Facets.Sources, unbuilt.Facets.Sources},
	} {
		if len(f.tab) == 0 || len(f.tab) != len(f.blev) {
			t.Errorf("%s: table %v, bleve %v", f.name, f.tab, f.blev)
			continue
		}
		// The last places may be ties cut differently; counts must agree.
		for k := range f.tab {
			if f.tab[k].Count != f.blev[k].Count || (k < len(f.tab)/2 && f.tab[k] != f.blev[k]) {
				t.Errorf("%s[%d]: table %v, bleve %v", f.name, k, f.tab[k], f.blev[k])
			}
		}
	}
}

func TestVersionChangesOnIndex(t *testing.T) {
	ix := openFilled(t, indextest.Fixtures())
	v := ix.Version()
	if err := ix.Index(context.Background(), indextest.Fixtures()[0]); err != nil {
		t.Fatal(err)
	}
	if ix.Version() == v {
		t.Fatal("Version did not change after Index")
	}
}

// Beyond facetScope matches, facets are counted over the matches among the
// newest facetScope articles, and Results says over how many.
func TestFacetsBeyondScope(t *testing.T) {
	defer func(n int) { facetScope = n }(facetScope)
	facetScope = 100
	docs := indextest.Archives(300, 5)
	ix := openWarmed(t, docs)
	ctx := context.Background()
	newest := slices.Clone(docs)
	slices.SortFunc(newest, func(a, b article.Article) int { return b.Published.Compare(a.Published) })
	newest = newest[:facetScope]
	count := func(arts []article.Article, pred func(article.Article) bool) map[string]int {
		n := map[string]int{}
		for _, a := range arts {
			if pred(a) {
				n[index.NormSource(a.Source)]++
			}
		}
		return n
	}
	check := func(what string, q index.Query, want map[string]int, over int) {
		t.Helper()
		q.Facets = []string{index.FacetSources}
		res, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, c := range res.Facets.Sources {
			got[c.Name] = c.Count
		}
		if !maps.Equal(got, want) || res.FacetsOver != over {
			t.Errorf("%s: sources %v over %d, want %v over %d (total %d)", what, got, res.FacetsOver, want, over, res.Total)
		}
	}
	// A text every article matches: counted over the newest 100.
	all := func(article.Article) bool { return true }
	check("text", index.Query{Text: "UBND"}, count(newest, all), facetScope)
	// A filter matching fewer than the scope: exact.
	src := index.NormSource(docs[0].Source)
	var few index.Query
	for _, d := range []int{1, 2, 3, 4} {
		few = index.Query{Source: src, From: indextest.ArchiveEnd.AddDate(-d, 0, 0)}
		if res, _ := ix.Search(ctx, few); res.Total <= facetScope {
			break
		}
	}
	fewRes, err := ix.Search(ctx, few)
	if err != nil || fewRes.Total > facetScope || fewRes.Total == 0 {
		t.Fatalf("no selective query: %d, %v", fewRes.Total, err)
	}
	check("selective", few, map[string]int{src: fewRes.Total}, 0)
}

// Paging newest first through a window of the newest articles gives the
// same pages as reading every match.
func TestWindowedPagesMatchFull(t *testing.T) {
	defer func(n int) { windowMin = n }(windowMin)
	docs := indextest.Archives(1500, 9)
	ix := openWarmed(t, docs)
	ctx := context.Background()
	queries := []index.Query{
		{}, {Page: 7, Size: 10}, {Source: index.NormSource(docs[0].Source), Page: 3},
		{Text: "chuyển đổi số"}, {Text: "chuyen doi so", Page: 30, Size: 10}, {Text: "du lieu", Page: 2},
		{Text: "UBND", From: indextest.ArchiveStart.AddDate(2, 0, 0), Page: 4, Size: 5},
	}
	run := func() [][]string {
		var out [][]string
		for _, q := range queries {
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			ids := []string{strconv.Itoa(res.Total)}
			for _, a := range res.Articles {
				ids = append(ids, a.ID)
			}
			out = append(out, ids)
		}
		return out
	}
	windowMin = 1 << 30
	full := run()
	windowMin = 50
	windowed := run()
	for k := range queries {
		if !slices.Equal(full[k], windowed[k]) || len(full[k]) < 2 {
			t.Errorf("%+v: windowed %v, full %v", queries[k], windowed[k], full[k])
		}
	}
}

// Articles written while the entity table is being built are in it once
// the build is done.
func TestTableBuiltWhileIndexing(t *testing.T) {
	docs := indextest.Archives(1600, 11)
	ix := openFilled(t, docs[:1000])
	ctx := context.Background()
	done := make(chan error, 1)
	go func() { done <- ix.Index(ctx, docs[1000:]...) }()
	if err := ix.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, a := range docs {
		for _, n := range index.EntityNames(a.Entities, index.TypeOrganization) {
			want[n]++
		}
	}
	es, err := ix.Entities(ctx, index.EntityQuery{Type: index.TypeOrganization, Size: index.MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, e := range es {
		got[e.Name] = e.Count
		if len(e.Articles) != e.Count {
			t.Errorf("%s: %d articles listed, count %d", e.Name, len(e.Articles), e.Count)
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("organisations = %v, want %v", got, want)
	}
}

// Searches beyond the slots wait for one, and give up when their context
// ends; a slot freed lets the next one run.
func TestSearchesWaitForASlot(t *testing.T) {
	ix := openFilled(t, indextest.Fixtures())
	for range cap(ix.searching) {
		ix.searching <- struct{}{}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := ix.Search(ctx, index.Query{Text: "chuyển đổi số"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("search with every slot taken: %v, want the context's deadline", err)
	}
	<-ix.searching
	if res, err := ix.Search(context.Background(), index.Query{Text: "chuyển đổi số"}); err != nil || res.Total == 0 {
		t.Fatalf("search with a slot free: %d results, %v", res.Total, err)
	}
}
