package bleve

import (
	"context"
	"maps"
	"reflect"
	"slices"
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

// After articles are replaced, deleted and added again, the table's
// counts, roles, newest-first lists, facets and publication times are those
// of the articles it holds, as counted here and as a table holding only
// them answers.
func TestTableCountsAfterReplaceAndDelete(t *testing.T) {
	var docs []article.Article
	for i := range 700 {
		docs = append(docs, indextest.Archive(700, i, 3))
	}
	live := newEntityTable()
	final := map[string]article.Article{}
	put := func(a article.Article) {
		live.replace(a.ID, entitiesOf(a))
		final[a.ID] = a
	}
	del := func(id string) {
		live.remove(id, nil)
		delete(final, id)
	}
	for _, a := range docs[:500] {
		put(a)
	}
	for i := 0; i < 500; i += 4 { // replaced by others' entities and dates
		a := docs[i]
		b := docs[500+i/4]
		a.Entities, a.Source, a.Published = b.Entities, b.Source, b.Published.Add(time.Minute)
		put(a)
	}
	for i := 3; i < 500; i += 6 { // same date, some entities changed or not
		a := docs[i]
		if i%4 == 3 {
			a.Entities.Organizations = docs[i+1].Entities.Organizations
			a.Entities.People = append(a.Entities.People, docs[i+2].Entities.People...)
		}
		put(a)
	}
	for i := 1; i < 500; i += 5 { // deleted, and a third of them back
		del(docs[i].ID)
	}
	del("no-such-article")
	for i := 1; i < 500; i += 15 {
		put(docs[i])
	}
	for i := 2; i < 500; i += 7 { // undated
		a := docs[i]
		a.Published = time.Time{}
		put(a)
	}
	for _, a := range docs[625:] {
		put(a)
	}
	// A table built from the final articles alone, in another order.
	fresh := newEntityTable()
	ids := slices.Sorted(maps.Keys(final))
	for _, id := range slices.Backward(ids) {
		fresh.add(id, entitiesOf(final[id]))
	}
	if got := live.size(); got != len(final) {
		t.Fatalf("table holds %d articles, want %d", got, len(final))
	}
	for _, typ := range index.EntityTypes {
		got := live.lookup(index.EntityQuery{Type: typ, Size: index.MaxSize})
		if len(got) == 0 {
			t.Fatalf("%s: no entities", typ)
		}
		for _, e := range got {
			checkEntity(t, e, final)
		}
		if want := fresh.lookup(index.EntityQuery{Type: typ, Size: index.MaxSize}); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the table kept up to date differs from one built from the final articles", typ)
		}
	}
	all := index.Query{Facets: []string{index.FacetPeople, index.FacetOrganizations, index.FacetDecisions, index.FacetSources}}
	got, want := live.facets(all), fresh.facets(all)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("facets differ:\n%+v\nwant\n%+v", got, want)
	}
	for _, s := range got.Sources {
		n := 0
		for _, a := range final {
			if index.NormSource(a.Source) == s.Name {
				n++
			}
		}
		if s.Count != n {
			t.Errorf("source %s: count %d, want %d", s.Name, s.Count, n)
		}
	}
	for _, n := range []int{1, 2, 50, len(final) - 1, len(final)} {
		if got, want := live.newest(n), fresh.newest(n); !got.Equal(want) {
			t.Errorf("newest(%d) = %v, want %v", n, got, want)
		}
	}
}

// checkEntity checks one entity of a look-up against the articles the
// table holds: its count, roles and articles, newest first.
func checkEntity(t *testing.T, e index.Entity, final map[string]article.Article) {
	t.Helper()
	var ids []string
	roles := map[string]bool{}
	for id, a := range final {
		d := entitiesOf(a)
		if slices.Contains(d.names[slices.Index(index.EntityTypes, e.Type)], e.Name) {
			ids = append(ids, id)
		}
		for _, r := range d.roles {
			if e.Type == index.TypePerson && r[0] == e.Name {
				roles[r[1]] = true
			}
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return index.NewestFirst(final[a], final[b]) })
	if e.Count != len(ids) || !slices.Equal(e.Articles, ids) {
		t.Errorf("%s %q: count %d, articles %v; want %d, %v", e.Type, e.Name, e.Count, e.Articles, len(ids), ids)
	}
	if want := slices.Sorted(maps.Keys(roles)); !slices.Equal(e.Roles, want) && len(want)+len(e.Roles) > 0 {
		t.Errorf("%s %q: roles %v, want %v", e.Type, e.Name, e.Roles, want)
	}
}

// A table read from the index's doc values holds what one built from the
// articles themselves holds: names, roles, sources and dates, including
// articles without a date or with one Bleve cannot index.
func TestScannedTableMatchesArticles(t *testing.T) {
	docs := indextest.Archives(400, 11)
	for i := 0; i < len(docs); i += 9 {
		docs[i].Published = time.Time{}
	}
	docs[1].Published = time.Date(1500, 1, 1, 0, 0, 0, 0, time.UTC)
	docs[2].Entities.People = append(docs[2].Entities.People, article.Person{Name: "  Lê  Văn Tám ", Roles: []string{"Giám đốc\n Sở", "Giám đốc Sở", "a\x00b"}})
	ix := openWarmed(t, docs)
	want := newEntityTable()
	for _, a := range docs {
		want.add(a.ID, entitiesOf(a))
	}
	roles := 0
	for _, typ := range index.EntityTypes {
		q := index.EntityQuery{Type: typ, Size: index.MaxSize}
		got := ix.ents.lookup(q)
		if len(got) == 0 {
			t.Fatalf("%s: no entities scanned", typ)
		}
		for _, e := range got {
			roles += len(e.Roles)
		}
		if w := want.lookup(q); !reflect.DeepEqual(got, w) {
			t.Errorf("%s: the scanned table differs from the articles' (%d against %d entities)", typ, len(got), len(w))
		}
	}
	if roles == 0 {
		t.Error("no roles scanned")
	}
	got := ix.ents.lookup(index.EntityQuery{Type: index.TypePerson, Q: "Lê Văn Tám", Size: index.MaxSize})
	if len(got) != 1 || !slices.Equal(got[0].Roles, []string{"Giám đốc Sở"}) {
		t.Errorf("Lê Văn Tám scanned as %+v, want one person with the role Giám đốc Sở", got)
	}
	all := index.Query{Facets: []string{index.FacetPeople, index.FacetSources}}
	if g, w := ix.ents.facets(all), want.facets(all); !reflect.DeepEqual(g, w) {
		t.Error("facets of the scanned table differ from the articles'")
	}
	for id, s := range want.slot {
		if g, w := ix.ents.published[ix.ents.slot[id]], want.published[s]; g != w {
			t.Errorf("article %s scanned as published at %d, want %d", id, g, w)
		}
	}
}
