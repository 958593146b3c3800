// Package indextest is the behaviour suite every index.Indexer must pass,
// in the manner of testing/fstest: a backend's tests call Run with a
// constructor for fresh, empty indexes.
package indextest

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
)

// Run checks that the indexes newIndex returns behave as index.Indexer
// promises, using the articles from Fixtures. newIndex must return a fresh,
// empty index and arrange for it to be closed when t ends.
func Run(t *testing.T, newIndex func(t *testing.T) index.Indexer) {
	filled := func(t *testing.T) index.Indexer {
		t.Helper()
		ix := newIndex(t)
		if err := ix.Index(context.Background(), Fixtures()...); err != nil {
			t.Fatalf("Index(fixtures): %v", err)
		}
		return ix
	}
	tests := []struct {
		name string
		run  func(t *testing.T, ix index.Indexer)
	}{
		{"CountAndGet", testCountAndGet},
		{"TextWithoutDiacritics", testText},
		{"ExactDiacriticsRankFirst", testRanking},
		{"Filters", testFilters},
		{"Facets", testFacets},
		{"Paging", testPaging},
		{"Validation", testValidation},
		{"NoMatch", testNoMatch},
		{"Entities", testEntities},
		{"ReindexReplaces", testReindex},
		{"CancelledContext", testCancelled},
		{"Concurrent", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, filled(t)) })
	}
	t.Run("CloseTwice", func(t *testing.T) {
		ix := filled(t)
		if err := ix.Close(); err != nil {
			t.Fatalf("first Close: %v", err)
		}
		if err := ix.Close(); err != nil {
			t.Fatalf("second Close: %v", err)
		}
		if _, err := ix.Search(context.Background(), index.Query{}); err == nil {
			t.Fatal("Search after Close succeeded")
		}
	})
}

// Fixture returns the article of Fixtures with the given ID.
func Fixture(t testing.TB, id string) article.Article {
	t.Helper()
	for _, a := range Fixtures() {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no fixture %s", id)
	return article.Article{}
}

// sameJSON reports whether a and b have the same JSON form once normalised.
func sameJSON(t *testing.T, a, b article.Article) bool {
	t.Helper()
	a.Normalize()
	b.Normalize()
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(ja) == string(jb)
}

func search(t *testing.T, ix index.Indexer, q index.Query) index.Results {
	t.Helper()
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	if res.Articles == nil {
		t.Fatalf("Search(%+v): Articles is nil", q)
	}
	return res
}

func ids(res index.Results) []string {
	out := []string{}
	for _, a := range res.Articles {
		out = append(out, a.ID)
	}
	return out
}

// sorted returns a sorted copy, for comparing result sets.
func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func testCountAndGet(t *testing.T, ix index.Indexer) {
	ctx := context.Background()
	n, err := ix.Count(ctx)
	if err != nil || n != len(Fixtures()) {
		t.Fatalf("Count = %d, %v; want %d", n, err, len(Fixtures()))
	}
	for _, want := range Fixtures() {
		got, err := ix.Get(ctx, want.ID)
		if err != nil {
			t.Fatalf("Get(%s): %v", want.ID, err)
		}
		if !sameJSON(t, got, want) {
			t.Errorf("Get(%s) differs from the indexed article:\n got %+v\nwant %+v", want.ID, got, want)
		}
		if got.Published.IsZero() != want.Published.IsZero() || !got.Published.Equal(want.Published) {
			t.Errorf("Get(%s).Published = %v, want %v", want.ID, got.Published, want.Published)
		}
	}
	if _, err := ix.Get(ctx, "no-such-article"); !errors.Is(err, index.ErrNotFound) {
		t.Fatalf("Get(missing) error = %v, want index.ErrNotFound", err)
	}
}

func testText(t *testing.T, ix index.Indexer) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"chuyen doi so", []string{idHCMC, idDaNang, idMinistry}},
		{"chuyển đổi số", []string{idHCMC, idDaNang, idMinistry}},
		{"CHUYỂN ĐỔI SỐ", []string{idHCMC, idDaNang, idMinistry}},
		{"Phan Van Mai", []string{idHCMC, idDaNang}},
		{"chuyen doi so da nang", []string{idDaNang}},      // every word must match
		{"giam sat khong gian mang", []string{idMinistry}}, // an organisation named only in the entities
		{"tp.hcm", []string{idHCMC, idDaNang, idYearEnd}},  // dotted abbreviation, also as an organisation name
		{"chinh quyen dien tu", []string{idYearEnd}},       // sapo or body only
		{"thu vien so", []string{idUndated}},               // article without a date
		{"doanh nghiep du lieu mo", []string{idDataTalks, idDataVendor}},
	} {
		res := search(t, ix, index.Query{Text: tc.text})
		if got := sorted(ids(res)); !slices.Equal(got, sorted(tc.want)) {
			t.Errorf("Search(%q) = %v, want %v", tc.text, got, sorted(tc.want))
		}
		if res.Total != len(tc.want) {
			t.Errorf("Search(%q).Total = %d, want %d", tc.text, res.Total, len(tc.want))
		}
	}
	// Search returns each article's summary: everything but the body and
	// the mentions, entities with their roles and audio included.
	res := search(t, ix, index.Query{Text: "Quyet dinh 944"})
	if len(res.Articles) != 1 || !sameJSON(t, res.Articles[0], index.Summary(Fixture(t, idHCMC))) {
		t.Fatalf("Search(Quyet dinh 944) = %+v, want the summary of %s", res.Articles, idHCMC)
	}
}

