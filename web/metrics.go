package web

import (
	"cmp"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// durationBuckets are the upper bounds, in seconds, of the request duration
// histogram.
var durationBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type requestKey struct {
	route, method string
	code          int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; last is +Inf
	sum    float64
	n      uint64
}

// metrics counts requests by route, method and status, and their durations
// by route. Routes are the mux patterns, so label values stay bounded.
type metrics struct {
	mu        sync.Mutex
	requests  map[requestKey]uint64
	durations map[string]*histogram
}

func newMetrics() *metrics {
	return &metrics{requests: map[requestKey]uint64{}, durations: map[string]*histogram{}}
}

func (m *metrics) observe(route, method string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestKey{route, method, code}]++
	h := m.durations[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(durationBuckets)+1)}
		m.durations[route] = h
	}
	sec := d.Seconds()
	i, _ := slices.BinarySearch(durationBuckets, sec)
	h.counts[i]++
	h.sum += sec
	h.n++
}

// write renders the metrics in the Prometheus text exposition format.
func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b requestKey) int {
		return cmp.Or(cmp.Compare(a.route, b.route), cmp.Compare(a.method, b.method), cmp.Compare(a.code, b.code))
	})
	fmt.Fprintln(w, "# HELP dxnews_http_requests_total HTTP requests served, by route, method and status code.")
	fmt.Fprintln(w, "# TYPE dxnews_http_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "dxnews_http_requests_total{route=%s,method=%s,code=\"%d\"} %d\n",
			labelValue(k.route), labelValue(k.method), k.code, m.requests[k])
	}
	routes := make([]string, 0, len(m.durations))
	for r := range m.durations {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	fmt.Fprintln(w, "# HELP dxnews_http_request_duration_seconds Time to serve HTTP requests, by route.")
	fmt.Fprintln(w, "# TYPE dxnews_http_request_duration_seconds histogram")
	for _, r := range routes {
		h := m.durations[r]
		var cum uint64
		for i, c := range h.counts {
			cum += c
			le := "+Inf"
			if i < len(durationBuckets) {
				le = strconv.FormatFloat(durationBuckets[i], 'g', -1, 64)
			}
			fmt.Fprintf(w, "dxnews_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", labelValue(r), le, cum)
		}
		fmt.Fprintf(w, "dxnews_http_request_duration_seconds_sum{route=%s} %s\n", labelValue(r), strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(w, "dxnews_http_request_duration_seconds_count{route=%s} %d\n", labelValue(r), h.n)
	}
}

// labelValue quotes a label value as the exposition format requires.
func labelValue(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func (s *server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w)
	fmt.Fprintln(w, "# HELP dxnews_articles Articles in the search index.")
	fmt.Fprintln(w, "# TYPE dxnews_articles gauge")
	n, err := s.index.Count(r.Context())
	if err != nil {
		s.logFailure(r, http.StatusInternalServerError, "cannot count articles", err)
		return
	}
	fmt.Fprintf(w, "dxnews_articles %d\n", n)
}

// knownMethods bounds the method label.
var knownMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// statusRecorder remembers the status a handler wrote.
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

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// readFrom copies r to w, through w's own ReadFrom when it has one.
func readFrom(w http.ResponseWriter, r io.Reader) (int64, error) {
	if rf, ok := w.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{w}, r)
}

// instrument records metrics for every request, recovers from panics with a
// 500, and makes standard-library error responses under /api/ JSON.
func (s *server) instrument(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		var out http.ResponseWriter = rec
		if strings.HasPrefix(r.URL.Path, "/api/") {
			out = &jsonErrors{ResponseWriter: rec}
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
		mux.ServeHTTP(out, r)
	})
}
