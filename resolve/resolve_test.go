package resolve

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"
	"unsafe"

	"dxnews/article"
	"dxnews/index"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, vietnam)
	if err != nil {
		panic(err)
	}
	return t.Add(9 * time.Hour)
}

// fixture is a small collection written for these tests.
func fixture() []article.Article {
	return []article.Article{
		{
			ID: "a000000000000001", Title: "Sở TT&TT lập tổ công tác", Published: day("2021-05-10"),
			Body: "Ông Trần Văn Bình, Giám đốc Sở Thông tin và Truyền thông (TT&TT), cho biết.",
			Entities: article.Entities{
				People:        []article.Person{{Name: "Trần Văn Bình", Roles: []string{"Giám đốc Sở Thông tin và Truyền thông (TT&TT)"}}},
				Organizations: []article.Organization{{Name: "Bộ Thông tin và Truyền thông (TT&TT)"}},
				Locations:     []article.Location{{Name: "TP. Hồ Chí Minh"}},
				Decisions:     []article.Decision{{Kind: "Quyết định", Number: "749", Symbol: "749/QĐ-TTg", Issuer: "Thủ tướng Chính phủ", Date: "2020-06-03"}},
				Targets: []article.Target{
					{Value: "25%", Metric: "kinh tế số chiếm GRDP", Year: "2025", Scope: "TP.HCM"},
					{Value: "3", Metric: "điều chưa ai phân loại", Year: "2025", Scope: "TP.HCM"},
				},
			},
		},
		{
			ID: "a000000000000002", Title: "Chuyển đổi số ở Bình Dương", Published: day("2023-02-01"),
			Body: "Ông Trần Văn Bình, Giám đốc Sở Thông tin và Truyền thông TP.HCM, dự họp.",
			Entities: article.Entities{
				People:        []article.Person{{Name: "Trần Văn Bình", Roles: []string{"Giám đốc Sở Thông tin và Truyền thông TP.HCM"}}},
				Organizations: []article.Organization{{Name: "Bộ TT&TT"}, {Name: "UBND TP.HCM"}},
				Locations:     []article.Location{{Name: "TPHCM"}, {Name: "Bình Dương"}},
				Decisions:     []article.Decision{{Kind: "Chương trình", Number: "749"}},
				Targets:       []article.Target{{Value: "2,5%", Metric: "kinh tế số chiếm GRDP", Year: "2025", Scope: "Bình Dương"}},
			},
		},
		{
			ID: "a000000000000003", Title: "Sở KH&CN sau hợp nhất", Published: day("2025-09-01"),
			Body: "Ông Trần Văn Bình, Giám đốc Sở Khoa học và Công nghệ (KH&CN) TP.HCM, từng giữ chức Giám đốc Sở Thông tin và Truyền thông TP.HCM.",
			Entities: article.Entities{
				People: []article.Person{{Name: "Trần Văn Bình", Roles: []string{
					"Giám đốc Sở Khoa học và Công nghệ (KH&CN) TP.HCM", "Giám đốc Sở Thông tin và Truyền thông TP.HCM"}}},
				Organizations: []article.Organization{{Name: "Ủy ban nhân dân Thành phố Hồ Chí Minh"}},
			},
		},
		// Two people named Lê Văn An, heads in two provinces in the same year.
		{
			ID: "a000000000000004", Title: "Hà Nội", Published: day("2022-03-01"),
			Entities: article.Entities{People: []article.Person{{Name: "Lê Văn An", Roles: []string{"Chủ tịch UBND TP Hà Nội"}}}},
		},
		{
			ID: "a000000000000005", Title: "Đà Nẵng", Published: day("2022-04-01"),
			Entities: article.Entities{People: []article.Person{{Name: "Lê Văn An", Roles: []string{"Giám đốc Sở TT&TT Đà Nẵng"}}}},
		},
		{
			ID: "a000000000000006", Title: "Hà Nội lần nữa", Published: day("2022-09-01"),
			Entities: article.Entities{People: []article.Person{{Name: "Lê Văn An", Roles: []string{"Chủ tịch UBND TP Hà Nội"}}}},
		},
	}
}