func testRanking(t *testing.T, ix index.Indexer) {
	for _, tc := range []struct{ text, first string }{
		{"bàn giải pháp", idDataTalks},
		{"bán giải pháp", idDataVendor},
		{"Doanh nghiệp bàn", idDataTalks},
		{"doanh nghiệp bán", idDataVendor},
	} {
		res := search(t, ix, index.Query{Text: tc.text})
		if len(res.Articles) != 2 {
			t.Fatalf("Search(%q) = %v, want both articles that fold alike", tc.text, ids(res))
		}
		if res.Articles[0].ID != tc.first {
			t.Errorf("Search(%q) ranks %v, want %s first", tc.text, ids(res), tc.first)
		}
	}
}

func testFilters(t *testing.T, ix index.Indexer) {
	day := func(y int, m time.Month, d int) time.Time { return at(y, m, d, 0) }
	for _, tc := range []struct {
		name string
		q    index.Query
		want []string
	}{
		{"person without diacritics", index.Query{Person: "Phan Van Mai"}, []string{idHCMC, idDaNang}},
		{"person lower case", index.Query{Person: "phan văn mãi"}, []string{idHCMC, idDaNang}},
		{"person exact", index.Query{Person: "Nguyễn Mạnh Hùng"}, []string{idMinistry}},
		{"organisation", index.Query{Org: "ubnd tp.hcm"}, []string{idHCMC, idYearEnd}},
		{"decision number", index.Query{Decision: "944"}, []string{idHCMC}},
		{"decision name", index.Query{Decision: "Quyết định 944"}, []string{idHCMC}},
		{"decision symbol", index.Query{Decision: "749/QĐ-TTg"}, []string{idMinistry}},
		{"decision symbol folded", index.Query{Decision: "749/qd-ttg"}, []string{idMinistry}},
		{"decision number of symbol", index.Query{Decision: "749"}, []string{idMinistry}},
		{"resolution symbol", index.Query{Decision: "52-NQ/TW"}, []string{idDaNang}},
		{"location folded", index.Query{Location: "Da Nang"}, []string{idDaNang}},
		{"location", index.Query{Location: "TP.HCM"}, []string{idHCMC, idDaNang}},
		{"source", index.Query{Source: "vnexpress.net"}, []string{idHCMC, idMinistry}},
		{"source with www and capitals", index.Query{Source: "www.VnExpress.net"}, []string{idHCMC, idMinistry}},
		{"unknown person", index.Query{Person: "Trần Văn Không"}, nil},
		{"text and person", index.Query{Text: "chuyen doi so", Person: "Phan Van Mai"}, []string{idHCMC, idDaNang}},
		{"text and source", index.Query{Text: "chuyen doi so", Source: "tuoitre.vn"}, []string{idDaNang}},
		{"person and decision", index.Query{Person: "Phan Van Mai", Decision: "944"}, []string{idHCMC}},
		{"year, date-only to", index.Query{From: day(2022, 1, 1), To: day(2022, 12, 31)}, []string{idHCMC, idYearEnd}},
		{"from only", index.Query{From: day(2023, 1, 1)}, []string{idMinistry, idDataTalks, idDataVendor}},
		{"to only", index.Query{To: day(2021, 12, 31)}, []string{idDaNang}},
		{"exact instants", index.Query{From: at(2023, 1, 15, 8), To: at(2023, 1, 20, 10)}, []string{idMinistry, idDataTalks}},
		{"text and dates", index.Query{Text: "chuyen doi so", From: day(2022, 1, 1)}, []string{idHCMC, idMinistry}},
	} {
		res := search(t, ix, tc.q)
		if got := sorted(ids(res)); !slices.Equal(got, sorted(tc.want)) {
			t.Errorf("%s: Search(%+v) = %v, want %v", tc.name, tc.q, got, sorted(tc.want))
		}
	}
}

