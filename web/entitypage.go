package web

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"dxnews/article"
	"dxnews/index"
)

// entityTypeLabels names the entity types in the UI.
var entityTypeLabels = map[string]string{
	index.TypePerson:       "Nhân vật",
	index.TypeDecision:     "Văn bản",
	index.TypeTarget:       "Chỉ tiêu",
	index.TypeOrganization: "Tổ chức",
	index.TypeLocation:     "Địa điểm",
}

// entityFilters maps entity types to the search filter that finds their
// articles.
var entityFilters = map[string]string{
	index.TypePerson:       "person",
	index.TypeDecision:     "decision",
	index.TypeOrganization: "org",
	index.TypeLocation:     "location",
}

// maxEntityArticles bounds the articles listed on an entity page.
const maxEntityArticles = 50

func typeLabel(typ string) string { return entityTypeLabels[typ] }

type entityPage struct {
	layout
	Entity   index.Entity
	Articles []article.Article
	More     int    // articles mentioning it beyond those listed
	Search   string // search URL for all its articles, "" for targets
}

func (s *server) handleEntityPage(w http.ResponseWriter, r *http.Request) {
	typ, name := r.PathValue("type"), strings.TrimSpace(r.PathValue("name"))
	if !slices.Contains(index.EntityTypes, typ) {
		s.pageError(w, r, http.StatusNotFound, "Không tìm thấy trang", "Không có loại thực thể "+typ+".", nil)
		return
	}
	name, err := textParam(map[string][]string{"name": {name}}, "name")
	if err != nil || name == "" {
		s.pageError(w, r, http.StatusNotFound, "Không tìm thấy", "Tên không hợp lệ.", err)
		return
	}
	if s.resolver != nil && s.resolvedEntityPage(w, r, typ, name) {
		return
	}
	ents, err := s.index.Entities(r.Context(), index.EntityQuery{Type: typ, Q: name, Size: index.MaxSize})
	if err != nil {
		s.pageError(w, r, http.StatusInternalServerError, "Lỗi máy chủ", "Không tra cứu được thực thể.", err)
		return
	}
	i := slices.IndexFunc(ents, func(e index.Entity) bool { return strings.EqualFold(e.Name, name) })
	if i < 0 {
		i = slices.IndexFunc(ents, func(e index.Entity) bool { return index.Fold(e.Name) == index.Fold(name) })
	}
	if i < 0 {
		s.pageError(w, r, http.StatusNotFound, "Không tìm thấy", typeLabel(typ)+" "+name+" không có trong các bài viết đã thu thập.", nil)
		return
	}
	page := entityPage{layout: layout{Title: ents[i].Name}, Entity: normalizeEntities(ents[i : i+1])[0]}
	if p, ok := entityFilters[typ]; ok {
		page.Search = searchURL(nil, p, ents[i].Name)
	}
	ids := page.Entity.Articles
	if len(ids) > maxEntityArticles {
		page.More = len(ids) - maxEntityArticles
		ids = ids[:maxEntityArticles]
	}
	for _, id := range ids {
		a, err := s.index.Get(r.Context(), id)
		if errors.Is(err, index.ErrNotFound) {
			continue
		}
		if err != nil {
			s.pageError(w, r, http.StatusInternalServerError, "Lỗi máy chủ", "Không đọc được bài viết.", err)
			return
		}
		page.Articles = append(page.Articles, s.withAudio(a))
	}
	s.render(w, r, http.StatusOK, "entity", page)
}
