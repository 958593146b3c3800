package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"dxnews/article"
	"dxnews/internal/metricstest"
)

func TestAudioRange(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.h)
	t.Cleanup(srv.Close)
	mp3 := fakeMP3()
	url := srv.URL + article.AudioURL(f.arts[0].ID, "south-female")

	for _, tc := range []struct {
		rng          string
		status       int
		contentRange string
		want         []byte
	}{
		{"", http.StatusOK, "", mp3},
		{"bytes=100-199", http.StatusPartialContent, "bytes 100-199/1000", mp3[100:200]},
		{"bytes=990-", http.StatusPartialContent, "bytes 990-999/1000", mp3[990:]},
		{"bytes=-10", http.StatusPartialContent, "bytes 990-999/1000", mp3[990:]},
	} {
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		if tc.rng != "" {
			req.Header.Set("Range", tc.rng)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("Range %q: status %d, want %d", tc.rng, resp.StatusCode, tc.status)
		}
		if got := resp.Header.Get("Content-Range"); got != tc.contentRange {
			t.Errorf("Range %q: Content-Range %q, want %q", tc.rng, got, tc.contentRange)
		}
		if got := resp.Header.Get("Content-Type"); got != "audio/mpeg" {
			t.Errorf("Range %q: Content-Type %q", tc.rng, got)
		}
		if got := resp.Header.Get("Accept-Ranges"); got != "bytes" {
			t.Errorf("Range %q: Accept-Ranges %q", tc.rng, got)
		}
		if !bytes.Equal(body.Bytes(), tc.want) {
			t.Errorf("Range %q: body of %d bytes differs", tc.rng, body.Len())
		}
		if got := resp.Header.Get("Content-Length"); got != strconv.Itoa(len(tc.want)) {
			t.Errorf("Range %q: Content-Length %s", tc.rng, got)
		}
	}
}

func TestAudioUnsatisfiableRangeIsJSON(t *testing.T) {
	f := newFixture(t)
	rec := f.get(article.AudioURL(f.arts[0].ID, "north-male"), "Range", "bytes=5000-6000")
	if rec.Code != http.StatusRequestedRangeNotSatisfiable {
		t.Fatalf("status %d", rec.Code)
	}
	if e := decode[errorBody](t, rec.Body.Bytes()); e.Error == "" {
		t.Fatalf("empty error: %s", rec.Body)
	}
}

