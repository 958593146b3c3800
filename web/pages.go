package web

import "net/http"

type pages struct{}

func loadPages() (*pages, error) { return &pages{}, nil }

func staticHandler() http.Handler { return http.NotFoundHandler() }

func (s *server) handleHome(w http.ResponseWriter, r *http.Request)        {}
func (s *server) handleSearch(w http.ResponseWriter, r *http.Request)      {}
func (s *server) handleArticlePage(w http.ResponseWriter, r *http.Request) {}
func (s *server) handleEntityPage(w http.ResponseWriter, r *http.Request)  {}
func (s *server) handlePageNotFound(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r)
}
