package demosite

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"html/template"
	"net/http"
	"time"
)

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

// serveXML serves v as an XML document.
func (s *Site) serveXML(w http.ResponseWriter, r *http.Request, contentType string, v any, modified time.Time) {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, "demosite: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	serveBytes(w, r, append([]byte(xml.Header), out...), modified)
}
