package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dxnews/index"
	"dxnews/resolve"
)

// decisionsQuery is the filter of /api/decisions.
type decisionsQuery struct {
	q    string
	size int
}

func decisionsParams(r *http.Request) (decisionsQuery, error) {
	var p decisionsQuery
	var err error
	if p.q, err = textParam(r.URL.Query(), "q"); err != nil {
		return p, err
	}
	p.size, err = intParam(r.URL.Query(), "size", 1000, 1, 100000)
	return p, err
}

type decisionsResponse struct {
	Decisions []*resolve.Entity `json:"decisions"`
}

func (s *server) serveDecisions(w http.ResponseWriter, r *http.Request, g *resolve.Graph, p decisionsQuery) {
	list := g.Entities(index.TypeDecision, p.q, p.size)
	if list == nil {
		list = []*resolve.Entity{}
	}
	s.writeJSON(w, r, http.StatusOK, decisionsResponse{Decisions: list})
}

type decisionResponse struct {
	Decision *resolve.Entity      `json:"decision"`
	Articles []resolve.ArticleRef `json:"articles"`
}

// symbolParam reads a decision's symbol from the path, checked as text.
func symbolParam(r *http.Request) (string, error) {
	return textParam(url.Values{"symbol": {r.PathValue("symbol")}}, "symbol")
}

func (s *server) serveDecision(w http.ResponseWriter, r *http.Request, g *resolve.Graph, sym string) {
	e, ok := g.Lookup(index.TypeDecision, sym)
	if !ok {
		s.fail(w, r, http.StatusNotFound, "decision "+sym+" not found", nil)
		return
	}
	s.writeJSON(w, r, http.StatusOK, decisionResponse{Decision: e, Articles: refs(g, e.Articles)})
}

func (s *server) serveDecisionsCSV(w http.ResponseWriter, r *http.Request, g *resolve.Graph, q string) {
	var rows [][]string
	for _, e := range g.Entities(index.TypeDecision, q, 0) {
		d := e.Decision
		rows = append(rows, []string{e.ID, d.Kind, d.Symbol, d.Number, d.Issuer, d.Date, d.Subject,
			strconv.Itoa(e.Count), e.FirstSeen, e.LastSeen, strings.Join(e.Articles, " ")})
	}
	s.writeCSV(w, "decisions.csv", []string{"id", "kind", "symbol", "number", "issuer", "date", "subject",
		"article_count", "first_cited", "last_cited", "articles"}, rows)
}
