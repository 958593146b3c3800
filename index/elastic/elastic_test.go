package elastic

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/indextest"
)

func TestCheckCreatesTemplatesIndicesAndAliases(t *testing.T) {
	f := newFake(t,
		step{"GET /", "info"},
		step{"PUT /_index_template/dxnews-articles", "acknowledged"},
		step{"PUT /_index_template/dxnews-entities", "acknowledged"},
		step{"GET /_alias/dxnews-articles", "alias-missing"},
		step{"PUT /dxnews-articles-v1", "create-articles"},
		step{"GET /_alias/dxnews-entities", "alias-missing"},
		// Another process created it first: that is fine.
		step{"PUT /dxnews-entities-v1", "already-exists"},
	)
	i := f.open(t)
	if err := i.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Set up once per process.
	if err := i.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.checkGolden("setup")
}

func TestStartErrorsSayWhatIsWrong(t *testing.T) {
	closed := indextest.ClosedURL(t)
	for _, tc := range []struct {
		name        string
		steps       []step
		addr        string
		want        string
		unavailable bool
	}{
		{"bad credentials", []step{{"GET /", "unauthorized"}}, "", "rejected the credentials (401 security_exception)", false},
		{"not elasticsearch", []step{{"GET /", "not-elasticsearch"}}, "", "is not an Elasticsearch server (wrong URL?)", false},
		{"too old", []step{{"GET /", "info-7"}}, "", "runs Elasticsearch 7.17.22; dxnews needs 8.x", false},
		{"unreachable", nil, closed, "cannot reach the cluster at " + closed, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, tc.steps...)
			addr := f.srv.URL
			if tc.addr != "" {
				addr = tc.addr
			}
			i, err := New(Config{Addresses: []string{addr}, Backoff: func(int) time.Duration { return 0 }, MaxRetries: 1})
			if err != nil {
				t.Fatal(err)
			}
			err = i.Check(context.Background())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Check error = %v, want it to say %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans several lines: %q", err)
			}
			if errors.Is(err, ErrUnavailable) != tc.unavailable {
				t.Errorf("errors.Is(%v, ErrUnavailable) = %v, want %v", err, !tc.unavailable, tc.unavailable)
			}
		})
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{}, "no cluster address"},
		{Config{Addresses: []string{"localhost:9200"}}, `"localhost:9200" is not a cluster URL`},
		{Config{Addresses: []string{"http://a:9200", "ftp://b"}}, `"ftp://b" is not a cluster URL`},
		{Config{Addresses: []string{"http://a:9200"}, Username: "u"}, "a username needs a password"},
		{Config{Addresses: []string{"http://a:9200"}, Username: "u", Password: "p", APIKey: "k"}, "not both"},
		{Config{Addresses: []string{"http://a:9200"}, Prefix: "DX News"}, `index prefix "DX News"`},
	} {
		_, err := New(tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v) error = %v, want %q", tc.cfg, err, tc.want)
		}
	}
}

func TestIndexWritesArticleThenItsEntities(t *testing.T) {
	f, i := openScripted(t, []step{
		{"POST /dxnews-articles/_mget", "mget-missing"},
		{"POST /dxnews-articles/_bulk", "bulk-one-created"},
		{"POST /dxnews-articles/_search", "search-entity-articles"},
		{"POST /dxnews-entities/_bulk", "bulk-one-entity"},
	})
	if err := i.Index(context.Background(), indextest.Fixture(t, "f-cuoi-nam")); err != nil {
		t.Fatal(err)
	}
	f.checkGolden("index")
}

// noEntities returns fixture articles that name no entity, so a write
// touches no entity document.
func noEntities(t *testing.T) []article.Article {
	var out []article.Article
	for _, id := range []string{"f-ban-giai-phap", "f-ban-du-lieu", "f-khong-ngay"} {
		out = append(out, indextest.Fixture(t, id))
	}
	extra := indextest.Fixture(t, "f-khong-ngay")
	extra.ID, extra.Title = "f-thu-tu", "Bài thứ tư"
	return append(out, extra)
}

