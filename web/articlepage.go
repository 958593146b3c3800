package web

import (
	"errors"
	"fmt"
	"net/http"

	"dxnews/article"
	"dxnews/index"
)

type articlePage struct {
	layout
	Article article.Article
	Voices  []reading
}

// reading is a voice the article can be heard in: where the player finds
// its MP3 and sentence timings (from the audio record), and its chapters.
type reading struct {
	article.Voice
	MP3, Timings string
	Chapters     []chapterView
}

type chapterView struct {
	StartMS int64
	Clock   string // "m:ss"
	Title   string
}

func chapterViews(chs []article.Chapter) []chapterView {
	out := make([]chapterView, len(chs))
	for i, c := range chs {
		sec := c.StartMS / 1000
		out[i] = chapterView{StartMS: c.StartMS, Clock: fmt.Sprintf("%d:%02d", sec/60, sec%60), Title: c.Title}
	}
	return out
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
			page.Voices = append(page.Voices, reading{Voice: v, MP3: au.URL, Timings: timingsURL(au.URL), Chapters: chapterViews(au.Chapters)})
		}
	}
	s.render(w, r, http.StatusOK, "article", page)
}
