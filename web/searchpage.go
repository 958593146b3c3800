package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"dxnews/index"
)

// filterParams are the search filters the UI shows and links to, in order.
var filterParams = []struct{ param, label string }{
	{"person", "Nhân vật"},
	{"org", "Tổ chức"},
	{"decision", "Văn bản"},
	{"location", "Địa điểm"},
	{"source", "Nguồn"},
	{"from", "Từ ngày"},
	{"to", "Đến ngày"},
}

// link is a labelled URL in a page.
type link struct {
	Label string
	URL   string
}

// field is a form field carried over from the current search.
type field struct{ Name, Value string }

type searchPage struct {
	layout
	Error    string
	Hidden   []field // current parameters the date form keeps
	From, To string
	Filters  []link // active filters; URL removes the filter
	Results  index.Results
	Facets   []facetGroup
	Prev     string
	Next     string
	Page     int
	Pages    int
}

func (s *server) handleHome(w http.ResponseWriter, r *http.Request) {
	res, err := s.index.Search(r.Context(), index.Query{Size: 10, Facets: index.FacetNames})
	if err != nil {
		s.pageError(w, r, http.StatusInternalServerError, "Lỗi máy chủ", "Không đọc được danh sách bài viết.", err)
		return
	}
	s.render(w, r, http.StatusOK, "home", searchPage{
		layout:  layout{Title: "Tin chuyển đổi số"},
		Results: s.prepareResults(res),
		Facets:  facetGroups(res.Facets, url.Values{}),
	})
}

func (s *server) handleSearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	page := searchPage{layout: layout{Title: "Tìm kiếm", Q: v.Get("q")}}
	q, err := parseQuery(v)
	var res index.Results
	if err == nil {
		q.Source = s.sourceFilter(r.Context(), q.Source)
		q.Facets = index.FacetNames // the page shows them all
		res, err = s.index.Search(r.Context(), q)
	}
	if pe := (*index.ParamError)(nil); errors.As(err, &pe) {
		page.Error = "Tham số không hợp lệ: " + badParam(pe)
		s.logFailure(r, http.StatusBadRequest, badParam(pe), nil)
		s.render(w, r, http.StatusBadRequest, "search", page)
		return
	}
	if err != nil {
		s.pageError(w, r, http.StatusInternalServerError, "Lỗi máy chủ", "Tìm kiếm không thành công.", err)
		return
	}
	if q.Text != "" {
		page.Title = q.Text + " – Tìm kiếm"
	}
	page.Results = s.prepareResults(res)
	page.Facets = facetGroups(res.Facets, v)
	for _, f := range filterParams {
		if val := v.Get(f.param); val != "" {
			page.Filters = append(page.Filters, link{Label: f.label + ": " + val, URL: searchURL(v, f.param, "")})
		}
	}
	for _, k := range []string{"q", "person", "org", "decision", "location", "source", "size"} {
		if val := v.Get(k); val != "" {
			page.Hidden = append(page.Hidden, field{k, val})
		}
	}
	page.From, page.To = v.Get("from"), v.Get("to")
	page.Page = q.Page
	page.Pages = (res.Total + q.Size - 1) / q.Size
	if q.Page > 1 {
		page.Prev = searchURL(v, "page", strconv.Itoa(q.Page-1))
	}
	if q.Page < page.Pages && (q.Page+1)*q.Size <= index.MaxWindow {
		page.Next = searchURL(v, "page", strconv.Itoa(q.Page+1))
	}
	s.render(w, r, http.StatusOK, "search", page)
}

// searchURL is /search with v's parameters, key set to val (or removed when
// val is ""). Changing a filter goes back to the first page.
func searchURL(v url.Values, key, val string) string {
	out := url.Values{}
	for k, vs := range v {
		if len(vs) > 0 && vs[0] != "" && k != key && (key == "page" || k != "page") {
			out.Set(k, vs[0])
		}
	}
	if val != "" {
		out.Set(key, val)
	}
	return "/search?" + out.Encode()
}
