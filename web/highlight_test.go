package web

import "testing"

func TestHighlight(t *testing.T) {
	for _, tc := range []struct{ text, q, want string }{
		{"Chuyển đổi số ở Đà Nẵng", "chuyen doi so", "<mark>Chuyển</mark> <mark>đổi</mark> <mark>số</mark> ở Đà Nẵng"},
		{"Sở Thông tin song song", "so", "<mark>Sở</mark> Thông tin song song"},
		{"a < bb & c", "bb", "a &lt; <mark>bb</mark> &amp; c"},
		{"Tỷ lệ 80% đạt", "a", "Tỷ lệ 80% đạt"},
		{"Đà Nẵng", "", "Đà Nẵng"},
	} {
		if got := string(highlight(tc.text, tc.q)); got != tc.want {
			t.Errorf("highlight(%q, %q) = %q, want %q", tc.text, tc.q, got, tc.want)
		}
	}
}
