package ttstest

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestOnceAlwaysAndWriteMP3(t *testing.T) {
	var faults int
	fault := func(w http.ResponseWriter) { faults++; w.WriteHeader(http.StatusTeapot) }
	once, always := Once(fault), Always(fault)
	for n, want := range []bool{true, false, false} {
		if got := once(httptest.NewRecorder(), n+1); got != want {
			t.Errorf("Once, request %d: %v, want %v", n+1, got, want)
		}
		if !always(httptest.NewRecorder(), n+1) {
			t.Errorf("Always, request %d let the service answer", n+1)
		}
	}
	if faults != 4 {
		t.Errorf("%d faults written, want 4", faults)
	}
	w := httptest.NewRecorder()
	WriteMP3(w, []byte("ID3x"))
	if w.Header().Get("Content-Type") != "audio/mpeg" || w.Body.String() != "ID3x" {
		t.Errorf("WriteMP3: %q %q", w.Header().Get("Content-Type"), w.Body.String())
	}
}
