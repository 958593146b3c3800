package web

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"dxnews/index"
	"dxnews/resolve"
)

type decisionsPage struct {
	layout
	Decisions []*resolve.Entity
	More      int // decisions matching beyond those listed
	Chart     template.HTML
	Months    []monthCount
	Sort      string
	Sorts     []sortLink
	CSV       string
}

// serveDecisionsPage lists every decision, with decisions per month.
func (s *server) serveDecisionsPage(w http.ResponseWriter, r *http.Request, g *resolve.Graph, q string) {
	v := r.URL.Query()
	page := decisionsPage{layout: layout{Title: "Văn bản", Q: ""}, Sort: v.Get("sort")}
	page.Decisions = slices.Clone(g.Entities(index.TypeDecision, q, 0))
	switch page.Sort {
	case "date":
		slices.SortStableFunc(page.Decisions, func(a, b *resolve.Entity) int { return cmp.Compare(decisionDate(b), decisionDate(a)) })
	case "symbol":
		slices.SortStableFunc(page.Decisions, func(a, b *resolve.Entity) int { return cmp.Compare(a.Name, b.Name) })
	}
	var dates []string
	for _, d := range page.Decisions {
		dates = append(dates, decisionDate(d))
	}
	if len(page.Decisions) > maxListed {
		page.More = len(page.Decisions) - maxListed
		page.Decisions = page.Decisions[:maxListed]
	}
	page.Months = monthly(dates, nil)
	page.Chart = columnChart("Số văn bản theo tháng ban hành (hoặc tháng được nhắc lần đầu)", page.Months)
	page.Sorts = sortLinks("/decisions", v, page.Sort, []sortOption{{"", "Nhiều bài nhất"}, {"date", "Mới nhất"}, {"symbol", "Số hiệu"}})
	page.CSV = "/api/decisions.csv?" + url.Values{"q": {q}}.Encode()
	s.render(w, r, http.StatusOK, "decisions", page)
}

// decisionDate is the day a decision was signed, or when known only from
// the news, the first article citing it.
func decisionDate(e *resolve.Entity) string {
	if e.Decision != nil && e.Decision.Date != "" {
		return e.Decision.Date
	}
	return e.FirstSeen
}

type decisionPage struct {
	layout
	Entity   *resolve.Entity
	Articles []resolve.ArticleRef
	More     int // citing articles beyond those listed
	Timeline template.HTML
	Search   string
}

// pathSymbol reads a decision's symbol from the path as it is.
func pathSymbol(r *http.Request) (string, error) {
	return strings.TrimSpace(r.PathValue("symbol")), nil
}

func (s *server) serveDecisionPage(w http.ResponseWriter, r *http.Request, g *resolve.Graph, sym string) {
	e, ok := g.Lookup(index.TypeDecision, sym)
	if !ok {
		s.pageError(w, r, http.StatusNotFound, "Không tìm thấy", "Văn bản "+sym+" không có trong các bài viết đã thu thập.", nil)
		return
	}
	page := decisionPage{layout: layout{Title: e.Name}, Entity: e, Articles: refs(g, firstN(e.Articles, maxListed))}
	page.More = len(e.Articles) - len(page.Articles)
	page.Search = searchURL(nil, "decision", cmp.Or(e.Decision.Symbol, e.Decision.Number))
	var lanes []lane
	if e.Decision.Date != "" {
		lanes = append(lanes, lane{Label: "Ban hành", First: e.Decision.Date, Last: e.Decision.Date,
			Points: []point{{Date: e.Decision.Date, Title: "Ban hành " + e.Decision.Date}}})
	}
	cites := lane{Label: "Bài viết nhắc đến", First: e.FirstSeen, Last: e.LastSeen}
	for _, a := range page.Articles {
		if a.Date != "" {
			cites.Points = append(cites.Points, point{Date: a.Date, Href: "/articles/" + a.ID, Title: a.Date + " · " + a.Title})
		}
	}
	lanes = append(lanes, cites)
	page.Timeline = timeline("Dòng thời gian của "+e.Name+": ngày ban hành và các bài viết nhắc đến", lanes)
	s.render(w, r, http.StatusOK, "decision", page)
}

// decisionURL is a decision's page: by symbol when it has one.
func decisionURL(e *resolve.Entity) string {
	key := e.ID
	if e.Decision != nil && e.Decision.Symbol != "" {
		key = e.Decision.Symbol
	}
	return "/decisions/" + escapeSymbol(key)
}

// escapeSymbol escapes a symbol for a path, keeping its slashes.
func escapeSymbol(s string) string {
	parts := strings.Split(s, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}
