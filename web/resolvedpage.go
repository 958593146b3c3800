package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"

	"dxnews/index"
	"dxnews/resolve"
)

type resolvedPage struct {
	layout
	Entity   *resolve.Entity
	Homonyms []*resolve.Entity
	Articles []resolve.ArticleRef
	More     int // articles beyond those listed
	Timeline template.HTML
	Mentions template.HTML
	Months   []monthCount
	Search   string
	Holders  string
}

// resolvedEntityPage shows one resolved entity: its aliases, a person's
// role timeline, mentions over time and the articles. It reports false
// when the graph does not know the entity.
func (s *server) resolvedEntityPage(w http.ResponseWriter, r *http.Request, typ, name string) bool {
	g := s.graph(w, r, true)
	if g == nil {
		return true
	}
	e, ok := g.Lookup(typ, name)
	if typ == index.TypeTarget {
		// A goal is best seen beside the same goal elsewhere.
		fam := resolve.FamilyOf(name)
		if ok {
			fam = e.Family
		}
		http.Redirect(w, r, "/targets?"+url.Values{"family": {fam}}.Encode(), http.StatusFound)
		return true
	}
	if !ok {
		return false
	}
	if typ == index.TypeDecision {
		http.Redirect(w, r, decisionURL(e), http.StatusFound)
		return true
	}
	page := resolvedPage{layout: layout{Title: e.Name}, Entity: e, Articles: refs(g, firstN(e.Articles, maxListed))}
	page.More = len(e.Articles) - len(page.Articles)
	for _, id := range e.Homonyms {
		if h, ok := g.Entity(id); ok {
			page.Homonyms = append(page.Homonyms, h)
		}
	}
	if p, ok := entityFilters[typ]; ok {
		page.Search = searchURL(nil, p, e.Name)
	}
	if len(e.Roles) > 0 {
		page.Timeline = timeline("Các chức vụ của "+e.Name+" theo thời gian", roleLanes(g, e.Roles))
	}
	var dates []string
	for _, id := range e.Articles {
		if a, ok := g.Article(id); ok {
			dates = append(dates, a.Date)
		}
	}
	page.Months = monthly(dates, nil)
	page.Mentions = columnChart("Số bài viết nhắc đến "+e.Name+" theo tháng", page.Months)
	s.render(w, r, http.StatusOK, "resolved", page)
	return true
}

// roleLanes are a person's roles on a timeline, one lane a role, a point
// an article; an article that calls the role former gives a hollow point.
func roleLanes(g *resolve.Graph, roles []resolve.Role) []lane {
	var lanes []lane
	for _, role := range roles {
		l := lane{Label: role.Role, First: role.FirstSeen, Last: role.LastSeen}
		for _, id := range role.Articles {
			a, ok := g.Article(id)
			if !ok || a.Date == "" {
				continue
			}
			former := slices.Contains(role.Former, id)
			title := a.Date + " · " + a.Title
			if former {
				title += " (nhắc là chức vụ cũ)"
			}
			l.Points = append(l.Points, point{Date: a.Date, Href: "/articles/" + id, Title: title, Hollow: former})
		}
		lanes = append(lanes, l)
	}
	return lanes
}
