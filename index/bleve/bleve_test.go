package bleve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dxnews/index"
	"dxnews/index/indextest"
)

func openT(t *testing.T, dir string) *Index {
	t.Helper()
	ix, err := Open(dir, nil)
	if err != nil {
		t.Fatalf("Open(%q): %v", dir, err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

func TestSuiteInMemory(t *testing.T) {
	indextest.Run(t, func(t *testing.T) index.Indexer { return openT(t, "") })
}

func TestSuiteOnDisk(t *testing.T) {
	indextest.Run(t, func(t *testing.T) index.Indexer {
		return openT(t, filepath.Join(t.TempDir(), "index"))
	})
}

func TestReopenKeepsArticles(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data", "index")
	fixtures := indextest.Fixtures()
	ix := openT(t, dir)
	if err := ix.Index(ctx, fixtures...); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix = openT(t, dir)
	if n, err := ix.Count(ctx); err != nil || n != len(fixtures) {
		t.Fatalf("Count after reopening = %d, %v; want %d", n, err, len(fixtures))
	}
	for _, want := range fixtures {
		got, err := ix.Get(ctx, want.ID)
		if err != nil || got.Title != want.Title || !got.Published.Equal(want.Published) {
			t.Fatalf("Get(%s) after reopening = %q %v, %v", want.ID, got.Title, got.Published, err)
		}
	}
	// Indexing the same articles again after a restart counts nothing twice.
	if err := ix.Index(ctx, fixtures...); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, index.Query{Text: "chuyen doi so", Person: "Phan Van Mai"})
	if err != nil || res.Total != 2 {
		t.Fatalf("Search after reopening = %d, %v; want 2", res.Total, err)
	}
	es, err := ix.Entities(ctx, index.EntityQuery{Type: index.TypePerson, Q: "phan van mai"})
	if err != nil || len(es) != 1 || es[0].Count != 2 || len(es[0].Articles) != 2 {
		t.Fatalf("Entities after reopening = %+v, %v; want one person in 2 articles", es, err)
	}
}

func TestOpenErrors(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	full := filepath.Join(base, "full")
	if err := os.MkdirAll(filepath.Join(full, "other"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{
		filepath.Join(file, "index"), // parent is a file: cannot be created
		full,                         // a directory holding something else
	} {
		ix, err := Open(dir, nil)
		if err == nil {
			_ = ix.Close()
			t.Errorf("Open(%s) succeeded", dir)
			continue
		}
		if !strings.Contains(err.Error(), dir) || !strings.HasPrefix(err.Error(), "bleve: ") {
			t.Errorf("Open(%s) error %q does not name the path", dir, err)
		}
	}
}

func TestOpenRefusesOtherSchema(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix := openT(t, dir)
	if err := ix.idx.SetInternal(schemaKey, []byte("dxnews-0")); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir, nil)
	if err == nil || !strings.Contains(err.Error(), "reindex") {
		t.Fatalf("Open(old schema) error = %v, want advice to reindex", err)
	}
}

func TestUnwritableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions are not enforced for root")
	}
	base := t.TempDir()
	if err := os.Chmod(base, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(base, 0o700) })
	dir := filepath.Join(base, "index")
	if _, err := Open(dir, nil); err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("Open(unwritable) error = %v, want one naming %s", err, dir)
	}
}

func TestDocumentFields(t *testing.T) {
	for _, a := range indextest.Fixtures() {
		d, err := document(a)
		if err != nil {
			t.Fatal(err)
		}
		if d[fieldJSON] == "" || d[fieldSummary] == "" || !strings.Contains(d[fieldText].(string), a.Body) {
			t.Fatalf("%s: document lacks text, summary or json", a.ID)
		}
		if sum := d[fieldSummary].(string); a.Body != "" && strings.Contains(sum, a.Body) {
			t.Errorf("%s: summary holds the body", a.ID)
		}
		_, dated := d[fieldPublished]
		if dated == a.Published.IsZero() {
			t.Errorf("%s: published field present = %v for time %v", a.ID, dated, a.Published)
		}
		if len(a.Entities.Decisions) > 0 {
			keys, _ := d[keyField(index.TypeDecision)].([]string)
			if !slices.Contains(keys, index.FoldKey(a.Entities.Decisions[0].Number)) {
				t.Errorf("%s: decision keys %v lack the number", a.ID, keys)
			}
		}
	}
}

func TestDatesBeyondBleveRange(t *testing.T) {
	ctx := context.Background()
	ix := openT(t, "")
	if err := ix.Index(ctx, indextest.Fixtures()...); err != nil {
		t.Fatal(err)
	}
	old := time.Date(1200, 1, 1, 0, 0, 0, 0, time.UTC)
	far := time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		q    index.Query
		want int
	}{
		{index.Query{From: old}, len(indextest.Fixtures()) - 1}, // all dated articles
		{index.Query{From: old, To: far}, len(indextest.Fixtures()) - 1},
		{index.Query{To: old}, 0},
		{index.Query{From: far}, 0},
	} {
		res, err := ix.Search(ctx, tc.q)
		if err != nil || res.Total != tc.want {
			t.Errorf("Search(%v..%v) = %d, %v; want %d", tc.q.From, tc.q.To, res.Total, err, tc.want)
		}
	}
}

func TestSecondOpenFailsWhileLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	openT(t, dir)
	ix, err := Open(dir, nil)
	if err == nil {
		_ = ix.Close()
		t.Fatal("second Open of a locked index succeeded")
	}
	if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "another dxnews process") {
		t.Fatalf("second Open error = %v, want one naming the path and the likely cause", err)
	}
}
