package web

import (
	"cmp"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"dxnews/resolve"
)

var yearRE = regexp.MustCompile(`^(19|20)\d\d$`)

// targetQuery is the parsed filter and order of /api/targets and /targets.
type targetQuery struct {
	resolve.GoalFilter
	Sort string
	Size int
}

var targetSorts = []string{"family", "place", "year", "value", "-value", "date"}

func targetParams(r *http.Request) (targetQuery, error) { return parseTargetQuery(r.URL.Query()) }

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

func (s *server) serveTargets(w http.ResponseWriter, r *http.Request, g *resolve.Graph, q targetQuery) {
	list, total := goals(g, q)
	s.writeJSON(w, r, http.StatusOK, targetsResponse{Total: total, Families: resolve.Families, Targets: list})
}

func (s *server) serveTargetsCSV(w http.ResponseWriter, r *http.Request, g *resolve.Graph, q targetQuery) {
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
