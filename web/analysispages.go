package web

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"dxnews/resolve"
)

// familyOption is one choice of the family filter.
type familyOption struct {
	resolve.Family
	Count    int
	Selected bool
}

type targetsPage struct {
	layout
	Query    targetQuery
	Family   resolve.Family
	Families []familyOption
	Years    []string
	Goals    []resolve.Goal
	Total    int
	Chart    template.HTML
	ChartCut bool // the chart shows only the first maxBars goals
	CSV      string
	Sorts    []sortLink
}

// maxBars bounds the bars of the goal comparison chart; narrow the
// filters to see others.
const maxBars = 60

type sortLink struct {
	Label  string
	URL    string
	Active bool
}

// handleTargetsPage lines up the goals of one metric family side by side.
func (s *server) handleTargetsPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := parseTargetQuery(v)
	if err != nil {
		s.pageError(w, r, http.StatusBadRequest, "Tham số không hợp lệ", err.Error(), nil)
		return
	}
	if q.Family == "" && !v.Has("family") {
		q.Family = "digital-economy-share"
	}
	g := s.graph(w, r, true)
	if g == nil {
		return
	}
	page := targetsPage{layout: layout{Title: "So sánh chỉ tiêu"}, Query: q}
	counts, years := g.GoalCounts()
	page.Years = years
	for _, f := range resolve.Families {
		page.Families = append(page.Families, familyOption{Family: f, Count: counts[f.ID], Selected: f.ID == q.Family})
		if f.ID == q.Family {
			page.Family = f
		}
	}
	page.Goals, page.Total = goals(g, q)
	var bars []bar
	for _, x := range page.Goals {
		if x.Number == nil {
			continue
		}
		if len(bars) == maxBars {
			page.ChartCut = true
			break
		}
		label := cmp.Or(x.Place, "(không rõ nơi)")
		if x.Year != "" {
			label += " · " + x.Year
		}
		bars = append(bars, bar{Label: label, Value: *x.Number, Text: strings.TrimSpace(x.Qualifier + " " + x.Value), Href: "/articles/" + x.Article.ID})
	}
	if len(bars) > 0 {
		page.Chart = barChart("Chỉ tiêu "+page.Family.Label+" theo địa phương và năm", bars)
	}
	page.CSV = "/api/targets.csv?" + r.URL.RawQuery
	for _, so := range []struct{ key, label string }{{"", "Nhóm"}, {"place", "Địa phương"}, {"year", "Năm"}, {"-value", "Giá trị ↓"}, {"value", "Giá trị ↑"}, {"date", "Bài mới nhất"}} {
		u := cloneValues(v)
		u.Set("family", q.Family)
		if so.key == "" {
			u.Del("sort")
		} else {
			u.Set("sort", so.key)
		}
		page.Sorts = append(page.Sorts, sortLink{Label: so.label, URL: "/targets?" + u.Encode(), Active: q.Sort == so.key})
	}
	s.render(w, r, http.StatusOK, "targets", page)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}

// maxListed bounds the rows of a list page; the CSV and API have them all.
const maxListed = 500

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

// handleDecisionsPage lists every decision, with decisions per month.
func (s *server) handleDecisionsPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := textParam(v, "q")
	if err != nil {
		s.pageError(w, r, http.StatusBadRequest, "Tham số không hợp lệ", err.Error(), nil)
		return
	}
	g := s.graph(w, r, true)
	if g == nil {
		return
	}
	page := decisionsPage{layout: layout{Title: "Văn bản", Q: ""}, Sort: v.Get("sort")}
	page.Decisions = slices.Clone(g.Entities(resolve.TypeDecision, q, 0))
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
	for _, so := range []struct{ key, label string }{{"", "Nhiều bài nhất"}, {"date", "Mới nhất"}, {"symbol", "Số hiệu"}} {
		u := cloneValues(v)
		if so.key == "" {
			u.Del("sort")
		} else {
			u.Set("sort", so.key)
		}
		page.Sorts = append(page.Sorts, sortLink{Label: so.label, URL: "/decisions?" + u.Encode(), Active: page.Sort == so.key})
	}
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

func (s *server) handleDecisionPage(w http.ResponseWriter, r *http.Request) {
	sym := strings.TrimSpace(r.PathValue("symbol"))
	g := s.graph(w, r, true)
	if g == nil {
		return
	}
	e, ok := g.Lookup(resolve.TypeDecision, sym)
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
	g, err := s.resolver.Graph(r.Context())
	if err != nil {
		s.pageError(w, r, http.StatusInternalServerError, "Lỗi máy chủ", "Không hợp nhất được thực thể.", err)
		return true
	}
	e, ok := g.Lookup(typ, name)
	if typ == resolve.TypeTarget {
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
	if typ == resolve.TypeDecision {
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
		var lanes []lane
		for _, role := range e.Roles {
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
		page.Timeline = timeline("Các chức vụ của "+e.Name+" theo thời gian", lanes)
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

func familyLabel(id string) string {
	if f, ok := resolve.FamilyByID(id); ok {
		return f.Label
	}
	return id
}

type rolesPage struct {
	layout
	Query    string
	Holders  []resolve.Holding
	Timeline template.HTML
}

// handleRolesPage answers "who held this role when": every holder of a
// role on one timeline.
func (s *server) handleRolesPage(w http.ResponseWriter, r *http.Request) {
	q, err := textParam(r.URL.Query(), "q")
	if err != nil {
		s.pageError(w, r, http.StatusBadRequest, "Tham số không hợp lệ", err.Error(), nil)
		return
	}
	g := s.graph(w, r, true)
	if g == nil {
		return
	}
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

func firstN(ids []string, n int) []string {
	if len(ids) > n {
		return ids[:n]
	}
	return ids
}
