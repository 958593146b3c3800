package crawler

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dxnews/article"
)

// parseMarkupPage parses a page of testdata (markup/ or sites/) as the URL
// in its first line.
func parseMarkupPage(t *testing.T, file string) (article.Article, Provenance) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	m := urlComment.FindSubmatch(raw)
	if m == nil {
		t.Fatalf("%s does not start with <!-- url: URL -->", file)
	}
	a, from, err := ExplainArticle(bytes.NewReader(raw), string(m[1]), "text/html; charset=utf-8", nil)
	if err != nil {
		t.Fatal(err)
	}
	return a, from
}

// TestMarkupSeenOnRealSites: one row per kind of markup met on outlets'
// pages in 2025–2026, in pages of our own (testdata/markup).
func TestMarkupSeenOnRealSites(t *testing.T) {
	const at1821 = "2026-01-08T18:21:00+07:00"
	for _, tc := range []struct {
		file, why string
		body      []string
		bodyFrom  string // a part of the body's provenance
		published string
		pubFrom   string
		canonical string // "" = the page URL
	}{
		{"markup/dantri-2026.html", "Dân trí 2026: body in div[data-slot=content], related links in <article>s",
			[]string{"Mỗi sáng thứ bảy, hai cán bộ xã mang máy tính bảng đến nhà văn hóa bản để giúp bà con làm thủ tục trên cổng dịch vụ công.",
				"Những hồ sơ phổ biến nhất là đăng ký khai sinh, xác nhận cư trú và xin cấp giấy phép xây dựng nhà ở nông thôn.",
				"Chủ tịch xã cho biết sau ba tháng, số hồ sơ nộp trực tuyến đã nhiều hơn số hồ sơ nộp giấy tại bộ phận một cửa."},
			"rule dantri", at1821, "json-ld", ""},
		{"markup/tuoitre-boxes.html", "Tuổi Trẻ: last sections in div[type=content]; og:url is a share link; the rule's element shows the update time",
			[]string{"Các hộ sản xuất được hướng dẫn chụp ảnh sản phẩm, viết mô tả và nhận thanh toán qua mã QR.",
				"Giao hàng trong ngày", "Bưu điện tỉnh nhận hàng tại nhà và giao trong ngày cho khách ở thành phố.",
				"Mở rộng sang các tỉnh lân cận", "Năm tới, sàn sẽ kết nối với chợ trực tuyến của ba tỉnh lân cận để mở rộng thị trường."},
			"rule tuoitre", at1821, "json-ld", "https://tuoitre.vn/cho-nong-san-truc-tuyen-cua-tinh-20260108182100456.htm"},
		{"sites/nld.html", "Người Lao Động: a section in div[type=content], offset +0700",
			[]string{"Công nhân mở ứng dụng để chấm công, xem ca làm việc và xin nghỉ phép mà không phải chờ ở phòng nhân sự.",
				"Phiếu lương điện tử", "Cuối tháng, phiếu lương được gửi vào ứng dụng, công nhân có thể hỏi lại bộ phận kế toán ngay trên đó."},
			"rule nld", at1821, "rule", "https://nld.com.vn/cong-nhan-cham-cong-bang-ung-dung-196260108182100789.htm"},
		{"markup/generic-div-paragraphs.html", "paragraphs written as <div>s; og:url on a short-link host",
			[]string{"Thư viện tỉnh vừa đưa vào sử dụng kho sách điện tử với hơn hai mươi nghìn đầu sách, bạn đọc mượn sách bằng tài khoản định danh điện tử.",
				"Học sinh ở các huyện xa có thể đọc tài liệu tham khảo trên điện thoại mà không phải đến thư viện, kể cả vào buổi tối.",
				"Giám đốc thư viện cho biết đơn vị sẽ số hóa thêm các tài liệu địa chí quý để giới thiệu lịch sử, văn hóa của địa phương."},
			"readability", at1821, "meta", ""},
		{"markup/generic-visible-time.html", "the time only in visible text: 08/01/2026 - 18:21",
			[]string{"Hệ thống loa thông minh của xã phát bản tin bằng giọng đọc máy, cán bộ soạn nội dung trên điện thoại, tiết kiệm nhiều thời gian so với trước.",
				"Người dân cũng nghe lại các bản tin cũ qua ứng dụng, nhất là thông báo về lịch tiêm chủng và lịch thu phí, lệ phí của xã."},
			"readability", at1821, "text", ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			a, from := parseMarkupPage(t, tc.file)
			if got := strings.Split(a.Body, "\n\n"); strings.Join(got, "\n") != strings.Join(tc.body, "\n") {
				t.Errorf("%s: body\n got %q\nwant %q", tc.why, got, tc.body)
			}
			if !strings.Contains(from["body"], tc.bodyFrom) {
				t.Errorf("%s: body from %q, want %q", tc.why, from["body"], tc.bodyFrom)
			}
			if got := a.Published.Format(time.RFC3339); got != tc.published || a.PublishedFrom != tc.pubFrom {
				t.Errorf("%s: published %s from %q (%s), want %s from %q", tc.why, got, a.PublishedFrom, from["published"], tc.published, tc.pubFrom)
			}
			want := tc.canonical
			if want == "" {
				want = a.URL
			}
			if a.CanonicalURL != want {
				t.Errorf("%s: canonical %q (from %s), want %q", tc.why, a.CanonicalURL, from["canonical_url"], want)
			}
		})
	}
}
