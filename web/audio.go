package web

import (
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"dxnews/article"
)

// hexID is validID.MatchString without the regular expression, for the
// audio path, which serves many small Range requests.
func hexID(s string) bool {
	return len(s) > 0 && len(s) <= 64 && article.LowerHex(s)
}

// audioPattern is the audio route: routes registers it on the mux, and
// audioFirst serves it ahead of the mux.
const audioPattern = "GET /api/audio/{id}/{file}"

// audioFirst serves audio requests without the mux's pattern matching, which
// costs a player's many small Range requests more than the rest of their
// handling. A path the mux might clean, unescape or redirect goes on to next,
// which holds the same route.
func (s *server) audioFirst(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if id, file, ok := plainAudioPath(r); ok {
			r.Pattern = audioPattern
			s.serveAudio(w, r, id, file)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// plainFileName reports whether name has only lower-case ASCII letters,
// digits, '-' and '.', which no mux would clean or unescape.
func plainFileName(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// plainAudioPath returns the id and file of a GET or HEAD of
// /api/audio/{id}/{file} whose path the mux would match as it is: a hex id
// and a file name of lower-case letters, digits, '-' and '.', not starting
// with '.'.
func plainAudioPath(r *http.Request) (id, file string, ok bool) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead || r.URL.RawPath != "" {
		return "", "", false
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/api/audio/")
	if !ok {
		return "", "", false
	}
	id, file, ok = strings.Cut(rest, "/")
	if !ok || !hexID(id) || file == "" || file[0] == '.' || !plainFileName(file) {
		return "", "", false
	}
	return id, file, true
}

// handleAudio serves /api/audio/{id}/{voice}.mp3 (with Range support) and
// /api/audio/{id}/{voice}.json (sentence timings).
func (s *server) handleAudio(w http.ResponseWriter, r *http.Request) {
	s.serveAudio(w, r, r.PathValue("id"), r.PathValue("file"))
}

func (s *server) serveAudio(w http.ResponseWriter, r *http.Request, id, file string) {
	if !hexID(id) {
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
	missing := func() string { return "no " + voice + " audio for article " + id }
	p := s.store.AudioPath(id, voice)
	if p == "" {
		s.fail(w, r, http.StatusNotFound, missing(), nil)
		return
	}
	if ext == ".json" {
		p = strings.TrimSuffix(p, path.Ext(p)) + ".json"
	}
	f, err := openAudio(p)
	if errors.Is(err, fs.ErrNotExist) {
		s.fail(w, r, http.StatusNotFound, missing(), nil)
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot open audio", err)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		s.fail(w, r, http.StatusNotFound, missing(), err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, file, st.ModTime(), f)
}
