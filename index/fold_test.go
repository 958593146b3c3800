package index

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Phan Văn Mãi", "phan van mai"},
		{"chuyển đổi số", "chuyen doi so"},
		{"ĐÀ NẴNG", "da nang"},
		{"Quyết định 749/QĐ-TTg", "quyet dinh 749/qd-ttg"},
		{norm.NFD.String("Nghị quyết ưu tiên"), "nghi quyet uu tien"},
		{"tp.hcm", "tp.hcm"},
		{"Ứng dụng AI", "ung dung ai"},
		{"", ""},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldKeyCollapsesSpace(t *testing.T) {
	if got := FoldKey("  Phan\tVăn  Mãi "); got != "phan van mai" {
		t.Fatalf("FoldKey = %q", got)
	}
}

func BenchmarkFold(b *testing.B) {
	s := "Thành phố đẩy mạnh chuyển đổi số trong cơ quan nhà nước"
	for b.Loop() {
		Fold(s)
	}
}
