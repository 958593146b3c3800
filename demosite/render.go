package demosite

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// perPage is the number of articles on one category or tag page.
const perPage = 6

// templates holds the parsed HTML templates, one set per page kind.
type templates struct {
	pages map[string]*template.Template
}

var weekdays = [...]string{"Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;")
)

var funcs = template.FuncMap{
	// vneDate: "Thứ năm, 4/11/2021, 17:12 (GMT+7)".
	"vneDate": func(t time.Time) string {
		t = t.In(ict)
		return fmt.Sprintf("%s, %d/%d/%d, %02d:%02d (GMT+7)", weekdays[t.Weekday()], t.Day(), int(t.Month()), t.Year(), t.Hour(), t.Minute())
	},
	// dtDate: "Thứ ba, 06/05/2025 - 06:02".
	"dtDate": func(t time.Time) string {
		t = t.In(ict)
		return weekdays[t.Weekday()] + ", " + t.Format("02/01/2006 - 15:04")
	},
	"dtDatetime": func(t time.Time) string { return t.In(ict).Format("2006-01-02 15:04") },
	"shortDate":  func(t time.Time) string { return t.In(ict).Format("02/01/2006 15:04") },
	"iso":        func(t time.Time) string { return t.In(ict).Format(time.RFC3339) },
	"slug":       slugify,
	"subhead":    func(p string) bool { return strings.HasPrefix(p, "## ") },
	"unhead":     func(p string) string { return strings.TrimPrefix(p, "## ") },
	// text and contentAttr escape only what HTML requires, so quotes and
	// "+" stay literal as on real news sites.
	"text":        func(v string) template.HTML { return template.HTML(textEscaper.Replace(v)) },
	"contentAttr": func(v string) template.HTMLAttr { return template.HTMLAttr(`content="` + attrEscaper.Replace(v) + `"`) },
	// figureAfter reports whether the article image goes after paragraph i.
	"figureAfter": func(i int) bool { return i == 1 },
}

// parseTemplates parses site/templates: layout.html is shared, every other
// file is one page kind.
func parseTemplates(fsys fs.FS) (*templates, error) {
	names, err := fs.Glob(fsys, "site/templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("demosite: listing templates: %w", err)
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, name := range names {
		base := strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".html")
		if base == "layout" {
			continue
		}
		tpl, err := template.New(base).Funcs(funcs).ParseFS(fsys, "site/templates/layout.html", name)
		if err != nil {
			return nil, fmt.Errorf("demosite: parsing template %s: %w", base, err)
		}
		t.pages[base] = tpl
	}
	return t, nil
}

// pageData is what every template receives.
type pageData struct {
	Base        string // "http://127.0.0.1:8080", no trailing slash
	Path        string
	Title       string
	Description string
	Categories  []category
	Current     string // slug of the current category, if any
	Story       *story
	Related     []*story
	JSONLD      template.JS
	Stories     []*story
	Heading     string
	Sections    []section
	Prev, Next  string // pagination links
	PageNum     int
	Query       string
	Year        int // copyright year: that of the newest article
}

// section is one category block on the home page.
type section struct {
	Category category
	Stories  []*story
}

// baseURL returns scheme://host of the request.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Site) newData(r *http.Request, title string) *pageData {
	return &pageData{Base: baseURL(r), Path: r.URL.Path, Title: title, Categories: categories, Year: newest(s.cat.stories).Year()}
}

// render executes a page template and serves it with ETag and Last-Modified.
func (s *Site) render(w http.ResponseWriter, r *http.Request, status int, page string, d *pageData, modified time.Time) {
	tpl, ok := s.tpl.pages[page]
	if !ok {
		http.Error(w, "demosite: no template "+page, http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := tpl.ExecuteTemplate(&buf, page, d); err != nil {
		http.Error(w, "demosite: rendering "+page+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if status != http.StatusOK {
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(buf.Bytes())
		}
		return
	}
	serveBytes(w, r, buf.Bytes(), modified)
}

// serveBytes serves a 200 response with a content ETag, answering
// conditional and HEAD requests.
func serveBytes(w http.ResponseWriter, r *http.Request, body []byte, modified time.Time) {
	sum := sha256.Sum256(body)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:10])+`"`)
	w.Header().Set("Cache-Control", "public, max-age=60")
	http.ServeContent(w, r, "", modified, bytes.NewReader(body))
}

func (s *Site) notFound(w http.ResponseWriter, r *http.Request) {
	d := s.newData(r, "Không tìm thấy trang")
	d.Stories = s.cat.stories[:min(5, len(s.cat.stories))]
	s.render(w, r, http.StatusNotFound, "notfound", d, time.Time{})
}

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

