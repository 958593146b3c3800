package normalize

import (
	"reflect"
	"testing"
)

func TestSplitField(t *testing.T) {
	tests := []struct {
		in   string
		want token
	}{
		{"TP.HCM.", token{"", "TP.HCM", "."}},
		{"(85%),", token{"(", "85%", "),"}},
		{"“Chuyển", token{"“", "Chuyển", ""}},
		{"v.v...", token{"", "v.v", "..."}},
		{"–", token{"–", "", ""}},
		{"14h30'", token{"", "14h30", "'"}},
	}
	for _, tt := range tests {
		if got := splitField(tt.in); got != tt.want {
			t.Errorf("splitField(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeRejoinsSplitSymbol(t *testing.T) {
	got := tokenize("số 942/ QĐ-TTg,\u00a0ngày", nil)
	want := []token{{"", "số", ""}, {"", "942/QĐ-TTg", ","}, {"", "ngày", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokenize = %+v, want %+v", got, want)
	}
}
