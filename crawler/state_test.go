package crawler

import (
	"os"
	"path/filepath"
	"testing"
)

func readState(t testing.TB, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, stateFile))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestStateDropsTornLastLine(t *testing.T) {
	dir := t.TempDir()
	s, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.append(record{Kind: "seen", URL: "http://a.vn/1"}, false)
	s.append(record{Kind: "done", URL: "http://a.vn/2", Article: true, ID: "x", Hash: "h"}, true)
	s.close()
	f, _ := os.OpenFile(filepath.Join(dir, stateFile), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"k":"done","u":"http://a.vn/1","a":tr`)
	f.Close()

	s2, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if p := s2.pending(); len(p) != 1 || p[0] != "http://a.vn/1" {
		t.Fatalf("pending = %v, want the seen URL", p)
	}
	if s2.ids["x"].hash != "h" {
		t.Fatalf("ids = %v", s2.ids)
	}
	s2.append(record{Kind: "done", URL: "http://a.vn/1"}, true)
	s2.close()
	s3, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s3.close()
	if p := s3.pending(); len(p) != 0 {
		t.Fatalf("pending after done = %v (torn line not repaired?)", p)
	}
}

func TestStateCompactsLongLog(t *testing.T) {
	dir := t.TempDir()
	s, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3000 {
		s.append(record{Kind: "seen", URL: "http://a.vn/x"}, false)
		if i%1000 == 0 {
			s.append(record{Kind: "done", URL: "http://a.vn/x", Article: true, ID: "id", Hash: "h"}, false)
		}
	}
	s.close()
	before := len(readState(t, dir))
	s2, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.close()
	after := len(readState(t, dir))
	if after >= before/100 {
		t.Fatalf("state not compacted: %d bytes → %d", before, after)
	}
	if r, ok := s2.get("http://a.vn/x"); !ok || r.Kind != "done" || s2.ids["id"].hash != "h" {
		t.Fatalf("compaction lost the record: %+v", r)
	}
}