func build(arts []article.Article) *Graph {
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = FromArticle(a)
	}
	return Build(docs)
}

func TestOrganizationAliasesMerge(t *testing.T) {
	g := build(fixture())
	e, ok := g.Lookup(index.TypeOrganization, "Bộ TT&TT")
	if !ok {
		t.Fatal("Bộ TT&TT not found")
	}
	if e.Name != "Bộ Thông tin và Truyền thông" || e.Count != 2 {
		t.Errorf("got %q in %d articles, want Bộ Thông tin và Truyền thông in 2", e.Name, e.Count)
	}
	want := []string{"Bộ TT&TT", "Bộ Thông tin và Truyền thông (TT&TT)"}
	if !reflect.DeepEqual(e.Aliases, want) {
		t.Errorf("aliases %q, want %q", e.Aliases, want)
	}
	ubnd, _ := g.Lookup(index.TypeOrganization, "UBND TP.HCM")
	if ubnd == nil || ubnd.Count != 2 {
		t.Errorf("UBND TP.HCM and Ủy ban nhân dân Thành phố Hồ Chí Minh not merged: %+v", ubnd)
	}
	if n := len(g.Entities(index.TypeOrganization, "thong tin truyen thong", 0)); n != 1 {
		t.Errorf("search without diacritics found %d organisations, want 1", n)
	}
}

func TestPlacesMapToProvinces(t *testing.T) {
	g := build(fixture())
	hcm, ok := g.Lookup(index.TypeLocation, "TP.HCM")
	if !ok || hcm.Count != 2 || !slices.Contains(hcm.Aliases, "TPHCM") || !slices.Contains(hcm.Aliases, "TP. Hồ Chí Minh") {
		t.Fatalf("TP.HCM variants not merged: %+v", hcm)
	}
	bd, _ := g.Lookup(index.TypeLocation, "Bình Dương")
	if bd == nil || bd.Place == nil || bd.Place.Province63 != "Bình Dương" || bd.Place.Province34 != "TP.HCM" {
		t.Errorf("Bình Dương: %+v", bd)
	}
	for _, tc := range []struct{ name, p63, p34 string }{
		{"Nha Trang", "Khánh Hòa", "Khánh Hòa"},
		{"tỉnh Hà Giang", "Hà Giang", "Tuyên Quang"},
		{"Huế", "Thừa Thiên Huế", "Huế"},
		{"Thủ Đức", "TP.HCM", "TP.HCM"},
		{"Singapore", "", ""},
	} {
		p := LocatePlace(tc.name)
		if p.Province63 != tc.p63 || p.Province34 != tc.p34 {
			t.Errorf("LocatePlace(%q) = %+v, want %s / %s", tc.name, p, tc.p63, tc.p34)
		}
	}
}

func TestDecisionsKeyedBySymbol(t *testing.T) {
	g := build(fixture())
	for _, q := range []string{"749/QĐ-TTg", "749/qd-ttg", "749-QĐ-TTg", "749", "decision-749-qd-ttg"} {
		e, ok := g.Lookup(index.TypeDecision, q)
		if !ok {
			t.Errorf("Lookup(%q) found nothing", q)
			continue
		}
		if e.ID != "decision-749-qd-ttg" || e.Count != 2 || e.Decision.Date != "2020-06-03" || e.Decision.Kind != "Quyết định" {
			t.Errorf("Lookup(%q) = %s in %d articles, date %q", q, e.ID, e.Count, e.Decision.Date)
		}
	}
	if n := len(g.Entities(index.TypeDecision, "", 0)); n != 1 {
		t.Errorf("%d decisions, want the bare number merged into 1", n)
	}
}