// serveCategory serves /{slug}/ and /{slug}/pN, redirecting /{slug} and /{slug}/p1.
func (s *Site) serveCategory(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, "/")
	slug, page, hasSlash := strings.Cut(rest, "/")
	cat, ok := categoryBySlug(slug)
	if !ok {
		s.notFound(w, r)
		return
	}
	if !hasSlash || page == "p1" {
		http.Redirect(w, r, "/"+slug+"/", http.StatusMovedPermanently)
		return
	}
	n := 1
	if page != "" {
		num, err := strconv.Atoi(strings.TrimPrefix(page, "p"))
		if !strings.HasPrefix(page, "p") || err != nil || num < 2 || strconv.Itoa(num) != page[1:] {
			s.notFound(w, r)
			return
		}
		n = num
	}
	all := s.cat.inCategory(slug)
	d := s.newData(r, cat.Name+" - Báo Sông Hồng")
	d.Current = slug
	d.Heading = cat.Name
	d.Description = "Tin tức " + strings.ToLower(cat.Name) + " mới nhất trên Báo Sông Hồng."
	if !s.paginate(d, all, n, "/"+slug+"/") {
		s.notFound(w, r)
		return
	}
	s.render(w, r, http.StatusOK, "list", d, newest(d.Stories))
}

// serveTag serves /tag/{slug}/ listing the articles with that tag.
func (s *Site) serveTag(w http.ResponseWriter, r *http.Request, rest string) {
	slug, page, hasSlash := strings.Cut(rest, "/")
	list, ok := s.cat.tags[slug]
	if !ok {
		s.notFound(w, r)
		return
	}
	if !hasSlash {
		http.Redirect(w, r, "/tag/"+slug+"/", http.StatusMovedPermanently)
		return
	}
	n := 1
	if page != "" {
		num, err := strconv.Atoi(strings.TrimPrefix(page, "p"))
		if !strings.HasPrefix(page, "p") || err != nil || num < 2 || strconv.Itoa(num) != page[1:] {
			s.notFound(w, r)
			return
		}
		n = num
	}
	name := s.cat.tagName[slug]
	d := s.newData(r, name+" - Báo Sông Hồng")
	d.Heading = name
	d.Description = "Các bài viết về " + name + "."
	if !s.paginate(d, list, n, "/tag/"+slug+"/") {
		s.notFound(w, r)
		return
	}
	s.render(w, r, http.StatusOK, "list", d, newest(d.Stories))
}

// paginate fills d with page n of list; false when the page does not exist.
func (s *Site) paginate(d *pageData, list []*story, n int, first string) bool {
	start := (n - 1) * perPage
	if start >= len(list) {
		return false
	}
	d.Stories = list[start:min(start+perPage, len(list))]
	d.PageNum = n
	switch {
	case n == 2:
		d.Prev = first
	case n > 2:
		d.Prev = first + "p" + strconv.Itoa(n-1)
	}
	if start+perPage < len(list) {
		d.Next = first + "p" + strconv.Itoa(n+1)
	}
	if n > 1 {
		d.Title = d.Heading + " - Trang " + strconv.Itoa(n) + " - Báo Sông Hồng"
	}
	return true
}

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

// newsArticle is the schema.org NewsArticle JSON-LD of an article page.
type newsArticle struct {
	Context          string     `json:"@context"`
	Type             string     `json:"@type"`
	MainEntityOfPage string     `json:"mainEntityOfPage"`
	Headline         string     `json:"headline"`
	Description      string     `json:"description"`
	Image            []string   `json:"image"`
	DatePublished    string     `json:"datePublished"`
	DateModified     string     `json:"dateModified"`
	Author           []ldEntity `json:"author"`
	Publisher        ldEntity   `json:"publisher"`
	ArticleSection   string     `json:"articleSection"`
	Keywords         string     `json:"keywords"`
	InLanguage       string     `json:"inLanguage"`
}

type ldEntity struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

func jsonLD(base string, st *story) (string, error) {
	b, err := json.MarshalIndent(newsArticle{
		Context:          "https://schema.org",
		Type:             "NewsArticle",
		MainEntityOfPage: base + st.Path,
		Headline:         st.Title,
		Description:      st.Sapo,
		Image:            []string{base + st.Image},
		DatePublished:    st.Published.In(ict).Format(time.RFC3339),
		DateModified:     st.Modified.In(ict).Format(time.RFC3339),
		Author:           []ldEntity{{Type: "Person", Name: st.Author}},
		Publisher:        ldEntity{Type: "Organization", Name: "Báo Sông Hồng"},
		ArticleSection:   st.Category.Name,
		Keywords:         strings.Join(st.Tags, ", "),
		InLanguage:       "vi",
	}, "", "  ")
	if err != nil {
		return "", fmt.Errorf("demosite: json-ld: %w", err)
	}
	return string(b), nil
}

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