// TestBulkAnswers writes four articles that name no entity while the
// cluster answers the bulk requests as scripted.
func TestBulkAnswers(t *testing.T) {
	for _, tc := range []struct {
		name   string
		bulk   []string // the answer to each bulk request in turn; "" drops the connection
		golden string   // the golden file of the requests, when checked
		check  func(t *testing.T, err error)
	}{
		{
			// Item 2 is refused with 429 and goes again alone; item 3 has a
			// mapping error and is reported. Items 1 and 4 are indexed once.
			"half the items rejected", []string{"bulk-mixed-errors", "bulk-one-retried"}, "bulk-retry",
			func(t *testing.T, err error) {
				var pe *index.PartialError
				if !errors.As(err, &pe) {
					t.Fatalf("Index error = %v, want an index.PartialError", err)
				}
				if !slices.Equal(pe.Failed, []string{"f-khong-ngay"}) || !strings.Contains(err.Error(), "mapper_parsing_exception") {
					t.Fatalf("failed = %v (%v), want only f-khong-ngay with its mapping error", pe.Failed, err)
				}
			},
		},
		{
			"a 429 storm is retried", []string{"rejected-429", "rejected-429", "rejected-429", "bulk-four-created"}, "",
			func(t *testing.T, err error) {
				if err != nil {
					t.Fatalf("Index through a 429 storm: %v", err)
				}
			},
		},
		{
			// Every attempt loses its connection, then the cluster answers 429
			// until the retries run out: nothing is reported indexed.
			"cluster down mid-write fails the whole call", []string{"", "", "", ""}, "",
			func(t *testing.T, err error) {
				if err == nil || !errors.Is(err, ErrUnavailable) {
					t.Fatalf("Index with the cluster gone: %v, want ErrUnavailable", err)
				}
				var pe *index.PartialError
				if errors.As(err, &pe) {
					t.Fatalf("a failed request must not look partial: %v", err)
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			steps := []step{{"POST /dxnews-articles/_mget", "mget-missing"}}
			for _, answer := range tc.bulk {
				steps = append(steps, step{"POST /dxnews-articles/_bulk", answer})
			}
			f, i := openScripted(t, steps)
			tc.check(t, i.Index(context.Background(), noEntities(t)...))
			if tc.golden != "" {
				f.checkGolden(tc.golden)
			}
		})
	}
}

func TestSearchSendsQueryDSLAndReadsFacets(t *testing.T) {
	f, i := openScripted(t, []step{
		{"POST /dxnews-articles/_search", "search-articles"},
	})
	ict := time.FixedZone("ICT", 7*3600)
	res, err := i.Search(context.Background(), index.Query{
		Text: "chuyển đổi số", Person: "Phan Van Mai", Source: "www.VnExpress.net",
		From: time.Date(2022, 1, 1, 0, 0, 0, 0, ict), To: time.Date(2022, 12, 31, 0, 0, 0, 0, ict), Size: 2,
		Facets: index.FacetNames,
	})
	if err != nil {
		t.Fatal(err)
	}
	f.checkGolden("search")
	if res.Total != 1 || len(res.Articles) != 1 || res.Articles[0].ID != "f-tphcm" {
		t.Fatalf("results = %d %+v", res.Total, res.Articles)
	}
	a := res.Articles[0]
	if a.Published.Format(time.RFC3339) != "2022-03-10T09:00:00+07:00" || len(a.Entities.People) != 1 || len(a.Audio) != 1 ||
		a.Body != "" || len(a.Entities.People[0].Mentions) != 0 {
		t.Errorf("article not decoded as its summary: %+v", a)
	}
	want := index.Facets{
		People:        []index.FacetCount{{Name: "Phan Văn Mãi", Count: 1}},
		Organizations: []index.FacetCount{{Name: "UBND TP.HCM", Count: 1}},
		Decisions:     []index.FacetCount{{Name: "Quyết định 944", Count: 1}},
		Sources:       []index.FacetCount{{Name: "vnexpress.net", Count: 1}},
	}
	if !reflect.DeepEqual(res.Facets, want) {
		t.Errorf("facets = %+v, want %+v", res.Facets, want)
	}
}

func TestSearchAllNewestFirst(t *testing.T) {
	f, i := openScripted(t, []step{
		{"POST /dxnews-articles/_search", "search-empty"},
	})
	res, err := i.Search(context.Background(), index.Query{Page: 3, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 || res.Articles == nil || res.Facets.People == nil || res.Facets.Sources == nil {
		t.Fatalf("empty results = %+v", res)
	}
	f.checkGolden("search-all")
}

func TestEntitiesQuery(t *testing.T) {
	f, i := openScripted(t, []step{
		{"POST /dxnews-entities/_search", "search-entities"},
	})
	es, err := i.Entities(context.Background(), index.EntityQuery{Type: "Person", Q: "văn mãi*"})
	if err != nil {
		t.Fatal(err)
	}
	f.checkGolden("entities")
	want := []index.Entity{{
		Type: "person", Name: "Phan Văn Mãi", Count: 2,
		Roles:    []string{"Chủ tịch UBND TP.HCM", "Trưởng ban Ban Chỉ đạo chuyển đổi số TP.HCM"},
		Articles: []string{"f-tphcm", "f-da-nang"},
	}}
	if !reflect.DeepEqual(es, want) {
		t.Errorf("entities = %+v, want %+v", es, want)
	}
}

func TestGetCountHealth(t *testing.T) {
	f, i := openScripted(t, []step{
		{"GET /dxnews-articles/_doc/f-tphcm", "get-found"},
		{"GET /dxnews-articles/_doc/0000000000000000", "get-missing"},
		{"GET /dxnews-articles/_doc/x", "index-not-found"},
		{"POST /dxnews-articles/_count", "count"},
		{"GET /_cluster/health", "health"},
	})
	ctx := context.Background()
	a, err := i.Get(ctx, "f-tphcm")
	if err != nil || a.Title != indextest.Fixture(t, "f-tphcm").Title {
		t.Fatalf("Get = %q, %v", a.Title, err)
	}
	if _, err := i.Get(ctx, "0000000000000000"); !errors.Is(err, index.ErrNotFound) {
		t.Fatalf("Get(missing) = %v, want index.ErrNotFound", err)
	}
	if _, err := i.Get(ctx, "x"); err == nil || errors.Is(err, index.ErrNotFound) || !strings.Contains(err.Error(), "index_not_found_exception") {
		t.Fatalf("Get with the index gone = %v, want index_not_found_exception", err)
	}
	if n, err := i.Count(ctx); err != nil || n != 7 {
		t.Fatalf("Count = %d, %v", n, err)
	}
	if h, err := i.Health(ctx); err != nil || h.Status != "yellow" || h.Nodes != 1 {
		t.Fatalf("Health = %+v, %v", h, err)
	}
	f.checkGolden("get-count-health")
}

func TestClosedAndCancelled(t *testing.T) {
	f := newFake(t)
	i := f.open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := i.Search(ctx, index.Query{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Search(cancelled) = %v", err)
	}
	i.Close()
	if err := i.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Count(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("Count after Close = %v", err)
	}
}

func TestBuildEntities(t *testing.T) {
	got := buildEntities(indextest.Fixtures())
	mai := got[EntityID(index.TypePerson, "Phan Văn Mãi")]
	if mai == nil {
		t.Fatal("no entity document for Phan Văn Mãi")
	}
	if mai.Count != 2 || !slices.Equal(mai.Articles, []string{"f-tphcm", "f-da-nang"}) ||
		mai.FirstSeen != "2021-11-05" || mai.LastSeen != "2022-03-10" || mai.Key != "phan van mai" {
		t.Errorf("Phan Văn Mãi = %+v", mai)
	}
	wantRoles := []roleDoc{
		{Role: "Chủ tịch UBND TP.HCM", FirstSeen: "2022-03-10", LastSeen: "2022-03-10", Articles: []string{"f-tphcm"}},
		{Role: "Trưởng ban Ban Chỉ đạo chuyển đổi số TP.HCM", FirstSeen: "2021-11-05", LastSeen: "2021-11-05", Articles: []string{"f-da-nang"}},
	}
	if !reflect.DeepEqual(mai.Roles, wantRoles) {
		t.Errorf("roles = %+v, want %+v", mai.Roles, wantRoles)
	}
	dec := got[EntityID(index.TypeDecision, "Quyết định 749/QĐ-TTg")]
	if dec == nil || dec.Issuer != "Thủ tướng" || dec.Symbol != "749/QĐ-TTg" || !slices.Contains(dec.Aliases, "749") {
		t.Errorf("decision = %+v", dec)
	}
	ubnd := got[EntityID(index.TypeOrganization, "UBND TP.HCM")]
	if ubnd == nil || !slices.Equal(ubnd.Articles, []string{"f-cuoi-nam", "f-tphcm"}) {
		t.Errorf("UBND TP.HCM = %+v", ubnd)
	}
	for _, e := range got {
		if e.Roles == nil || e.Articles == nil || e.Aliases == nil || e.RoleNames == nil {
			t.Errorf("%s has nil lists", e.Name)
		}
	}
}

func TestGeneration(t *testing.T) {
	for in, want := range map[string]int{"dxnews-articles-v1": 1, "dxnews-articles-v12": 12, "dxnews-articles": 0, "x-vz": 0} {
		if got := generation(in); got != want {
			t.Errorf("generation(%q) = %d, want %d", in, got, want)
		}
	}
}

// newGeneration are the steps of a rebuild up to filling the next
// generation: reading where the aliases point and creating both indices.
var newGeneration = []step{
	{"GET /_alias/dxnews-articles", "alias-articles"},
	{"GET /_alias/dxnews-entities", "alias-entities"},
	{"PUT /dxnews-articles-v2", "create-articles-v2"},
	{"PUT /dxnews-entities-v2", "create-entities-v2"},
}

func TestRebuildSwapsAliasesAtomically(t *testing.T) {
	f, i := openScripted(t, slices.Concat(newGeneration, []step{
		{"POST /dxnews-articles-v2/_bulk", "bulk-two-created-v2"},
		{"POST /dxnews-entities-v2/_bulk", "bulk-one-entity-v2"},
		{"POST /_aliases", "aliases-ack"},
		{"DELETE /dxnews-articles-v1,dxnews-entities-v1", "delete-ack"},
	}))
	got, err := i.Rebuild(context.Background(), []article.Article{indextest.Fixture(t, "f-cuoi-nam"), indextest.Fixture(t, "f-khong-ngay")})
	if err != nil || got != "dxnews-articles-v2" {
		t.Fatalf("Rebuild = %q, %v", got, err)
	}
	f.checkGolden("rebuild")
}

func TestRebuildFailureKeepsTheOldGeneration(t *testing.T) {
	_, i := openScripted(t, slices.Concat(newGeneration, []step{
		{"POST /dxnews-articles-v2/_bulk", "unauthorized"},
		{"DELETE /dxnews-articles-v2,dxnews-entities-v2", "delete-ack"},
	}))
	if _, err := i.Rebuild(context.Background(), []article.Article{indextest.Fixture(t, "f-cuoi-nam")}); err == nil {
		t.Fatal("Rebuild succeeded with the bulk refused")
	}
}
