package index

import (
	"strings"
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
		{"Ελλάδα ΑΒΓ", "ελλαδα αβγ"},
		{"Ỳ Ỵ Ỷ Ỹ Ý ý ỳ", "y y y y y y y"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := string(AppendFold([]byte("x"), []byte(tc.in))); got != "x"+tc.want {
			t.Errorf("AppendFold(%q) = %q, want %q", tc.in, got, "x"+tc.want)
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

func BenchmarkAppendFold(b *testing.B) {
	s := []byte("Thành phố đẩy mạnh chuyển đổi số trong cơ quan nhà nước")
	buf := make([]byte, 0, 128)
	for b.Loop() {
		buf = AppendFold(buf[:0], s)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Phan Văn Mãi", "ĐỔI MỚI", norm.NFD.String("Nghị quyết"), "tp.hcm", "\xff\xfe", "ǅ İ ẞ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if got := string(AppendFold(nil, []byte(s))); got != folded {
			t.Fatalf("AppendFold(%q) = %q, Fold = %q", s, got, folded)
		}
		if again := Fold(folded); again != folded {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", s, again, folded)
		}
		if strings.ContainsAny(folded, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			t.Fatalf("Fold(%q) = %q keeps upper-case letters", s, folded)
		}
	})
}
