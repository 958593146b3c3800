package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"

	"dxnews/article"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages holds one parsed template set per page, each with the shared layout.
type pages struct {
	byName map[string]*template.Template
}

var pageNames = []string{"home", "search", "article", "entity", "error", "targets", "decisions", "decision", "resolved", "roles"}

func loadPages() (*pages, error) {
	base, err := template.New("layout.html").Funcs(templateFuncs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("web: parsing layout: %w", err)
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parsing %s page: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// layout is what the shared page frame needs.
type layout struct {
	Title string
	// Q fills the search box in the header.
	Q string
}

// render executes a page into a buffer first, so a template error becomes a
// clean 500 instead of half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.byName[name].ExecuteTemplate(&buf, "layout.html", data); err != nil {
		s.logFailure(r, http.StatusInternalServerError, "cannot render "+name+" page", err)
		http.Error(w, "Lỗi máy chủ", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'self'; media-src 'self' https:; img-src 'self' https: data:")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// articleList is what the shared list of articles needs: the articles and
// the words to highlight in them.
type articleList struct {
	Articles []article.Article
	Q        string
}

type errorPage struct {
	layout
	Status  int
	Heading string
	Message string
}

// pageError renders the error page and logs the failure once.
func (s *server) pageError(w http.ResponseWriter, r *http.Request, status int, heading, msg string, err error) {
	s.logFailure(r, status, msg, err)
	s.render(w, r, status, "error", errorPage{
		layout:  layout{Title: heading},
		Status:  status,
		Heading: heading,
		Message: msg,
	})
}

func (s *server) handlePageNotFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.pageError(w, r, http.StatusMethodNotAllowed, "Phương thức không được hỗ trợ", "Trang này chỉ nhận yêu cầu GET.", nil)
		return
	}
	s.pageError(w, r, http.StatusNotFound, "Không tìm thấy trang", "Địa chỉ "+r.URL.Path+" không tồn tại.", nil)
}

// staticHandler serves the embedded CSS and JavaScript under /static/.
func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}
