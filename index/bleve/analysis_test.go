package bleve

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

func analyze(t *testing.T, analyzer, text string) analysis.TokenStream {
	t.Helper()
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed(analyzer)
	if a == nil {
		t.Fatalf("analyzer %s not registered", analyzer)
	}
	return a.Analyze([]byte(text))
}

func TestAnalyzers(t *testing.T) {
	for _, tc := range []struct {
		analyzer, text string
		want           []string
	}{
		{FoldAnalyzer, "Phan Văn Mãi chuyển đổi số", []string{"phan", "van", "mai", "chuyen", "doi", "so"}},
		{FoldAnalyzer, norm.NFD.String("ĐÔ THỊ thông minh"), []string{"do", "thi", "thong", "minh"}},
		{FoldAnalyzer, "UBND TP.HCM", []string{"ubnd", "tp.hcm"}},
		{ExactAnalyzer, "Chuyển Đổi số", []string{"chuyển", "đổi", "số"}},
		{DualAnalyzer, "Bàn về dữ liệu", []string{"bàn", "ban", "về", "ve", "dữ", "du", "liệu", "lieu"}},
		{DualAnalyzer, "ban mai", []string{"ban", "mai"}},
	} {
		var got []string
		for _, tok := range analyze(t, tc.analyzer, tc.text) {
			got = append(got, string(tok.Term))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s(%q) = %q, want %q", tc.analyzer, tc.text, got, tc.want)
		}
	}
}

func TestDualKeepsPositions(t *testing.T) {
	toks := analyze(t, DualAnalyzer, "Hội nghị bàn")
	want := []int{1, 1, 2, 2, 3, 3}
	var got []int
	for _, tok := range toks {
		got = append(got, tok.Position)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("positions = %v, want %v", got, want)
	}
	if toks[4].Start != toks[5].Start || toks[4].End != toks[5].End {
		t.Fatalf("folded token offsets differ from the original: %v %v", toks[4], toks[5])
	}
}
