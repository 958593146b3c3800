package demosite

import (
	"html/template"
	"net/http"
	"strings"
	"time"
)

// notFound serves the 404 page, which lists the newest articles.
func (s *Site) notFound(w http.ResponseWriter, r *http.Request) {
	d := s.newData(r, "Không tìm thấy trang")
	d.Stories = s.cat.stories[:min(5, len(s.cat.stories))]
	s.render(w, r, http.StatusNotFound, "notfound", d, time.Time{})
}

// serveHome serves the home page: the newest articles and each category's.
func (s *Site) serveHome(w http.ResponseWriter, r *http.Request) {
	d := s.newData(r, "Báo Sông Hồng - Tin tức trong ngày")
	d.Description = "Tin tức thời sự, chuyển đổi số, kinh doanh, thể thao và đời sống cập nhật trong ngày."
	d.Stories = s.cat.stories[:min(8, len(s.cat.stories))]
	for _, c := range categories {
		list := s.cat.inCategory(c.Slug)
		d.Sections = append(d.Sections, section{Category: c, Stories: list[:min(3, len(list))]})
	}
	s.render(w, r, http.StatusOK, "home", d, newest(s.cat.stories))
}

// serveStory serves an article page in its markup style.
func (s *Site) serveStory(w http.ResponseWriter, r *http.Request, st *story) {
	d := s.newData(r, st.Title)
	d.Description = st.Sapo
	d.Current = st.Category.Slug
	d.Story = st
	d.Related = s.cat.related(st, 3)
	ld, err := jsonLD(d.Base, st)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	d.JSONLD = template.JS(ld)
	s.render(w, r, http.StatusOK, st.Style, d, st.Modified)
}

// serveAdmin serves the forbidden admin page robots.txt keeps crawlers from.
func (s *Site) serveAdmin(w http.ResponseWriter, r *http.Request) {
	d := s.newData(r, "Đăng nhập quản trị")
	s.render(w, r, http.StatusForbidden, "admin", d, time.Time{})
}

// serveSearch serves /tim-kiem?q=…, a title and sapo search.
func (s *Site) serveSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	d := s.newData(r, "Tìm kiếm - Báo Sông Hồng")
	d.Heading = "Kết quả tìm kiếm"
	d.Query = q
	if fq := slugify(q); fq != "" {
		for _, st := range s.cat.stories {
			if strings.Contains(slugify(st.Title+" "+st.Sapo), fq) {
				d.Stories = append(d.Stories, st)
			}
		}
	}
	s.render(w, r, http.StatusOK, "list", d, time.Time{})
}
