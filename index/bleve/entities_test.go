package bleve

import (
	"context"
	"reflect"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/indextest"
)

// A table kept up to date through replacements, which free slots and
// reuse them, answers exactly as one built from the final articles alone.
func TestTableFollowsReplacements(t *testing.T) {
	docs := indextest.Archives(900, 5)
	ctx := context.Background()
	live := openWarmed(t, docs[:600])
	// Replace a third of the articles with the entities and dates of
	// others, then add the rest.
	final := append([]article.Article(nil), docs[:600]...)
	var changed []article.Article
	for i := 0; i < 600; i += 3 {
		a := final[i]
		a.Entities = docs[600+i/3].Entities
		a.Published = docs[600+i/3].Published.Add(time.Minute)
		final[i] = a
		changed = append(changed, a)
	}
	if err := live.Index(ctx, changed...); err != nil {
		t.Fatal(err)
	}
	final = append(final, docs[600:]...)
	if err := live.Index(ctx, docs[600:]...); err != nil {
		t.Fatal(err)
	}
	fresh := openFilled(t, final)
	for _, typ := range index.EntityTypes {
		q := index.EntityQuery{Type: typ, Size: index.MaxSize}
		got, err := live.Entities(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want, err := fresh.Entities(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			t.Fatalf("%s: no entities", typ)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the table kept up to date differs from a rebuilt one (%d against %d entities)", typ, len(got), len(want))
		}
	}
	if got, want := live.ents.size(), len(final); got != want {
		t.Errorf("table holds %d articles, want %d", got, want)
	}
	if got := len(live.ents.slots); got > len(final) {
		t.Errorf("%d slots for %d articles: freed slots are not reused", got, len(final))
	}
}
