package web

import (
	"cmp"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"dxnews/article"
	"dxnews/index"
	"dxnews/resolve"
)

// The analysis endpoints read the entities resolved across articles:
// goals by metric family, role holders over time, the decision registry.

func (s *server) analysisRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/targets", s.handleTargets)
	mux.HandleFunc("GET /api/targets.csv", s.handleTargetsCSV)
	mux.HandleFunc("GET /api/people.csv", s.handlePeopleCSV)
	mux.HandleFunc("GET /api/decisions", s.handleDecisions)
	mux.HandleFunc("GET /api/decisions.csv", s.handleDecisionsCSV)
	mux.HandleFunc("GET /api/decisions/{symbol...}", s.handleDecision)
	mux.HandleFunc("GET /api/roles", s.handleRoles)
	mux.HandleFunc("GET /api/openapi.json", s.handleOpenAPI)
	mux.HandleFunc("GET /api/schemas/{name}", s.handleSchema)
	mux.HandleFunc("GET /targets", s.handleTargetsPage)
	mux.HandleFunc("GET /roles", s.handleRolesPage)
	mux.HandleFunc("GET /decisions", s.handleDecisionsPage)
	mux.HandleFunc("GET /decisions/{symbol...}", s.handleDecisionPage)
}

// graph returns the resolved entities, answering 503 itself when there
// are none to read.
func (s *server) graph(w http.ResponseWriter, r *http.Request, page bool) *resolve.Graph {
	if s.resolver == nil {
		if page {
			s.pageError(w, r, http.StatusServiceUnavailable, "Chưa sẵn sàng", "Chưa có dữ liệu thực thể đã hợp nhất.", nil)
		} else {
			s.fail(w, r, http.StatusServiceUnavailable, "resolved entities are not available", nil)
		}
		return nil
	}
	g, err := s.resolver.Graph(r.Context())
	if err != nil {
		if page {
			s.pageError(w, r, http.StatusInternalServerError, "Lỗi máy chủ", "Không hợp nhất được thực thể.", err)
		} else {
			s.fail(w, r, http.StatusInternalServerError, "cannot resolve entities", err)
		}
		return nil
	}
	return g
}

var yearRE = regexp.MustCompile(`^(19|20)\d\d$`)

// targetQuery is the parsed filter and order of /api/targets and /targets.
type targetQuery struct {
	resolve.GoalFilter
	Sort string
	Size int
}

var targetSorts = []string{"family", "place", "year", "value", "-value", "date"}

func parseTargetQuery(v url.Values) (targetQuery, error) {
	var q targetQuery
	var err error
	if q.Family, err = textParam(v, "family"); err != nil {
		return q, err
	}
	if q.Family != "" {
		if _, ok := resolve.FamilyByID(q.Family); !ok {
			return q, paramErr("family", "not a metric family (see /api/openapi.json)")
		}
	}
	if q.Year, err = textParam(v, "year"); err != nil {
		return q, err
	}
	if q.Year != "" && !yearRE.MatchString(q.Year) {
		return q, paramErr("year", "not a four-digit year")
	}
	if q.Place, err = textParam(v, "place"); err != nil {
		return q, err
	}
	q.Sort = v.Get("sort")
	if q.Sort != "" && !slices.Contains(targetSorts, q.Sort) {
		return q, paramErr("sort", "not one of "+strings.Join(targetSorts, ", "))
	}
	if q.Size, err = intParam(v, "size", 1000, 1, 10000); err != nil {
		return q, err
	}
	return q, nil
}

// goals returns the goals q selects, in its order, at most q.Size, and
// how many match in all.
func goals(g *resolve.Graph, q targetQuery) ([]resolve.Goal, int) {
	out := g.Goals(q.GoalFilter)
	num := func(x resolve.Goal) float64 {
		if x.Number == nil {
			return -1
		}
		return *x.Number
	}
	switch q.Sort {
	case "place":
		slices.SortStableFunc(out, func(a, b resolve.Goal) int { return cmp.Compare(resolve.Fold(a.Place), resolve.Fold(b.Place)) })
	case "year":
		slices.SortStableFunc(out, func(a, b resolve.Goal) int { return cmp.Compare(a.Year, b.Year) })
	case "value":
		slices.SortStableFunc(out, func(a, b resolve.Goal) int { return cmp.Compare(num(a), num(b)) })
	case "-value":
		slices.SortStableFunc(out, func(a, b resolve.Goal) int { return cmp.Compare(num(b), num(a)) })
	case "date":
		slices.SortStableFunc(out, func(a, b resolve.Goal) int { return cmp.Compare(b.Article.Date, a.Article.Date) })
	}
	total := len(out)
	if len(out) > q.Size {
		out = out[:q.Size]
	}
	if out == nil {
		out = []resolve.Goal{}
	}
	return out, total
}

