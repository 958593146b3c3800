package normalize

import (
	"reflect"
	"testing"

	"dxnews/article"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"basic", "Tỉnh họp. Sở báo cáo! Vì sao? Xong…", []string{"Tỉnh họp.", "Sở báo cáo!", "Vì sao?", "Xong…"}},
		{"abbreviations", "UBND TP.HCM và Th.S Lê An họp. Kết thúc.", []string{"UBND TP.HCM và Th.S Lê An họp.", "Kết thúc."}},
		{"dotted abbreviation before a name", "Ông TS. Lê An và UBND TP. Hồ Chí Minh họp.", []string{"Ông TS. Lê An và UBND TP. Hồ Chí Minh họp."}},
		{"numbers and dates", "Tăng 2,5 lần, đạt 1.200 hồ sơ ngày 24/9/2021 và 18.1.2022. Tiếp theo.", []string{"Tăng 2,5 lần, đạt 1.200 hồ sơ ngày 24/9/2021 và 18.1.2022.", "Tiếp theo."}},
		{"heading without punctuation", "Chuyển đổi số tại Kon Tum\nNgày 18/7, tỉnh họp.", []string{"Chuyển đổi số tại Kon Tum", "Ngày 18/7, tỉnh họp."}},
		{"paragraphs", "Đoạn một\n\nđoạn hai viết thường.", []string{"Đoạn một", "đoạn hai viết thường."}},
		{"wrapped line", "Tỉnh đẩy mạnh\nchuyển đổi số.", []string{"Tỉnh đẩy mạnh chuyển đổi số."}},
		{"closing quote stays", "Ông nói: “Phải làm ngay.” Sau đó họp.", []string{"Ông nói: “Phải làm ngay.”", "Sau đó họp."}},
		{"lower case after ellipsis", "Các sở, ban, ngành... cùng tham gia.", []string{"Các sở, ban, ngành... cùng tham gia."}},
		{"digit starts a sentence", "Năm 2020 khó khăn. 2021 khởi sắc.", []string{"Năm 2020 khó khăn.", "2021 khởi sắc."}},
		{"etc ends a sentence", "Các sở, ngành v.v. Sau đó họp.", []string{"Các sở, ngành v.v.", "Sau đó họp."}},
		{"etc inside a sentence", "Các sở, ngành v.v. đều dự.", []string{"Các sở, ngành v.v. đều dự."}},
		{"spaces collapsed", "Một\u00a0 câu\tdài. Hai  câu.", []string{"Một câu dài.", "Hai câu."}},
		{"empty", "  \n\n ", nil},
		{"no final punctuation", "Một câu", []string{"Một câu"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSentencesOnNormalisedText checks that normalising keeps the sentence
// boundaries of the raw text.
func TestSentencesOnNormalisedText(t *testing.T) {
	raw := "UBND TP.HCM họp ngày 24/9/2021. HĐND tỉnh thông qua 2,5%. 100% xã đạt chuẩn! ThS. Lê An phát biểu."
	want := len(Sentences(raw))
	if want != 4 {
		t.Fatalf("raw text: %d sentences, want 4: %q", want, Sentences(raw))
	}
	for _, r := range []article.Region{article.North, article.South} {
		got := Sentences(Text(raw, r))
		if len(got) != want {
			t.Errorf("%s: %d sentences %q, want %d", r, len(got), got, want)
		}
	}
}
