package web

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"dxnews/article"
)

// allVoices lists every voice audio may exist in, in UI order.
var allVoices = article.AllVoices()

// audioURL is the API path of an article's MP3 in a voice.
func audioURL(id, voice string) string {
	return "/api/audio/" + id + "/" + voice + ".mp3"
}

// audioFiles returns the sizes of the MP3s of article id on disk, by voice,
// reading its audio folder once. id must already be validated.
func (s *server) audioFiles(id string) map[string]int64 {
	p := s.store.AudioPath(id, allVoices[0].ID)
	if p == "" {
		return nil
	}
	entries, err := os.ReadDir(filepath.Dir(p))
	if err != nil {
		return nil
	}
	var sizes map[string]int64
	for _, e := range entries {
		voice, ok := strings.CutSuffix(e.Name(), ".mp3")
		if !ok || !e.Type().IsRegular() || s.store.AudioPath(id, voice) != filepath.Join(filepath.Dir(p), e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if sizes == nil {
			sizes = map[string]int64{}
		}
		sizes[voice] = info.Size()
	}
	return sizes
}

// withAudio normalises a and sets its audio variants to the readings that
// exist on disk (served by this API), keeping metadata the record already
// had; variants hosted elsewhere under an absolute URL are kept as they are.
func (s *server) withAudio(a article.Article) article.Article {
	a.Normalize()
	listed := make(map[string]article.Audio, len(a.Audio))
	for _, au := range a.Audio {
		listed[au.Voice] = au
	}
	var onDisk map[string]int64
	if validID.MatchString(a.ID) {
		onDisk = s.audioFiles(a.ID)
	}
	out := []article.Audio{}
	for _, v := range allVoices {
		au, ok := listed[v.ID]
		size, found := onDisk[v.ID]
		switch {
		case found:
			au.Voice = v.ID
			au.URL = audioURL(a.ID, v.ID)
			au.Bytes = size
			out = append(out, au)
		case ok && isAbsoluteURL(au.URL):
			out = append(out, au)
		}
	}
	a.Audio = out
	return a
}

func isAbsoluteURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

// handleAudio serves /api/audio/{id}/{voice}.mp3 (with Range support) and
// /api/audio/{id}/{voice}.json (sentence timings).
func (s *server) handleAudio(w http.ResponseWriter, r *http.Request) {
	id, file := r.PathValue("id"), r.PathValue("file")
	if !validID.MatchString(id) {
		s.badRequest(w, r, "id", badIDReason)
		return
	}
	ext := path.Ext(file)
	var ctype string
	switch ext {
	case ".mp3":
		ctype = "audio/mpeg"
	case ".json":
		ctype = "application/json; charset=utf-8"
	default:
		s.fail(w, r, http.StatusNotFound, "no such audio file "+file+" (want VOICE.mp3 or VOICE.json)", nil)
		return
	}
	voice := strings.TrimSuffix(file, ext)
	if _, err := article.LookupVoice(voice); err != nil {
		s.badRequest(w, r, "voice", err.Error())
		return
	}
	missing := "no " + voice + " audio for article " + id
	p := s.store.AudioPath(id, voice)
	if p == "" {
		s.fail(w, r, http.StatusNotFound, missing, nil)
		return
	}
	if ext == ".json" {
		p = strings.TrimSuffix(p, path.Ext(p)) + ".json"
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		s.fail(w, r, http.StatusNotFound, missing, nil)
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot open audio", err)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		s.fail(w, r, http.StatusNotFound, missing, err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, file, st.ModTime(), f)
}
