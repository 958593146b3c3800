package resolve

import (
	"fmt"
	"reflect"
	"testing"
)

func TestSortByDate(t *testing.T) {
	docs := []string{"c", "a", "b", "d"}
	dates := []string{"2024-03-01", "2024-01-05", "2024-03-01", ""}
	sortByDate(docs, dates)
	if want := []string{"d", "a", "c", "b"}; !reflect.DeepEqual(docs, want) {
		t.Errorf("docs = %q; want %q (undated first, same day in the order given)", docs, want)
	}
	if want := []string{"2024-03-01", "2024-01-05", "2024-03-01", ""}; !reflect.DeepEqual(dates, want) {
		t.Errorf("dates = %q; want them as given", dates)
	}
}

// Many articles of the same days keep the order they were given in: the
// order in which the articles named the role.
func TestSortByDateIsStable(t *testing.T) {
	var docs, dates, want []string
	for i := range 60 {
		docs = append(docs, fmt.Sprintf("%02d", i))
		dates = append(dates, []string{"2025-02-01", "2024-06-01", "2025-01-01"}[i%3])
	}
	for _, r := range []int{1, 2, 0} {
		for i := r; i < 60; i += 3 {
			want = append(want, docs[i])
		}
	}
	sortByDate(docs, dates)
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("docs = %q\nwant %q", docs, want)
	}
}

func TestUniqueByIDKeepsTheLast(t *testing.T) {
	refs := []ArticleRef{{ID: "b", Title: "first b"}, {ID: "a", Title: "a"}, {ID: "b", Title: "second b"}, {ID: "c"}}
	got := uniqueByID(refs)
	want := []ArticleRef{{ID: "a", Title: "a"}, {ID: "b", Title: "second b"}, {ID: "c"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("uniqueByID = %+v; want %+v", got, want)
	}
}
