package web

import (
	"errors"
	"net/http"

	"dxnews/article"
	"dxnews/index"
)

type articlePage struct {
	layout
	Article article.Article
	Voices  []article.Voice
}

func (s *server) handleArticlePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID.MatchString(id) {
		s.pageError(w, r, http.StatusNotFound, "Không tìm thấy bài viết", "Mã bài viết không hợp lệ.", nil)
		return
	}
	a, err := s.index.Get(r.Context(), id)
	if errors.Is(err, index.ErrNotFound) {
		s.pageError(w, r, http.StatusNotFound, "Không tìm thấy bài viết", "Bài viết này không có hoặc đã bị gỡ.", nil)
		return
	}
	if err != nil {
		s.pageError(w, r, http.StatusInternalServerError, "Lỗi máy chủ", "Không đọc được bài viết.", err)
		return
	}
	a = s.withAudio(a)
	page := articlePage{layout: layout{Title: a.Title}, Article: a}
	for _, v := range allVoices {
		if au, ok := findAudio(a, v.ID); ok && !isAbsoluteURL(au.URL) {
			page.Voices = append(page.Voices, v)
		}
	}
	s.render(w, r, http.StatusOK, "article", page)
}
