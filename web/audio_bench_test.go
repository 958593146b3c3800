package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"dxnews/store"
)

// sendfileWriter stands for the server's connection: a new header per
// request, as net/http gives, and a ReadFrom that, like sendfile, leaves the
// bytes of a file to the kernel, so what a benchmark measures is the work
// around the copy, not the copy.
type sendfileWriter struct {
	header http.Header
	code   int
	sent   int64
}

func (w *sendfileWriter) Header() http.Header { return w.header }

func (w *sendfileWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *sendfileWriter) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.sent += int64(len(b))
	return len(b), nil
}

func (w *sendfileWriter) ReadFrom(r io.Reader) (int64, error) {
	w.WriteHeader(http.StatusOK)
	if lr, ok := r.(*io.LimitedReader); ok {
		if _, ok := lr.R.(*os.File); ok {
			n := lr.N
			lr.N = 0
			w.sent += n
			return n, nil
		}
	}
	n, err := io.Copy(io.Discard, r)
	w.sent += n
	return n, err
}

// BenchmarkAudioRange serves a 64 KiB range of a 2 MiB MP3 from a real
// article store through the server's handler and, as the baseline, through
// net/http's file server over the same file: the difference is what routing,
// checks and metrics cost per request.
func BenchmarkAudioRange(b *testing.B) {
	st, err := store.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	id, voice := "0123456789abcdef", "north-female"
	if err := st.WriteAudio(id, voice, make([]byte, 2<<20), []int{}); err != nil {
		b.Fatal(err)
	}
	h, err := New(Config{Index: newTestIndex(b), Store: st})
	if err != nil {
		b.Fatal(err)
	}
	p := st.AudioPath(id, voice)
	for _, c := range []struct {
		name string
		h    http.Handler
		u    string
	}{
		{"server", h, "/api/audio/" + id + "/" + voice + ".mp3"},
		{"fileserver", http.FileServer(http.Dir(filepath.Dir(p))), "/" + filepath.Base(p)},
	} {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, c.u, nil)
			req.Header.Set("Range", "bytes=65536-131071")
			b.ReportAllocs()
			for b.Loop() {
				w := &sendfileWriter{header: http.Header{}}
				c.h.ServeHTTP(w, req.Clone(req.Context()))
				if w.code != http.StatusPartialContent || w.sent != 64<<10 {
					b.Fatalf("status %d, %d bytes", w.code, w.sent)
				}
			}
		})
	}
}
