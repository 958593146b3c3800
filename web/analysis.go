package web

import (
	"errors"
	"net/http"

	"dxnews/index"
	"dxnews/resolve"
)

// The analysis endpoints and pages read the entities resolved across
// articles: goals by metric family, role holders over time, the decision
// registry.

func (s *server) analysisRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/targets", onGraph(s, asJSON, targetParams, s.serveTargets))
	mux.HandleFunc("GET /api/targets.csv", onGraph(s, asJSON, targetParams, s.serveTargetsCSV))
	mux.HandleFunc("GET /api/people.csv", onGraph(s, asJSON, queryText, s.servePeopleCSV))
	mux.HandleFunc("GET /api/decisions", onGraph(s, asJSON, decisionsParams, s.serveDecisions))
	mux.HandleFunc("GET /api/decisions.csv", onGraph(s, asJSON, queryText, s.serveDecisionsCSV))
	mux.HandleFunc("GET /api/decisions/{symbol...}", onGraph(s, asJSON, symbolParam, s.serveDecision))
	mux.HandleFunc("GET /api/roles", onGraph(s, asJSON, roleParam, s.serveRoles))
	mux.HandleFunc("GET /api/openapi.json", s.handleOpenAPI)
	mux.HandleFunc("GET /api/schemas/{name}", s.handleSchema)
	mux.HandleFunc("GET /targets", onGraph(s, asPage, targetParams, s.serveTargetsPage))
	mux.HandleFunc("GET /roles", onGraph(s, asPage, queryText, s.serveRolesPage))
	mux.HandleFunc("GET /decisions", onGraph(s, asPage, queryText, s.serveDecisionsPage))
	mux.HandleFunc("GET /decisions/{symbol...}", onGraph(s, asPage, pathSymbol, s.serveDecisionPage))
}

// answer is how a handler reports what goes wrong: as a JSON error or as
// an HTML page.
type answer bool

const (
	asJSON answer = false
	asPage answer = true
)

// onGraph is a handler answering from the resolved entities: params reads
// the request, and a bad parameter is a 400; no resolver is a 503 and a
// failing one a 500; otherwise serve answers with the graph.
func onGraph[P any](s *server, as answer, params func(*http.Request) (P, error),
	serve func(http.ResponseWriter, *http.Request, *resolve.Graph, P)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := params(r)
		if err != nil {
			if as == asPage {
				s.pageError(w, r, http.StatusBadRequest, "Tham số không hợp lệ", err.Error(), nil)
			} else {
				s.failQuery(w, r, err, "")
			}
			return
		}
		if g := s.graph(w, r, bool(as)); g != nil {
			serve(w, r, g, p)
		}
	}
}

// queryText reads the free-text parameter q, which may be empty.
func queryText(r *http.Request) (string, error) { return textParam(r.URL.Query(), "q") }

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
	if errors.Is(err, ErrNotReady) {
		w.Header().Set("Retry-After", "5")
		if page {
			s.pageError(w, r, http.StatusServiceUnavailable, "Đang khởi động", "Máy chủ đang đọc kho bài viết; thử lại sau ít giây.", nil)
		} else {
			s.fail(w, r, http.StatusServiceUnavailable, err.Error(), nil)
		}
		return nil
	}
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

// maxListed bounds the rows of a list page; the CSV and API have them all.
const maxListed = 500

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

func firstN(ids []string, n int) []string {
	if len(ids) > n {
		return ids[:n]
	}
	return ids
}

func lastN(ids []string, n int) []string {
	if len(ids) > n {
		return ids[len(ids)-n:]
	}
	return ids
}

// resolvedEntities answers /api/entities from the resolved entities. It
// reports false, having written nothing, while they are still loading.
func (s *server) resolvedEntities(w http.ResponseWriter, r *http.Request, typ, q string, size int) bool {
	g, err := s.resolver.Graph(r.Context())
	if errors.Is(err, ErrNotReady) {
		return false
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot resolve entities", err)
		return true
	}
	list := g.Entities(typ, q, size)
	out := make([]*resolve.Entity, len(list))
	for i, e := range list {
		out[i] = boundArticles(e)
	}
	s.writeJSON(w, r, http.StatusOK, struct {
		Entities []*resolve.Entity `json:"entities"`
	}{out})
	return true
}

// maxListedArticles bounds the article IDs /api/entities lists for each
// entity and role: the newest ones. Count says how many there are; the
// articles of a person are all found with /api/articles?person=. Without
// the bound, a list of the 20 most named people at 100,000 articles is
// 1–2 MB.
const maxListedArticles = 100

// boundArticles returns a copy of e whose article lists keep the newest
// maxListedArticles (e belongs to the graph, which is shared).
func boundArticles(e *resolve.Entity) *resolve.Entity {
	c := *e
	c.Articles = firstN(e.Articles, maxListedArticles) // newest first
	c.Roles = make([]resolve.Role, len(e.Roles))
	for i, r := range e.Roles {
		// A role's articles are oldest first.
		r.Articles = lastN(r.Articles, maxListedArticles)
		r.Former = lastN(r.Former, maxListedArticles)
		c.Roles[i] = r
	}
	return &c
}

func paramErr(name, reason string) error { return &index.ParamError{Param: name, Reason: reason} }
