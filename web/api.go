package web

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"dxnews/article"
	"dxnews/index"
)

// validID matches article IDs: lower-case hex, as article.IDFor makes them.
var validID = regexp.MustCompile(`^[0-9a-f]{1,64}$`)

const badIDReason = "not a hexadecimal article id"

// failQuery answers an error from reading parameters or from the index: a
// *index.ParamError is the client's fault (400 naming the parameter),
// anything else a 500 described by msg.
func (s *server) failQuery(w http.ResponseWriter, r *http.Request, err error, msg string) {
	if r.Context().Err() != nil && errors.Is(err, r.Context().Err()) {
		// The client went away: nobody reads the answer, and it is no
		// server error.
		w.WriteHeader(statusClientClosed)
		return
	}
	if pe := (*index.ParamError)(nil); errors.As(err, &pe) {
		s.fail(w, r, http.StatusBadRequest, badParam(pe), nil)
		return
	}
	s.fail(w, r, http.StatusInternalServerError, msg, err)
}

// statusClientClosed is recorded for requests whose client left before the
// answer was ready (nginx's 499).
const statusClientClosed = 499

// badRequest answers a 400 naming the bad parameter.
func (s *server) badRequest(w http.ResponseWriter, r *http.Request, param, reason string) {
	s.fail(w, r, http.StatusBadRequest, badParam(&index.ParamError{Param: param, Reason: reason}), nil)
}

func (s *server) handleArticles(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	q.Source = s.sourceFilter(r.Context(), q.Source)
	res, err := s.index.Search(r.Context(), q)
	if err != nil {
		s.failQuery(w, r, err, "search failed")
		return
	}
	s.writeJSON(w, r, http.StatusOK, s.prepareResults(res))
}

// prepareResults gives the results arrays instead of nulls and fills in
// the audio variants of every article.
func (s *server) prepareResults(res index.Results) index.Results {
	if res.Articles == nil {
		res.Articles = []article.Article{}
	}
	for i := range res.Articles {
		res.Articles[i] = s.withAudio(res.Articles[i])
	}
	f := &res.Facets
	s.sourceNames(f.Sources)
	for _, p := range []*[]index.FacetCount{&f.People, &f.Organizations, &f.Decisions, &f.Sources} {
		if *p == nil {
			*p = []index.FacetCount{}
		}
	}
	return res
}

func (s *server) handleArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if a, ok := s.indexedArticle(w, r, id, "article "+id+" not found"); ok {
		s.writeJSON(w, r, http.StatusOK, s.withAudio(a))
	}
}

// indexedArticle reads article id from the index for a JSON answer. It
// answers itself, and reports false, when id is malformed (400), unknown
// (404 saying missing) or cannot be read (500).
func (s *server) indexedArticle(w http.ResponseWriter, r *http.Request, id, missing string) (article.Article, bool) {
	if !validID.MatchString(id) {
		s.badRequest(w, r, "id", badIDReason)
		return article.Article{}, false
	}
	a, err := s.index.Get(r.Context(), id)
	if errors.Is(err, index.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, missing, nil)
		return a, false
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot read article", err)
		return a, false
	}
	return a, true
}

type entitiesResponse struct {
	Entities []index.Entity `json:"entities"`
}

func (s *server) handleEntities(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	typ := v.Get("type")
	if !slices.Contains(index.EntityTypes, typ) {
		s.badRequest(w, r, "type", fmt.Sprintf("%q is not one of %s", typ, strings.Join(index.EntityTypes, ", ")))
		return
	}
	q, err := textParam(v, "q")
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	size, err := intParam(v, "size", index.DefaultSize, 1, index.MaxSize)
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	// Resolved entities when they are loaded; while the server is still
	// reading the archive at start-up, the index's entity names.
	if s.resolver != nil && s.resolvedEntities(w, r, typ, q, size) {
		return
	}
	ents, err := s.index.Entities(r.Context(), index.EntityQuery{Type: typ, Q: q, Size: size})
	if err != nil {
		s.failQuery(w, r, err, "entity lookup failed")
		return
	}
	s.writeJSON(w, r, http.StatusOK, entitiesResponse{Entities: normalizeEntities(ents)})
}

func normalizeEntities(ents []index.Entity) []index.Entity {
	if ents == nil {
		return []index.Entity{}
	}
	for i := range ents {
		if ents[i].Roles == nil {
			ents[i].Roles = []string{}
		}
		if ents[i].Articles == nil {
			ents[i].Articles = []string{}
		}
		ents[i].Articles = firstN(ents[i].Articles, maxListedArticles)
	}
	return ents
}