func TestRoleTimeline(t *testing.T) {
	g := build(fixture())
	e, ok := g.Lookup(index.TypePerson, "Tran Van Binh")
	if !ok {
		t.Fatal("person not found without diacritics")
	}
	var got []string
	for _, r := range e.Roles {
		got = append(got, r.Role+" "+r.FirstSeen+".."+r.LastSeen)
	}
	want := []string{
		"Giám đốc Sở Thông tin và Truyền thông TP.HCM 2021-05-10..2023-02-01",
		"Giám đốc Sở Khoa học và Công nghệ TP.HCM 2025-09-01..2025-09-01",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("roles\n got %q\nwant %q", got, want)
	}
	if !reflect.DeepEqual(e.Roles[0].Former, []string{"a000000000000003"}) {
		t.Errorf("former mention not recorded: %+v", e.Roles[0])
	}
	hs := g.Holders("Giám đốc Sở TT&TT")
	if len(hs) != 2 || hs[0].Person != "Trần Văn Bình" {
		t.Errorf("Holders(Giám đốc Sở TT&TT) = %+v", hs)
	}
}

func TestHomonymsKeptApart(t *testing.T) {
	g := build(fixture())
	people := g.Entities(index.TypePerson, "Lê Văn An", 0)
	if len(people) != 2 {
		t.Fatalf("%d people named Lê Văn An, want 2", len(people))
	}
	for _, p := range people {
		if len(p.Homonyms) != 1 {
			t.Errorf("%s does not point at its homonym: %v", p.ID, p.Homonyms)
		}
	}
	if people[0].Count != 2 || people[0].Place.Name != "Hà Nội" {
		t.Errorf("the Hà Nội one should have 2 articles: %+v", people[0])
	}
	// Roles in two provinces at different times are one person who moved.
	arts := fixture()[3:5]
	arts[1].Published = day("2024-01-01")
	if n := len(build(arts).Entities(index.TypePerson, "Lê Văn An", 0)); n != 1 {
		t.Errorf("non-overlapping roles gave %d people, want 1", n)
	}
}

// TestPersonInEachArticle checks that each article's people get the ID of
// the person resolved for them: the homonyms' own, and a unique name's.
func TestPersonInEachArticle(t *testing.T) {
	arts := fixture()
	g := build(arts)
	for _, p := range g.Entities(index.TypePerson, "", 0) {
		for _, id := range p.Articles {
			i := slices.IndexFunc(arts, func(a article.Article) bool { return a.ID == id })
			ids := g.IDsOf(arts[i])
			if !slices.Contains(ids.People, p.ID) {
				t.Errorf("article %s: people %v, want %s (%s) among them", id, ids.People, p.ID, p.Name)
			}
		}
	}
	if id := g.PersonIn("ffffffffffffffff", "Lê Văn An"); id != "" {
		t.Errorf("an article not resolved gave %q", id)
	}
	if id := g.PersonIn(arts[0].ID, "Không Ai Cả"); id != "" {
		t.Errorf("a name nobody has gave %q", id)
	}
}

func TestGoalsFamiliesKeepOther(t *testing.T) {
	g := build(fixture())
	share := g.Goals(GoalFilter{Family: "digital-economy-share"})
	if len(share) != 2 {
		t.Fatalf("%d digital-economy goals, want 2", len(share))
	}
	if share[0].Place != "Bình Dương" || *share[0].Number != 2.5 || share[0].Province34 != "TP.HCM" {
		t.Errorf("first goal %+v", share[0])
	}
	if got := g.Goals(GoalFilter{Family: "digital-economy-share", Place: "tp.hcm"}); len(got) != 2 {
		t.Errorf("place filter on the 34-province map found %d, want 2 (Bình Dương is in TP.HCM since 2025)", len(got))
	}
	other := g.Goals(GoalFilter{Family: FamilyOther})
	if len(other) != 1 || other[0].Metric != "điều chưa ai phân loại" {
		t.Errorf("unrecognised goal dropped: %+v", other)
	}
}

