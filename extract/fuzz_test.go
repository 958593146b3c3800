package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func FuzzEntities(f *testing.F) {
	for _, s := range []string{
		"Chủ tịch UBND TP.HCM Phan Văn Mãi ký Quyết định số 944/QĐ-UBND ngày 24/9/2021.",
		"Mục tiêu đến năm 2025: ít nhất 80% hồ sơ; kinh tế số chiếm 20% GRDP.",
		"Ban chỉ đạo có Trưởng ban là ông X, Phó Trưởng ban là bà Y.\n\nẢnh: Z",
		"Ông Nguyễn Văn An, Phó Trưởng ban\n\nBan Chỉ đạo chuyển đổi số tỉnh Lạng Sơn phát biểu.",
		"Các chỉ tiêu chủ yếu giai đoạn 2026–2028 như sau:\n- Về hạ tầng số: 98% thôn có sóng 4G;\n1. Năm 2027: 45–50%",
		"942/ QĐ-TTg 57-NQ/TW 0,75 30-60% TT&TT ...",
		string([]byte{0xff, 0xfe, 0xfd}), "ông", "-", "Ảnh:",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, authors := EntitiesWithAuthors(s)
		text := norm.NFC.String(s)
		if authors == nil {
			t.Fatal("nil authors")
		}
		checkMentions(t, text, e)
		for _, p := range e.People {
			for _, r := range p.Roles {
				if strings.ContainsAny(r, "\n\r") {
					t.Fatalf("role %q of %q holds a line break", r, p.Name)
				}
			}
			if !utf8.ValidString(p.Name) && utf8.ValidString(text) {
				t.Fatalf("invalid name %q", p.Name)
			}
		}
	})
}
