package normalize

import (
	"testing"

	"dxnews/article"
)

func TestCompound(t *testing.T) {
	n := normalizer{lx: lexiconFor(article.North)}
	tests := []struct {
		in       string
		inSymbol bool
		want     string
	}{
		{"QĐ-TTg", true, "quyết định thủ tướng"},
		{"NĐ-CP", true, "nghị định chính phủ"},
		{"NQ/TW", true, "nghị quyết trung ương"},
		{"UBND-KGVX", true, "ủy ban nhân dân ca gờ vê ích"},
		{"COVID-19", false, "cô vít mười chín"},
		{"H5N1", false, "hát năm en một"},
		{"F0", false, "ép không"},
		{"A&B", false, "A và bê"},
		{"người/km2", false, "người mỗi ki lô mét vuông"},
		{"sở/ngành", false, "sở ngành"},
		{"mic.gov.vn", false, "mic chấm gờ o vê chấm vê en"},
		{"Q.1", false, "quận một"},
		{"P.12", false, "phường mười hai"},
	}
	for _, tt := range tests {
		if got := n.compound(tt.in, tt.inSymbol); got != tt.want {
			t.Errorf("compound(%q, %v) = %q, want %q", tt.in, tt.inSymbol, got, tt.want)
		}
	}
}
