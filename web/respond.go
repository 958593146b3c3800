package web

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
)

// errorBody is the JSON form of every API error.
type errorBody struct {
	Error string `json:"error"`
}

// writeJSON writes v as JSON with the given status.
// The encoding is made in a pooled buffer: a large response (entities with
// their articles) would otherwise be megabytes of garbage per request.
func (s *server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	buf := jsonBuffers.Get().(*bytes.Buffer)
	defer putJSONBuffer(buf)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot encode response", err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

var jsonBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putJSONBuffer returns buf to the pool unless it grew past 4 MB, so the
// pool does not pin the largest response ever made.
func putJSONBuffer(buf *bytes.Buffer) {
	if buf.Cap() > 4<<20 {
		return
	}
	buf.Reset()
	jsonBuffers.Put(buf)
}

// fail writes {"error": msg} with status and logs the failure once: server
// errors at error level with the cause, client errors at info level.
func (s *server) fail(w http.ResponseWriter, r *http.Request, status int, msg string, err error) {
	s.logFailure(r, status, msg, err)
	writeErrorJSON(w, status, msg)
}

func (s *server) logFailure(r *http.Request, status int, msg string, err error) {
	attrs := []any{
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Int("status", status),
		slog.String("err", msg),
	}
	if err != nil {
		attrs = append(attrs, slog.Any("cause", err))
	}
	// A 503 says "not yet" (entities still loading, an index being
	// rebuilt) and comes with Retry-After: not an error to page anyone for.
	if status >= 500 && status != http.StatusServiceUnavailable {
		s.log.ErrorContext(r.Context(), "web: request failed", attrs...)
		return
	}
	if status == http.StatusServiceUnavailable {
		s.log.InfoContext(r.Context(), "web: not ready", attrs...)
		return
	}
	s.log.InfoContext(r.Context(), "web: request rejected", attrs...)
}

func writeErrorJSON(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(errorBody{Error: msg})
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Del("Content-Length")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// handleAPINotFound answers API requests no route matched: every endpoint is
// read-only, so other methods get 405.
func (s *server) handleAPINotFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.fail(w, r, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed (use GET)", nil)
		return
	}
	s.fail(w, r, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path, nil)
}

// jsonErrors makes error responses written by standard library helpers
// (http.ServeContent, http.Error) JSON, so API clients always get
// {"error": "..."}.
type jsonErrors struct {
	http.ResponseWriter
	replaced bool
}

func (j *jsonErrors) WriteHeader(status int) {
	if status >= 400 && !strings.HasPrefix(j.Header().Get("Content-Type"), "application/json") {
		j.replaced = true
		writeErrorJSON(j.ResponseWriter, status, strings.ToLower(http.StatusText(status)))
		return
	}
	j.ResponseWriter.WriteHeader(status)
}

func (j *jsonErrors) Write(b []byte) (int, error) {
	if j.replaced {
		return len(b), nil
	}
	return j.ResponseWriter.Write(b)
}

// ReadFrom keeps sendfile for files served through the wrapper.
func (j *jsonErrors) ReadFrom(r io.Reader) (int64, error) {
	if j.replaced {
		return io.Copy(io.Discard, r)
	}
	return readFrom(j.ResponseWriter, r)
}

func (j *jsonErrors) Unwrap() http.ResponseWriter { return j.ResponseWriter }

// origin returns the public origin absolute URLs start with.
func (s *server) origin(r *http.Request) string {
	if s.baseURL != "" {
		return strings.TrimRight(s.baseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