type targetsResponse struct {
	Total    int              `json:"total"`
	Families []resolve.Family `json:"families"`
	Targets  []resolve.Goal   `json:"targets"`
}

func (s *server) handleTargets(w http.ResponseWriter, r *http.Request) {
	q, err := parseTargetQuery(r.URL.Query())
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	g := s.graph(w, r, false)
	if g == nil {
		return
	}
	list, total := goals(g, q)
	s.writeJSON(w, r, http.StatusOK, targetsResponse{Total: total, Families: resolve.Families, Targets: list})
}

type rolesResponse struct {
	Holders []resolve.Holding `json:"holders"`
}

func (s *server) handleRoles(w http.ResponseWriter, r *http.Request) {
	q, err := textParam(r.URL.Query(), "q")
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	if q == "" {
		s.badRequest(w, r, "q", "required: a role and its body, such as \"Giám đốc Sở TT&TT TP.HCM\"")
		return
	}
	g := s.graph(w, r, false)
	if g == nil {
		return
	}
	h := g.Holders(q)
	if h == nil {
		h = []resolve.Holding{}
	}
	s.writeJSON(w, r, http.StatusOK, rolesResponse{Holders: h})
}

type decisionsResponse struct {
	Decisions []*resolve.Entity `json:"decisions"`
}

func (s *server) handleDecisions(w http.ResponseWriter, r *http.Request) {
	q, err := textParam(r.URL.Query(), "q")
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	size, err := intParam(r.URL.Query(), "size", 1000, 1, 100000)
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	g := s.graph(w, r, false)
	if g == nil {
		return
	}
	list := g.Entities(resolve.TypeDecision, q, size)
	if list == nil {
		list = []*resolve.Entity{}
	}
	s.writeJSON(w, r, http.StatusOK, decisionsResponse{Decisions: list})
}

type decisionResponse struct {
	Decision *resolve.Entity      `json:"decision"`
	Articles []resolve.ArticleRef `json:"articles"`
}

func (s *server) handleDecision(w http.ResponseWriter, r *http.Request) {
	sym, err := textParam(url.Values{"symbol": {r.PathValue("symbol")}}, "symbol")
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	g := s.graph(w, r, false)
	if g == nil {
		return
	}
	e, ok := g.Lookup(resolve.TypeDecision, sym)
	if !ok {
		s.fail(w, r, http.StatusNotFound, "decision "+sym+" not found", nil)
		return
	}
	s.writeJSON(w, r, http.StatusOK, decisionResponse{Decision: e, Articles: refs(g, e.Articles)})
}

// refs looks up the articles with the given IDs, in order.
func refs(g *resolve.Graph, ids []string) []resolve.ArticleRef {
	out := make([]resolve.ArticleRef, 0, len(ids))
	for _, id := range ids {
		if a, ok := g.Article(id); ok {
			out = append(out, a)
		}
	}
	return out
}

// resolvedEntities answers /api/entities from the resolved entities.
func (s *server) resolvedEntities(w http.ResponseWriter, r *http.Request, typ, q string, size int) {
	g := s.graph(w, r, false)
	if g == nil {
		return
	}
	list := g.Entities(typ, q, size)
	if list == nil {
		list = []*resolve.Entity{}
	}
	s.writeJSON(w, r, http.StatusOK, struct {
		Entities []*resolve.Entity `json:"entities"`
	}{list})
}

func paramErr(name, reason string) error { return &index.ParamError{Param: name, Reason: reason} }

// exportGraph returns the resolved entities for the export, nil when
// there are none (the records then carry no entity_ids).
func (s *server) exportGraph(r *http.Request) *resolve.Graph {
	if s.resolver == nil {
		return nil
	}
	g, err := s.resolver.Graph(r.Context())
	if err != nil {
		s.logFailure(r, http.StatusOK, "export without entity ids", err)
		return nil
	}
	return g
}

// exportRecord is an article as the NDJSON export writes it: the article
// record with the resolved IDs of its entities.
func exportRecord(g *resolve.Graph, a article.Article) any {
	if g == nil {
		return a
	}
	ids := g.IDsOf(a)
	return struct {
		article.Article
		EntityIDs *resolve.EntityIDs `json:"entity_ids"`
	}{a, &ids}
}