func TestAudioTimings(t *testing.T) {
	f := newFixture(t)
	rec := f.get("/api/audio/" + f.arts[1].ID + "/south-male.json")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("Content-Type %q", ct)
	}
	var timings []struct {
		StartMS int64  `json:"start_ms"`
		EndMS   int64  `json:"end_ms"`
		Text    string `json:"text"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &timings); err != nil {
		t.Fatal(err)
	}
	if len(timings) != 2 || timings[1].StartMS != 2400 || timings[0].Text == "" {
		t.Fatalf("timings = %+v", timings)
	}
}

func TestAudioVoiceWithoutReading(t *testing.T) {
	f := newFixture(t)
	rec := f.get(article.AudioURL(f.arts[1].ID, "north-female"))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("status %d", rec.Code)
	}
	if e := decode[errorBody](t, rec.Body.Bytes()); e.Error != "no north-female audio for article "+f.arts[1].ID {
		t.Fatalf("error %q", e.Error)
	}
}

// countingStore counts the audio paths asked of it.
type countingStore struct {
	*memStore
	paths atomic.Int64
}

func (c *countingStore) AudioPath(id, voice string) string {
	c.paths.Add(1)
	return c.memStore.AudioPath(id, voice)
}

// Pages, feeds, the API and the export show the readings the stored
// records list and never look at the disk: with every audio file gone and
// the store counting the paths asked of it, each still lists the reading at
// the URL built in one place, and no path was asked for. Only the audio
// endpoint itself opens a file.
func TestRendersReadRecordsNotFiles(t *testing.T) {
	f := newFixture(t)
	cs := &countingStore{memStore: f.store}
	h, err := New(Config{Index: f.index, Store: cs, BaseURL: "https://dx.example"})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(f.store.dir, "audio")); err != nil {
		t.Fatal(err)
	}
	get := func(target string) string {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %.300s", target, rec.Code, rec.Body)
		}
		return rec.Body.String()
	}
	id := f.arts[0].ID
	mp3 := article.AudioURL(id, "north-female")
	for _, tc := range []struct{ target, want string }{
		{"/api/articles/" + id, `"url":"` + mp3 + `"`},
		{"/api/articles?q=da+nang", `"url":"` + mp3 + `"`},
		{"/api/export", `"url":"` + mp3 + `"`},
		{"/articles/" + id, `data-mp3="` + mp3 + `" data-timings="` + strings.TrimSuffix(mp3, ".mp3") + `.json"`},
		{"/", "Nghe được · 4 giọng đọc"},
		{"/search?q=da+nang", "Nghe được · 4 giọng đọc"},
		{"/entities/person/L%C3%AA%20Trung%20Chinh", "Nghe được · 4 giọng đọc"},
		{"/feeds/north-female.xml", `url="https://dx.example` + mp3 + `"`},
	} {
		if body := get(tc.target); !strings.Contains(body, tc.want) {
			t.Errorf("GET %s lacks %s:\n%.600s", tc.target, tc.want, body)
		}
	}
	if n := cs.paths.Load(); n != 0 {
		t.Fatalf("rendering asked the store for %d audio paths, want none", n)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, mp3, nil))
	if rec.Code != http.StatusNotFound || cs.paths.Load() != 1 {
		t.Errorf("the audio endpoint, file gone: %d after %d paths, want 404 after 1", rec.Code, cs.paths.Load())
	}
}

// Audio requests served ahead of the mux are answered as the mux route
// answers them, and counted under the same route; paths the mux would
// clean, unescape or refuse still reach it.
func TestAudioFirstAnswersAsTheMux(t *testing.T) {
	f := newFixture(t)
	s, err := newServer(Config{Index: f.index, Store: f.store})
	if err != nil {
		t.Fatal(err)
	}
	fast, slow := s.routes(), s.instrument(s.mux())
	id := f.arts[0].ID
	for _, tc := range []struct{ method, target, rng string }{
		{"GET", "/api/audio/" + id + "/north-female.mp3", ""},
		{"GET", "/api/audio/" + id + "/north-female.mp3", "bytes=100-199"},
		{"GET", "/api/audio/" + id + "/north-female.mp3", "bytes=5000-6000"},
		{"HEAD", "/api/audio/" + id + "/north-female.mp3", "bytes=0-9"},
		{"GET", "/api/audio/" + id + "/south-male.json", ""},
		{"GET", "/api/audio/" + id + "/bogus-voice.mp3", ""},
		{"GET", "/api/audio/" + id + "/north-female.wav", ""},
		{"GET", "/api/audio/" + id + "/.mp3", ""},
		{"GET", "/api/audio/" + f.arts[1].ID + "/north-female.mp3", ""},
		{"GET", "/api/audio/ABC/north-female.mp3", ""},
		{"GET", "/api/audio/" + id + "/north-female.mp3/", ""},
		{"GET", "/api/audio/" + id + "//north-female.mp3", ""},
		{"GET", "/api/audio/" + id + "/../" + id + "/north-female.mp3", ""},
		{"GET", "/api/audio/" + id + "/north%2Dfemale.mp3", ""},
		{"GET", "/api/audio/" + id, ""},
		{"POST", "/api/audio/" + id + "/north-female.mp3", ""},
	} {
		var recs [2]*httptest.ResponseRecorder
		for i, h := range []http.Handler{fast, slow} {
			req := httptest.NewRequest(tc.method, tc.target, nil)
			if tc.rng != "" {
				req.Header.Set("Range", tc.rng)
			}
			recs[i] = httptest.NewRecorder()
			h.ServeHTTP(recs[i], req)
		}
		got, want := recs[0], recs[1]
		if got.Code != want.Code || got.Body.String() != want.Body.String() || !equalHeaders(got.Header(), want.Header()) {
			t.Errorf("%s %s (Range %q): ahead of the mux %d %v %q, through it %d %v %q", tc.method, tc.target, tc.rng,
				got.Code, got.Header(), got.Body, want.Code, want.Header(), want.Body)
		}
	}
	// Counted under the route, as through the mux; the fixture's handler
	// has a registry of its own.
	f.get("/api/audio/"+id+"/north-female.mp3", "Range", "bytes=0-9")
	f.get("/api/audio/" + id + "/bogus-voice.mp3")
	fams := metricstest.Scrape(t, f.get("/metrics").Body.String())
	for code, want := range map[string]float64{"206": 1, "400": 1} {
		m, ok := metricstest.Sample(fams, "dxnews_http_requests_total", map[string]string{"route": "/api/audio/{id}/{file}", "method": "GET", "code": code})
		if !ok || m.GetCounter().GetValue() != want {
			t.Errorf("audio requests with status %s counted %v times, want %v", code, m.GetCounter().GetValue(), want)
		}
	}
}

// equalHeaders compares two headers but for Date.
func equalHeaders(a, b http.Header) bool {
	a, b = a.Clone(), b.Clone()
	a.Del("Date")
	b.Del("Date")
	return reflect.DeepEqual(a, b)
}
