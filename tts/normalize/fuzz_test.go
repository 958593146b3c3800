package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"dxnews/article"
)

// FuzzText checks that whatever Text is given, it answers valid UTF-8
// without a digit left in it, cut into chunks that keep their limit. The
// seeds are the hard inputs met so far; plain go test runs each of them
// (in the northern voice), so they are this property's unit test too.
func FuzzText(f *testing.F) {
	seeds := []string{
		"Ngày 24/9/2021, Thủ tướng ký Quyết định số 749/QĐ-TTg.",
		"UBND TP.HCM đạt 85%; 59/63 tỉnh; 1.200 đơn vị; 2,5 lần.",
		"Quý III/2022, khóa XV, thứ 4, 14h30, 2021-2025, 15km, 100m2.",
		"COVID-19 H5N1 5G 4.0 $20 50k 0912345678 24/7 30-9-2022 18.1.2022",
		"Nghị định 47/2020/NĐ-CP; 57-NQ/TW; 942/ QĐ-TTg; Đề án 06.",
		"- – — … ... “” () 1/ 2- 3. 4, 5: %&+",
		"\x00\xff\n\n\t\u200b\u00ad 1\u0301 ữ",
		"9999999999999999999999999.99999999,999/999-999:99h99",
		"IIII MCMXCIX VNPT AI IoT ĐBQH T.Ư Th.S ThS. TS. TP.",
		"Số 12/3/4/5 và 1.2.3.4.5 và 1,2,3",
		"Mã A1B2-C3 và 3D, 4K, 2x, 10+",
		"Điểm 2:1, tỷ lệ 1:500, phòng 302A",
		"0912.345.678 và 028 3829 1234",
		"Giá 99.999.999.999.999.999.999 đồng",
		"Năm 1945-1975-2025",
		"x2 y3 ~5 ≥10 =7",
		"https://example.vn/tin-tuc/2024/12/bai-viet-123.html",
		"1/ 2/ 3- 4.",
	}
	for _, s := range seeds {
		f.Add(s, uint8(0))
	}
	regions := []article.Region{article.North, article.Central, article.South, ""}
	f.Fuzz(func(t *testing.T, s string, r uint8) {
		region := regions[int(r)%len(regions)]
		got := Text(s, region)
		if !utf8.ValidString(got) {
			t.Fatalf("Text(%q) is not valid UTF-8: %q", s, got)
		}
		if strings.ContainsAny(got, "0123456789") {
			t.Fatalf("Text(%q) = %q keeps digits", s, got)
		}
		for _, c := range Chunk(Sentences(got), 50, utf8.RuneCountInString) {
			if utf8.RuneCountInString(c) > 50 {
				t.Fatalf("chunk over limit: %q", c)
			}
		}
	})
}
