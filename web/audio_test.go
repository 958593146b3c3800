package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

func TestAudioRange(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.h)
	t.Cleanup(srv.Close)
	mp3 := fakeMP3()
	url := srv.URL + audioURL(f.arts[0].ID, "south-female")

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
	rec := f.get(audioURL(f.arts[0].ID, "north-male"), "Range", "bytes=5000-6000")
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
	rec := f.get(audioURL(f.arts[1].ID, "north-female"))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("status %d", rec.Code)
	}
	if e := decode[errorBody](t, rec.Body.Bytes()); e.Error != "no north-female audio for article "+f.arts[1].ID {
		t.Fatalf("error %q", e.Error)
	}
}
