package web

import (
	"encoding/json"
	"net/http"
	"strings"

	"dxnews/article"
)

// chaptersURL is the API path of the Podcasting 2.0 chapters of a reading.
func chaptersURL(id, voice string) string {
	return "/api/chapters/" + id + "/" + voice + ".json"
}

// jsonChapters is the Podcasting 2.0 JSON chapters format, version 1.2.0.
type jsonChapters struct {
	Version  string        `json:"version"`
	Chapters []jsonChapter `json:"chapters"`
}

type jsonChapter struct {
	StartTime float64 `json:"startTime"`
	EndTime   float64 `json:"endTime"`
	Title     string  `json:"title"`
}

// handleChapters serves /api/chapters/{id}/{voice}.json from the article's
// audio record.
func (s *server) handleChapters(w http.ResponseWriter, r *http.Request) {
	id, file := r.PathValue("id"), r.PathValue("file")
	if !validID.MatchString(id) {
		s.badRequest(w, r, "id", badIDReason)
		return
	}
	voice, ok := strings.CutSuffix(file, ".json")
	if !ok {
		s.fail(w, r, http.StatusNotFound, "no such chapters file "+file+" (want VOICE.json)", nil)
		return
	}
	if _, err := article.LookupVoice(voice); err != nil {
		s.badRequest(w, r, "voice", err.Error())
		return
	}
	a, ok := s.indexedArticle(w, r, id, "no article "+id)
	if !ok {
		return
	}
	au, ok := findAudio(a, voice)
	if !ok || len(au.Chapters) == 0 {
		s.fail(w, r, http.StatusNotFound, "no "+voice+" chapters for article "+id, nil)
		return
	}
	out := jsonChapters{Version: "1.2.0", Chapters: make([]jsonChapter, len(au.Chapters))}
	for i, c := range au.Chapters {
		out.Chapters[i] = jsonChapter{StartTime: float64(c.StartMS) / 1000, EndTime: float64(c.EndMS) / 1000, Title: c.Title}
	}
	b, err := json.Marshal(out)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot encode chapters", err)
		return
	}
	w.Header().Set("Content-Type", "application/json+chapters; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(b)
}