func testFacets(t *testing.T, ix index.Indexer) {
	all := index.FacetNames
	res := search(t, ix, index.Query{Size: 1, Facets: all})
	if res.Total != len(Fixtures()) || len(res.Articles) != 1 {
		t.Fatalf("Search(all, size 1): total %d, %d articles", res.Total, len(res.Articles))
	}
	want := index.Facets{
		People: []index.FacetCount{{Name: "Phan Văn Mãi", Count: 2}, {Name: "Lê Trung Chinh", Count: 1}, {Name: "Nguyễn Mạnh Hùng", Count: 1}},
		Organizations: []index.FacetCount{{Name: "UBND TP.HCM", Count: 2}, {Name: "Bộ Thông tin và Truyền thông", Count: 1},
			{Name: "Trung tâm Giám sát an toàn không gian mạng", Count: 1}},
		Decisions: []index.FacetCount{{Name: "Nghị quyết 52-NQ/TW", Count: 1}, {Name: "Quyết định 749/QĐ-TTg", Count: 1}, {Name: "Quyết định 944", Count: 1}},
		Sources:   []index.FacetCount{{Name: "tuoitre.vn", Count: 3}, {Name: "thanhnien.vn", Count: 2}, {Name: "vnexpress.net", Count: 2}},
	}
	checkFacets(t, "all", res.Facets, want)

	res = search(t, ix, index.Query{Text: "chuyen doi so", Size: 1, Facets: all})
	if res.Total != 3 {
		t.Fatalf("Search(chuyen doi so).Total = %d, want 3", res.Total)
	}
	want = index.Facets{
		People:        []index.FacetCount{{Name: "Phan Văn Mãi", Count: 2}, {Name: "Lê Trung Chinh", Count: 1}, {Name: "Nguyễn Mạnh Hùng", Count: 1}},
		Organizations: []index.FacetCount{{Name: "Bộ Thông tin và Truyền thông", Count: 1}, {Name: "Trung tâm Giám sát an toàn không gian mạng", Count: 1}, {Name: "UBND TP.HCM", Count: 1}},
		Decisions:     []index.FacetCount{{Name: "Nghị quyết 52-NQ/TW", Count: 1}, {Name: "Quyết định 749/QĐ-TTg", Count: 1}, {Name: "Quyết định 944", Count: 1}},
		Sources:       []index.FacetCount{{Name: "vnexpress.net", Count: 2}, {Name: "tuoitre.vn", Count: 1}},
	}
	checkFacets(t, "chuyen doi so", res.Facets, want)

	// Only the facets asked for are counted; the others are empty lists.
	res = search(t, ix, index.Query{Text: "chuyen doi so", Facets: []string{" Sources ", index.FacetPeople, "people"}})
	checkFacets(t, "people and sources", res.Facets, index.Facets{
		People: want.People, Organizations: []index.FacetCount{}, Decisions: []index.FacetCount{}, Sources: want.Sources,
	})
	checkFacets(t, "none asked", search(t, ix, index.Query{Text: "chuyen doi so"}).Facets, index.Facets{
		People: []index.FacetCount{}, Organizations: []index.FacetCount{}, Decisions: []index.FacetCount{}, Sources: []index.FacetCount{},
	})
}

