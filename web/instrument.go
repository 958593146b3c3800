package web

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// knownMethods bounds the method label.
var knownMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// statusRecorder remembers the status a handler wrote. It passes io.Copy
// (io.ReaderFrom, so files keep sendfile) and flushes through.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// ReadFrom lets io.Copy, and so http.ServeContent, hand files to the
// underlying writer, which sends them with sendfile.
func (w *statusRecorder) ReadFrom(r io.Reader) (int64, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return readFrom(w.ResponseWriter, r)
}

func (w *statusRecorder) Flush() {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// readFrom copies r to w, through w's own ReadFrom when it has one.
func readFrom(w http.ResponseWriter, r io.Reader) (int64, error) {
	if rf, ok := w.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{w}, r)
}

// wrappers are the writers instrument hands a handler, allocated together:
// the status recorder and, under /api/, the JSON errors around it.
type wrappers struct {
	rec  statusRecorder
	errs jsonErrors
}

// instrument records metrics for every request, recovers from panics with a
// 500, and makes standard-library error responses under /api/ JSON.
func (s *server) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := &wrappers{rec: statusRecorder{ResponseWriter: w}}
		rec := &ww.rec
		var out http.ResponseWriter = rec
		if strings.HasPrefix(r.URL.Path, "/api/") {
			ww.errs.ResponseWriter = rec
			out = &ww.errs
		}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				if rec.status == 0 {
					s.fail(out, r, http.StatusInternalServerError, "internal error", fmt.Errorf("web: panic: %v", v))
				} else {
					s.logFailure(r, http.StatusInternalServerError, "internal error", fmt.Errorf("web: panic: %v", v))
				}
			}
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			route := "unmatched"
			if _, path, ok := strings.Cut(r.Pattern, " "); ok {
				route = path
			} else if r.Pattern != "" {
				route = r.Pattern
			}
			method := r.Method
			if !slices.Contains(knownMethods, method) {
				method = "other"
			}
			s.metrics.observe(route, method, status, time.Since(start))
		}()
		next.ServeHTTP(out, r)
	})
}
