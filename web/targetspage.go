package web

import (
	"cmp"
	"html/template"
	"net/http"
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

// serveTargetsPage lines up the goals of one metric family side by side.
func (s *server) serveTargetsPage(w http.ResponseWriter, r *http.Request, g *resolve.Graph, q targetQuery) {
	v := r.URL.Query()
	if q.Family == "" && !v.Has("family") {
		q.Family = "digital-economy-share"
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
	bars, page.ChartCut = goalBars(page.Goals)
	if len(bars) > 0 {
		page.Chart = barChart("Chỉ tiêu "+page.Family.Label+" theo địa phương và năm", bars)
	}
	page.CSV = "/api/targets.csv?" + r.URL.RawQuery
	v = cloneValues(v)
	v.Set("family", q.Family)
	page.Sorts = sortLinks("/targets", v, q.Sort, []sortOption{{"", "Nhóm"}, {"place", "Địa phương"}, {"year", "Năm"},
		{"-value", "Giá trị ↓"}, {"value", "Giá trị ↑"}, {"date", "Bài mới nhất"}})
	s.render(w, r, http.StatusOK, "targets", page)
}

// goalBars are the bars of the goals that have a number, at most maxBars;
// cut says there were more.
func goalBars(list []resolve.Goal) (bars []bar, cut bool) {
	for _, x := range list {
		if x.Number == nil {
			continue
		}
		if len(bars) == maxBars {
			return bars, true
		}
		label := cmp.Or(x.Place, "(không rõ nơi)")
		if x.Year != "" {
			label += " · " + x.Year
		}
		bars = append(bars, bar{Label: label, Value: *x.Number, Text: strings.TrimSpace(x.Qualifier + " " + x.Value), Href: "/articles/" + x.Article.ID})
	}
	return bars, false
}

func familyLabel(id string) string {
	if f, ok := resolve.FamilyByID(id); ok {
		return f.Label
	}
	return id
}
