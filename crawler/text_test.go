package crawler

import "testing"

func TestStripOutletPrefix(t *testing.T) {
	cases := []struct{ in, want string }{
		{"(Dân trí) - Tỉnh đặt mục tiêu mới.", "Tỉnh đặt mục tiêu mới."},
		{"TTO - Thành phố ra mắt ứng dụng.", "Thành phố ra mắt ứng dụng."},
		{"(Sông Hồng) - Hơn 50 chuyên gia dự hội thảo.", "Hơn 50 chuyên gia dự hội thảo."},
		{"(Báo Quảng Ninh) – Tỉnh họp bàn.", "Tỉnh họp bàn."},
		// Not a dateline: lower-case or long parentheses, or no dash after.
		{"(theo kế hoạch) - tỉnh triển khai.", "(theo kế hoạch) - tỉnh triển khai."},
		{"(Sông Hồng) Hơn 50 chuyên gia.", "(Sông Hồng) Hơn 50 chuyên gia."},
		{"(Một Hai Ba Bốn Năm) - chữ.", "(Một Hai Ba Bốn Năm) - chữ."},
		{"Chủ tịch UBND tỉnh chủ trì.", "Chủ tịch UBND tỉnh chủ trì."},
	}
	for _, c := range cases {
		if got := stripOutletPrefix(c.in); got != c.want {
			t.Errorf("stripOutletPrefix(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