func checkFacets(t *testing.T, what string, got, want index.Facets) {
	t.Helper()
	for _, f := range []struct {
		name      string
		got, want []index.FacetCount
	}{
		{"people", got.People, want.People},
		{"organizations", got.Organizations, want.Organizations},
		{"decisions", got.Decisions, want.Decisions},
		{"sources", got.Sources, want.Sources},
	} {
		if f.got == nil || !slices.Equal(f.got, f.want) {
			t.Errorf("%s: facet %s = %v, want %v", what, f.name, f.got, f.want)
		}
	}
}

func testPaging(t *testing.T, ix index.Indexer) {
	newestFirst := []string{idDataVendor, idDataTalks, idMinistry, idYearEnd, idHCMC, idDaNang, idUndated}
	var all []string
	for page := 1; page <= 4; page++ {
		res := search(t, ix, index.Query{Page: page, Size: 2})
		if res.Total != len(newestFirst) {
			t.Fatalf("page %d: Total = %d, want %d", page, res.Total, len(newestFirst))
		}
		all = append(all, ids(res)...)
	}
	if !slices.Equal(all, newestFirst) {
		t.Fatalf("pages of 2 = %v, want newest first %v", all, newestFirst)
	}
	if res := search(t, ix, index.Query{Page: 5, Size: 2}); len(res.Articles) != 0 || res.Total != len(newestFirst) {
		t.Fatalf("page past the end = %v (total %d)", ids(res), res.Total)
	}
	if got := ids(search(t, ix, index.Query{})); !slices.Equal(got, newestFirst) {
		t.Fatalf("default page = %v, want %v", got, newestFirst)
	}
}

func testValidation(t *testing.T, ix index.Indexer) {
	for _, tc := range []struct {
		q     index.Query
		param string
	}{
		{index.Query{Size: -1}, "size"},
		{index.Query{Page: -2}, "page"},
		{index.Query{Page: index.MaxWindow, Size: index.MaxSize}, "page"},
		{index.Query{From: at(2023, 1, 2, 0), To: at(2023, 1, 1, 0)}, "to"},
		{index.Query{Facets: []string{"people", "authors"}}, "facets"},
	} {
		_, err := ix.Search(context.Background(), tc.q)
		var pe *index.ParamError
		if !errors.As(err, &pe) || pe.Param != tc.param {
			t.Errorf("Search(%+v) error = %v, want a ParamError naming %q", tc.q, err, tc.param)
		}
	}
	res := search(t, ix, index.Query{Size: index.MaxSize + 1})
	if len(res.Articles) != len(Fixtures()) {
		t.Fatalf("Size above MaxSize gave %d articles, want all %d", len(res.Articles), len(Fixtures()))
	}
}

func testNoMatch(t *testing.T, ix index.Indexer) {
	res := search(t, ix, index.Query{Text: "tàu ngầm vũ trụ"})
	if res.Total != 0 || len(res.Articles) != 0 {
		t.Fatalf("Search(no match) = %d %v", res.Total, ids(res))
	}
	f := res.Facets
	if f.People == nil || f.Organizations == nil || f.Decisions == nil || f.Sources == nil {
		t.Fatalf("facets of an empty result hold nil slices: %+v", f)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "null") {
		t.Fatalf("empty result JSON has null: %s", b)
	}
}
