package normalize

import (
	"testing"

	"dxnews/article"
)

func TestCardinal(t *testing.T) {
	tests := []struct {
		n            uint64
		north, south string
	}{
		{0, "không", "không"},
		{5, "năm", "năm"},
		{10, "mười", "mười"},
		{11, "mười một", "mười một"},
		{14, "mười bốn", "mười bốn"},
		{15, "mười lăm", "mười lăm"},
		{20, "hai mươi", "hai mươi"},
		{21, "hai mươi mốt", "hai mươi mốt"},
		{24, "hai mươi tư", "hai mươi bốn"},
		{25, "hai mươi lăm", "hai mươi lăm"},
		{55, "năm mươi lăm", "năm mươi lăm"},
		{100, "một trăm", "một trăm"},
		{101, "một trăm linh một", "một trăm lẻ một"},
		{104, "một trăm linh bốn", "một trăm lẻ bốn"},
		{105, "một trăm linh năm", "một trăm lẻ năm"},
		{110, "một trăm mười", "một trăm mười"},
		{115, "một trăm mười lăm", "một trăm mười lăm"},
		{999, "chín trăm chín mươi chín", "chín trăm chín mươi chín"},
		{1000, "một nghìn", "một ngàn"},
		{1005, "một nghìn không trăm linh năm", "một ngàn không trăm lẻ năm"},
		{1200, "một nghìn hai trăm", "một ngàn hai trăm"},
		{2021, "hai nghìn không trăm hai mươi mốt", "hai ngàn không trăm hai mươi mốt"},
		{10000, "mười nghìn", "mười ngàn"},
		{175000, "một trăm bảy mươi lăm nghìn", "một trăm bảy mươi lăm ngàn"},
		{1000000, "một triệu", "một triệu"},
		{1000005, "một triệu không trăm linh năm", "một triệu không trăm lẻ năm"},
		{2000021000, "hai tỷ không trăm hai mươi mốt nghìn", "hai tỷ không trăm hai mươi mốt ngàn"},
		{1000000000000, "một nghìn tỷ", "một ngàn tỷ"},
		{1500000000000, "một nghìn năm trăm tỷ", "một ngàn năm trăm tỷ"},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			region article.Region
			want   string
		}{{article.North, tt.north}, {article.South, tt.south}, {article.Central, tt.north}} {
			var sp spoken
			lexiconFor(c.region).cardinal(&sp, tt.n)
			if got := sp.String(); got != c.want {
				t.Errorf("cardinal(%d, %s) = %q, want %q", tt.n, c.region, got, c.want)
			}
		}
	}
}

// TestDigitStrings reads strings of ASCII digits in the northern voice:
// the digits after a decimal separator, and integers, whose leading zeros
// are dropped and which are read digit by digit when too long for a number.
func TestDigitStrings(t *testing.T) {
	tests := []struct {
		name     string
		read     func(lexicon, *spoken, string)
		in, want string
	}{
		{"fraction", lexicon.fraction, "5", "năm"},
		{"fraction", lexicon.fraction, "75", "bảy mươi lăm"},
		{"fraction", lexicon.fraction, "05", "không năm"},
		{"fraction", lexicon.fraction, "125", "một trăm hai mươi lăm"},
		{"fraction", lexicon.fraction, "1234", "một hai ba bốn"},
		{"integer", lexicon.integer, "0042", "bốn mươi hai"},
		{"integer", lexicon.integer, "12345678901234567", "một hai ba bốn năm sáu bảy tám chín không một hai ba bốn năm sáu bảy"},
	}
	for _, tt := range tests {
		var sp spoken
		tt.read(lexiconFor(article.North), &sp, tt.in)
		if got := sp.String(); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
