package resolve

import (
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

func TestUniqueByIDKeepsTheLast(t *testing.T) {
	refs := []ArticleRef{{ID: "b", Title: "first b"}, {ID: "a", Title: "a"}, {ID: "b", Title: "second b"}, {ID: "c"}}
	got := uniqueByID(refs)
	want := []ArticleRef{{ID: "a", Title: "a"}, {ID: "b", Title: "second b"}, {ID: "c"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("uniqueByID = %+v; want %+v", got, want)
	}
}
