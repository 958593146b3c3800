package web

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"dxnews/index"
	"dxnews/resolve"
)

// roleParam reads the role /api/roles asks about, which is required.
func roleParam(r *http.Request) (string, error) {
	q, err := queryText(r)
	if err == nil && q == "" {
		err = paramErr("q", "required: a role and its body, such as \"Giám đốc Sở TT&TT TP.HCM\"")
	}
	return q, err
}

type rolesResponse struct {
	Holders []resolve.Holding `json:"holders"`
}

func (s *server) serveRoles(w http.ResponseWriter, r *http.Request, g *resolve.Graph, q string) {
	h := g.Holders(q)
	if h == nil {
		h = []resolve.Holding{}
	}
	s.writeJSON(w, r, http.StatusOK, rolesResponse{Holders: h})
}

func (s *server) servePeopleCSV(w http.ResponseWriter, r *http.Request, g *resolve.Graph, q string) {
	var rows [][]string
	for _, e := range g.Entities(index.TypePerson, q, 0) {
		for _, role := range e.Roles {
			rows = append(rows, []string{e.ID, e.Name, role.Role, role.Place, role.FirstSeen, role.LastSeen,
				strconv.Itoa(len(role.Articles)), strings.Join(role.Articles, " "), strings.Join(role.Former, " ")})
		}
	}
	s.writeCSV(w, "people-roles.csv", []string{"person_id", "person", "role", "place", "first_seen", "last_seen",
		"article_count", "articles", "stated_as_former_in"}, rows)
}

type rolesPage struct {
	layout
	Query    string
	Holders  []resolve.Holding
	Timeline template.HTML
}

// serveRolesPage answers "who held this role when": every holder of a
// role on one timeline.
func (s *server) serveRolesPage(w http.ResponseWriter, r *http.Request, g *resolve.Graph, q string) {
	page := rolesPage{layout: layout{Title: "Ai giữ chức vụ"}, Query: q}
	if q != "" {
		page.Holders = g.Holders(q)
		var lanes []lane
		for _, h := range page.Holders {
			l := lane{Label: h.Person + " — " + h.Role.Role, First: h.FirstSeen, Last: h.LastSeen}
			for _, id := range h.Articles {
				if a, ok := g.Article(id); ok && a.Date != "" {
					l.Points = append(l.Points, point{Date: a.Date, Href: "/articles/" + id, Title: a.Date + " · " + a.Title,
						Hollow: slices.Contains(h.Former, id)})
				}
			}
			lanes = append(lanes, l)
			if len(lanes) == maxBars {
				break
			}
		}
		if len(lanes) > 0 {
			page.Timeline = timeline("Những người giữ chức vụ "+q+" theo thời gian", lanes)
		}
	}
	s.render(w, r, http.StatusOK, "roles", page)
}