func TestFamilyOf(t *testing.T) {
	for metric, want := range map[string]string{
		"kinh tế số chiếm GRDP của tỉnh":                         "digital-economy-share",
		"tỷ trọng kinh tế số trong từng ngành, lĩnh vực":         "digital-economy-sector",
		"thương mại điện tử chiếm tổng mức bán lẻ":               "e-commerce",
		"dịch vụ công trực tuyến toàn trình":                     "online-public-services",
		"hồ sơ thủ tục hành chính được xử lý trực tuyến":         "online-processing",
		"hộ gia đình có cáp quang":                               "connectivity",
		"người trưởng thành có tài khoản thanh toán":             "smartphones-accounts",
		"người có tài khoản định danh điện tử mức 2":             "digital-identity",
		"giao dịch thanh toán không dùng tiền mặt":               "cashless-payments",
		"nhân lực kinh tế số chiếm lực lượng lao động":           "digital-skills",
		"hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng":    "paperless-government",
		"Tỷ trọng KTS GDP":                                       "digital-economy-share",
		"dân số có tài khoản giao dịch thanh toán tại ngân hàng": "smartphones-accounts",
		"hạ tầng băng thông rộng phủ hộ gia đình":                "connectivity",
		"kết quả giải quyết thủ tục hành chính":                  "digitised-records",
		"bệnh viện kết nối khám chữa bệnh từ xa":                 FamilyOther,
		"": FamilyOther,
	} {
		if got := FamilyOf(metric); got != want {
			t.Errorf("FamilyOf(%q) = %s, want %s", metric, got, want)
		}
	}
}

func TestBuildIsOrderIndependent(t *testing.T) {
	arts := fixture()
	a := build(arts)
	slices.Reverse(arts)
	b := build(arts)
	for _, typ := range index.EntityTypes {
		x, y := a.Entities(typ, "", 0), b.Entities(typ, "", 0)
		if len(x) != len(y) {
			t.Fatalf("%s: %d vs %d entities", typ, len(x), len(y))
		}
		for i := range x {
			if !reflect.DeepEqual(x[i], y[i]) {
				t.Errorf("%s differs:\n%+v\n%+v", typ, x[i], y[i])
			}
		}
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"85%": 85, "2,5%": 2.5, "1.000": 1000, "top 10": 10} {
		if got := parseNumber(in); got == nil || *got != want {
			t.Errorf("parseNumber(%q) = %v, want %v", in, got, want)
		}
	}
	if parseNumber("một nửa") != nil {
		t.Error("a value without digits should give nil")
	}
}

func TestResolverKeepsCurrent(t *testing.T) {
	ctx := context.Background()
	arts := fixture()
	r := NewResolver()
	r.Load(arts[:1])
	g1, _ := r.Graph(ctx)
	if g2, _ := r.Graph(ctx); g2 != g1 {
		t.Error("graph rebuilt without a change")
	}
	r.Add(arts[1])
	g, _ := r.Graph(ctx)
	if e, _ := g.Lookup(index.TypeOrganization, "Bộ TT&TT"); e == nil || e.Count != 2 {
		t.Fatalf("added article not resolved: %+v", e)
	}
	// A new version replaces the old one; Load never overwrites a newer Add.
	changed := arts[1]
	changed.Entities.Organizations = nil
	r.Add(changed)
	r.Load(arts[1:2])
	g, _ = r.Graph(ctx)
	if e, _ := g.Lookup(index.TypeOrganization, "Bộ TT&TT"); e == nil || e.Count != 1 {
		t.Errorf("replaced article still counted: %+v", e)
	}
}

