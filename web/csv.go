package web

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"

	"dxnews/resolve"
)

// CSV downloads are UTF-8 with a byte-order mark, so spreadsheet programs
// open Vietnamese text correctly.

func (s *server) writeCSV(w http.ResponseWriter, name string, header []string, rows [][]string) {
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("\uFEFF"))
	cw := csv.NewWriter(w)
	cw.Write(header)
	cw.WriteAll(rows)
}

func (s *server) handleTargetsCSV(w http.ResponseWriter, r *http.Request) {
	q, err := parseTargetQuery(r.URL.Query())
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	g := s.graph(w, r, false)
	if g == nil {
		return
	}
	var rows [][]string
	list, _ := goals(g, q)
	for _, x := range list {
		num := ""
		if x.Number != nil {
			num = strconv.FormatFloat(*x.Number, 'f', -1, 64)
		}
		rows = append(rows, []string{x.Family, x.Place, x.Province63, x.Province34, x.Year, x.Qualifier, x.Value, num, x.Metric,
			x.Article.Date, x.Article.Source, x.Article.Title, x.Article.URL, x.Article.ID})
	}
	s.writeCSV(w, "targets.csv", []string{"family", "place", "province_63", "province_34", "year", "qualifier", "value", "number", "metric",
		"article_date", "source", "article_title", "article_url", "article_id"}, rows)
}

func (s *server) handlePeopleCSV(w http.ResponseWriter, r *http.Request) {
	q, err := textParam(r.URL.Query(), "q")
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	g := s.graph(w, r, false)
	if g == nil {
		return
	}
	var rows [][]string
	for _, e := range g.Entities(resolve.TypePerson, q, 0) {
		for _, role := range e.Roles {
			rows = append(rows, []string{e.ID, e.Name, role.Role, role.Place, role.FirstSeen, role.LastSeen,
				strconv.Itoa(len(role.Articles)), strings.Join(role.Articles, " "), strings.Join(role.Former, " ")})
		}
	}
	s.writeCSV(w, "people-roles.csv", []string{"person_id", "person", "role", "place", "first_seen", "last_seen",
		"article_count", "articles", "stated_as_former_in"}, rows)
}

func (s *server) handleDecisionsCSV(w http.ResponseWriter, r *http.Request) {
	q, err := textParam(r.URL.Query(), "q")
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	g := s.graph(w, r, false)
	if g == nil {
		return
	}
	var rows [][]string
	for _, e := range g.Entities(resolve.TypeDecision, q, 0) {
		d := e.Decision
		rows = append(rows, []string{e.ID, d.Kind, d.Symbol, d.Number, d.Issuer, d.Date, d.Subject,
			strconv.Itoa(e.Count), e.FirstSeen, e.LastSeen, strings.Join(e.Articles, " ")})
	}
	s.writeCSV(w, "decisions.csv", []string{"id", "kind", "symbol", "number", "issuer", "date", "subject",
		"article_count", "first_cited", "last_cited", "articles"}, rows)
}
