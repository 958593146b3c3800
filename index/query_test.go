package index

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestQueryNormalize(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	day := time.Date(2022, 12, 31, 0, 0, 0, 0, ict)
	for _, tc := range []struct {
		name  string
		in    Query
		check func(Query) bool
		param string // non-empty: a ParamError naming it
	}{
		{"defaults", Query{}, func(q Query) bool { return q.Page == 1 && q.Size == DefaultSize }, ""},
		{"size clamped", Query{Size: MaxSize + 50}, func(q Query) bool { return q.Size == MaxSize }, ""},
		{"text NFC and trimmed", Query{Text: " " + norm.NFD.String("chuyển đổi") + " "}, func(q Query) bool { return q.Text == "chuyển đổi" }, ""},
		{"date-only to covers the day", Query{To: day}, func(q Query) bool {
			return q.To.After(day.Add(23*time.Hour+59*time.Minute)) && q.To.Before(day.Add(24*time.Hour))
		}, ""},
		{"to with a time kept", Query{To: day.Add(time.Hour)}, func(q Query) bool { return q.To.Equal(day.Add(time.Hour)) }, ""},
		{"same day range", Query{From: day, To: day}, func(q Query) bool { return q.To.After(q.From) }, ""},
		{"offset", Query{Page: 3, Size: 10}, func(q Query) bool { return q.Offset() == 20 }, ""},
		{"negative page", Query{Page: -1}, nil, "page"},
		{"negative size", Query{Size: -5}, nil, "size"},
		{"page too deep", Query{Page: MaxWindow/10 + 1, Size: 10}, nil, "page"},
		{"to before from", Query{From: day, To: day.Add(-48 * time.Hour)}, nil, "to"},
	} {
		got, err := tc.in.Normalize()
		if tc.param != "" {
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Param != tc.param || !strings.Contains(err.Error(), tc.param) {
				t.Errorf("%s: error = %v, want a ParamError naming %q", tc.name, err, tc.param)
			}
			continue
		}
		if err != nil || !tc.check(got) {
			t.Errorf("%s: Normalize() = %+v, %v", tc.name, got, err)
		}
	}
}

func TestEntityQueryNormalize(t *testing.T) {
	q, err := EntityQuery{Type: " Person ", Q: " phan "}.Normalize()
	if err != nil || q.Type != TypePerson || q.Q != "phan" || q.Size != DefaultSize {
		t.Fatalf("Normalize() = %+v, %v", q, err)
	}
	if q, _ := (EntityQuery{Type: TypeDecision, Size: 1000}).Normalize(); q.Size != MaxSize {
		t.Fatalf("size not clamped: %d", q.Size)
	}
	_, err = EntityQuery{Type: "people"}.Normalize()
	var pe *ParamError
	if !errors.As(err, &pe) || pe.Param != "type" {
		t.Fatalf("unknown type error = %v", err)
	}
	for _, typ := range EntityTypes {
		if !strings.Contains(err.Error(), typ) {
			t.Errorf("unknown type error %q does not list %s", err, typ)
		}
	}
	if _, err := (EntityQuery{Type: TypePerson, Size: -1}).Normalize(); !errors.As(err, &pe) || pe.Param != "size" {
		t.Fatalf("negative size error = %v", err)
	}
}

func TestKeyFilters(t *testing.T) {
	q := Query{Person: " Phan  Văn Mãi", Org: "", Decision: "749/QĐ-TTg", Location: "Đà Nẵng", Source: "vnexpress.net"}
	want := []KeyFilter{{TypePerson, "phan van mai"}, {TypeDecision, "749/qd-ttg"}, {TypeLocation, "da nang"}}
	if got := q.KeyFilters(); !slices.Equal(got, want) {
		t.Errorf("KeyFilters() = %q, want %q", got, want)
	}
	if got := (Query{Text: "chuyển đổi số"}).KeyFilters(); len(got) != 0 {
		t.Errorf("KeyFilters of a text-only query = %q, want none", got)
	}
}
