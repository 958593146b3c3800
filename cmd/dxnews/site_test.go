package main

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// testSite is a tiny news site on a loopback port whose stories a test can
// add and change between crawls. Every story is about digital
// transformation, names a person with a role and cites a decision, so
// each stage has work to do.
type testSite struct {
	srv     *httptest.Server
	mu      sync.Mutex
	stories map[string]siteStory // path → story
	// newest, when above 0, is how many stories the home page lists,
	// newest first, as a news site's front page does.
	newest int
	seq    int
	// clock is the latest Last-Modified given: each edition gets a later
	// one, even two within a second.
	clock time.Time
}

type siteStory struct {
	title, body string
	published   time.Time
	modified    time.Time // Last-Modified, for conditional requests
	seq         int       // order of publication
}

func newTestSite(t testing.TB) *testSite {
	s := &testSite{stories: map[string]siteStory{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// storyText returns a short on-topic story numbered n, in its edition ed.
func storyText(n, ed int) (title, body string) {
	provinces := []string{"Quảng Trị", "Hà Giang", "Bến Tre", "Kon Tum", "Sóc Trăng", "Lạng Sơn", "Cà Mau", "Yên Bái", "Phú Yên", "Đắk Nông"}
	p := provinces[n%len(provinces)]
	title = fmt.Sprintf("%s đẩy mạnh chuyển đổi số cấp xã, đợt %d", p, n)
	body = fmt.Sprintf("Ông Lê Văn Bình%d, Giám đốc Sở Thông tin và Truyền thông tỉnh %s, cho biết tỉnh đã ban hành Quyết định số %d/QĐ-UBND về chuyển đổi số. "+
		"Mục tiêu đến năm 2025 có %d%% thủ tục hành chính được xử lý trực tuyến.", n, p, 100+n, 60+n)
	if ed > 0 {
		body += fmt.Sprintf(" Bản cập nhật lần %d: tỉnh đã mở thêm %d điểm hỗ trợ người dân dùng dịch vụ công.", ed, 10*ed+n)
	}
	return title, body
}

// put publishes (or replaces) story n in edition ed.
func (s *testSite) put(n, ed int) {
	title, body := storyText(n, ed)
	s.mu.Lock()
	defer s.mu.Unlock()
	path := fmt.Sprintf("/tin/bai-%d.html", n)
	seq := s.stories[path].seq
	if seq == 0 {
		s.seq++
		seq = s.seq
	}
	if now := time.Now().UTC().Truncate(time.Second); now.After(s.clock) {
		s.clock = now
	} else {
		s.clock = s.clock.Add(time.Second)
	}
	s.stories[path] = siteStory{title: title, body: body, seq: seq, modified: s.clock,
		published: time.Date(2024, 5, 1+n%28, 8, 0, 0, 0, time.FixedZone("ICT", 7*3600))}
}

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	switch r.URL.Path {
	case "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		return
	case "/":
		paths := make([]string, 0, len(s.stories))
		for p := range s.stories {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		if s.newest > 0 {
			sort.Slice(paths, func(i, j int) bool { return s.stories[paths[i]].seq > s.stories[paths[j]].seq })
			paths = paths[:min(len(paths), s.newest)]
		}
		fmt.Fprint(w, "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tin Số</title></head><body><ul>")
		for _, p := range paths {
			fmt.Fprintf(w, "<li><a href=\"%s\">%s</a></li>", p, html.EscapeString(s.stories[p].title))
		}
		fmt.Fprint(w, "</ul></body></html>")
		return
	}
	st, ok := s.stories[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !st.modified.After(ims) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Last-Modified", st.modified.Format(http.TimeFormat))
	ld, _ := json.Marshal(map[string]any{"@context": "https://schema.org", "@type": "NewsArticle",
		"headline": st.title, "datePublished": st.published.Format(time.RFC3339)})
	fmt.Fprintf(w, `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>%s</title>
<script type="application/ld+json">%s</script></head><body>
<div class="menu"><a href="/">Trang chủ</a></div>
<article><h1>%s</h1><div class="content"><p>%s</p></div></article></body></html>`,
		html.EscapeString(st.title), ld, html.EscapeString(st.title), html.EscapeString(st.body))
}

// config writes a sources file for the site, polite but without delays,
// and returns its path.
func (s *testSite) config(t testing.TB) string {
	host := strings.TrimPrefix(s.srv.URL, "http://")
	cfg := fmt.Sprintf(`{"sources":[{"name":"tin-so","hosts":[%q],"start":[%q],"delay_ms":1,"parallelism":2}]}`, host, s.srv.URL+"/")
	return writeFile(t, filepath.Join(t.TempDir(), "sources.json"), cfg)
}

// siteWith starts a test site publishing articles 0 to n-1 in their first
// edition and returns it with the sources config that crawls it.
func siteWith(t testing.TB, n int) (*testSite, string) {
	t.Helper()
	site := newTestSite(t)
	for i := range n {
		site.put(i, 0)
	}
	return site, site.config(t)
}
