package demosite

import (
	"net/http"
	"strconv"
	"strings"
)

// perPage is the number of articles on one category or tag page.
const perPage = 6

// serveCategory serves /{slug}/ and /{slug}/pN, redirecting /{slug} and /{slug}/p1.
func (s *Site) serveCategory(w http.ResponseWriter, r *http.Request) {
	slug, page, hasSlash := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	cat, ok := categoryBySlug(slug)
	if !ok {
		s.notFound(w, r)
		return
	}
	if !hasSlash || page == "p1" {
		http.Redirect(w, r, "/"+slug+"/", http.StatusMovedPermanently)
		return
	}
	s.serveListing(w, r, page, listing{
		stories: s.cat.inCategory(slug), first: "/" + slug + "/", current: slug, heading: cat.Name,
		description: "Tin tức " + strings.ToLower(cat.Name) + " mới nhất trên Báo Sông Hồng.",
	})
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
	name := s.cat.tagName[slug]
	s.serveListing(w, r, page, listing{
		stories: list, first: "/tag/" + slug + "/", heading: name,
		description: "Các bài viết về " + name + ".",
	})
}

// listing is a list of stories served a page at a time: a category or a tag.
type listing struct {
	stories     []*story
	first       string // the URL of its first page
	current     string // the category, for the navigation bar
	heading     string
	description string
}

// serveListing serves the page of l that the URL segment page names.
func (s *Site) serveListing(w http.ResponseWriter, r *http.Request, page string, l listing) {
	n, ok := pageNumber(page)
	if !ok {
		s.notFound(w, r)
		return
	}
	d := s.newData(r, l.heading+" - Báo Sông Hồng")
	d.Current = l.current
	d.Heading = l.heading
	d.Description = l.description
	if !s.paginate(d, l.stories, n, l.first) {
		s.notFound(w, r)
		return
	}
	s.render(w, r, http.StatusOK, "list", d, newest(d.Stories))
}

// pageNumber reads the page segment of a listing URL: "" is page 1, "pN"
// page N from 2 on, written without leading zeros.
func pageNumber(page string) (int, bool) {
	if page == "" {
		return 1, true
	}
	num, err := strconv.Atoi(strings.TrimPrefix(page, "p"))
	if !strings.HasPrefix(page, "p") || err != nil || num < 2 || strconv.Itoa(num) != page[1:] {
		return 0, false
	}
	return num, true
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
