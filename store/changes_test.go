package store

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestChangedListsEachArticleOnceAtItsLatestChange(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, b := sample(1, "một"), sample(2, "hai")
	for _, x := range []struct {
		n     int
		title string
	}{{1, "một"}, {2, "hai"}, {1, "một, sửa"}} {
		if _, err := s.Put(ctx, sample(x.n, x.title)); err != nil {
			t.Fatal(err)
		}
	}
	ids, head, err := s.Changed(ctx, "")
	if err != nil || head != "3" || !slices.Equal(ids, []string{b.ID, a.ID}) {
		t.Fatalf("Changed(\"\") = %v, %s, %v", ids, head, err)
	}
	ids, head, err = s.Changed(ctx, "2")
	if err != nil || head != "3" || !slices.Equal(ids, []string{a.ID}) {
		t.Fatalf("Changed(2) = %v, %s, %v", ids, head, err)
	}
	ids, head, err = s.Changed(ctx, "3")
	if err != nil || head != "3" || len(ids) != 0 {
		t.Fatalf("Changed(head) = %v, %s, %v", ids, head, err)
	}
	if _, _, err := s.Changed(ctx, "x"); err == nil {
		t.Fatal("Changed(x) accepted a bad cursor")
	}
}

func TestOpenReadOnlyReadsWhileAnotherWrites(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	a := sample(1, "một")
	if _, err := w.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	arts, next, err := r.Since(ctx, "", 10)
	if err != nil || len(arts) != 1 || next != "1" {
		t.Fatalf("Since = %d articles, %s, %v", len(arts), next, err)
	}
	if _, err := r.Put(ctx, sample(2, "hai")); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("Put on a read-only store = %v", err)
	}
	if _, err := OpenReadOnly(t.TempDir()); err == nil {
		t.Fatal("OpenReadOnly of an empty folder succeeded")
	}
}