func TestResolverRebuildsLargeCollectionsInBackground(t *testing.T) {
	ctx := context.Background()
	r := NewResolver()
	r.Load(fixture()[:1])
	old, _ := r.Graph(ctx)
	old.Took = time.Hour // as if the collection were huge
	r.Add(fixture()[1])
	if g, _ := r.Graph(ctx); g != old || r.building {
		t.Fatal("a rebuild started within rebuildGap of the last one")
	}
	r.builtAt = time.Now().Add(-rebuildGap * time.Hour)
	if g, _ := r.Graph(ctx); g != old {
		t.Fatal("a slow rebuild should not keep the reader waiting")
	}
	if err := r.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	g, _ := r.Graph(ctx)
	if g == old || g.Len() != 2 {
		t.Fatalf("background rebuild not published: %d articles", g.Len())
	}
}

func TestResolverFromSourceReadsItAtEachBuild(t *testing.T) {
	ctx := context.Background()
	arts := fixture()
	held, reads := 1, 0
	var fail error
	r := NewResolverFrom(func(ctx context.Context, add func([]article.Article)) error {
		reads++
		if fail != nil {
			return fail
		}
		add(arts[:held])
		return nil
	})
	g, err := r.Graph(ctx)
	if err != nil || g.Len() != 1 || reads != 1 {
		t.Fatalf("first build: %v, %d articles, %d reads", err, g.Len(), reads)
	}
	if g2, _ := r.Graph(ctx); g2 != g || reads != 1 {
		t.Fatal("an unchanged source was read again")
	}
	// Add says the source changed; what it is given is not kept.
	held = 2
	r.Add(arts[1], arts[2])
	if g, _ = r.Graph(ctx); g.Len() != 2 || reads != 2 {
		t.Fatalf("after a change: %d articles, %d reads; want the source's 2", g.Len(), reads)
	}
	if len(r.docs) != 0 {
		t.Errorf("a resolver with a source kept %d docs", len(r.docs))
	}
	fail = errors.New("disk gone")
	r.Add(arts[2])
	if _, err := r.Graph(ctx); !errors.Is(err, fail) {
		t.Fatalf("a failed read: %v", err)
	}
	fail = nil
	if g, err = r.Graph(ctx); err != nil || g.Len() != 2 {
		t.Fatalf("after a failed read the next call rebuilds: %v", err)
	}
}

// TestStoredRoleLineBreaks checks that a role stored across lines by an
// older extractor ("Phó Trưởng ban\n\nBan Chỉ đạo …") is resolved on one
// line.
func TestStoredRoleLineBreaks(t *testing.T) {
	g := build([]article.Article{{
		ID: "b000000000000001", Title: "Họp ban chỉ đạo", Published: day("2025-03-01"),
		Entities: article.Entities{People: []article.Person{{Name: "Nguyễn Văn An",
			Roles: []string{"Phó Trưởng ban\n\nBan Chỉ đạo chuyển đổi số tỉnh Lạng Sơn"}}}},
	}})
	e, ok := g.Lookup(index.TypePerson, "Nguyễn Văn An")
	if !ok || len(e.Roles) != 1 {
		t.Fatalf("person %+v", e)
	}
	if r := e.Roles[0].Role; r != "Phó Trưởng ban Ban Chỉ đạo chuyển đổi số tỉnh Lạng Sơn" {
		t.Errorf("role %q", r)
	}
}

func TestPackedGraphAnswersAsBuilt(t *testing.T) {
	for name, arts := range map[string][]article.Article{"fixture": fixture(), "sample": SampleArticles(3000)} {
		built := resolveDocs(fromArticles(arts))
		packed := Build(fromArticles(arts))
		packed.Took = 0
		if !reflect.DeepEqual(built, packed) {
			t.Errorf("%s: the packed graph differs from the built one", name)
		}
		// Every entity sits in one array, so the packing cannot have been
		// skipped or undone.
		var lo, hi uintptr
		n := 0
		for e := range packed.entities() {
			p := uintptr(unsafe.Pointer(e))
			if n == 0 || p < lo {
				lo = p
			}
			hi = max(hi, p)
			n++
		}
		if n < 2 || hi-lo != uintptr(n-1)*unsafe.Sizeof(Entity{}) {
			t.Errorf("%s: %d entities spread over %d bytes, not one array", name, n, hi-lo)
		}
	}
}
