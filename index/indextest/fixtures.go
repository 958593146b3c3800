package indextest

import (
	"time"

	"dxnews/article"
)

// ict is Vietnam's time zone, the one news sites publish in.
var ict = time.FixedZone("ICT", 7*3600)

func at(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, ict) }

// Fixture IDs, newest first by publication time.
const (
	idDataVendor = "f-ban-du-lieu"   // 2023-02-01, "bán giải pháp"
	idDataTalks  = "f-ban-giai-phap" // 2023-01-20, "bàn giải pháp"
	idMinistry   = "f-bo-tttt"       // 2023-01-15
	idYearEnd    = "f-cuoi-nam"      // 2022-12-31 20:00
	idHCMC       = "f-tphcm"         // 2022-03-10
	idDaNang     = "f-da-nang"       // 2021-11-05
	idUndated    = "f-khong-ngay"    // no publication time
)

// Fixtures returns the articles the suite indexes: short Vietnamese news
// items written for these tests, each a fresh copy.
func Fixtures() []article.Article {
	return []article.Article{
		{
			ID: idHCMC, URL: "https://tin.example.vn/tphcm-so-hoa.html", Source: "vnexpress.net",
			Title:     "TP.HCM đẩy mạnh chuyển đổi số ở các quận",
			Sapo:      "Thành phố yêu cầu mỗi sở, ngành có kế hoạch chuyển đổi số riêng trong quý hai.",
			Body:      "Tại buổi làm việc sáng thứ hai, ông Phan Văn Mãi, Chủ tịch UBND TP.HCM, nhắc lại Quyết định 944 về Ban Chỉ đạo.\n\nCác quận phải báo cáo tiến độ hằng tháng.",
			Published: at(2022, time.March, 10, 9), Section: "Thời sự", Tags: []string{"Chuyển đổi số", "TP.HCM"},
			Entities: article.Entities{
				People:        []article.Person{{Name: "Phan Văn Mãi", Roles: []string{"Chủ tịch UBND TP.HCM"}, Mentions: []article.Mention{{Start: 10, End: 24}}}},
				Decisions:     []article.Decision{{Kind: "Quyết định", Number: "944", Issuer: "UBND TP.HCM", Subject: "Ban Chỉ đạo chuyển đổi số"}},
				Organizations: []article.Organization{{Name: "UBND TP.HCM"}},
				Locations:     []article.Location{{Name: "TP.HCM"}},
			},
			Audio: []article.Audio{{Voice: "south-female", URL: "/api/audio/f-tphcm/south-female.mp3", DurationMS: 61000, Bytes: 488000, Backend: "espeak"}},
		},
		{
			ID: idDaNang, URL: "https://bao.example.vn/da-nang-do-thi.html", Source: "tuoitre.vn",
			Title:     "Đà Nẵng khai trương trung tâm đô thị thông minh",
			Sapo:      "Đoàn công tác TP.HCM đến học hỏi cách Đà Nẵng vận hành dữ liệu và chuyển đổi số.",
			Body:      "Ông Lê Trung Chinh giới thiệu bản đồ camera giao thông.\n\nTrưởng đoàn Phan Văn Mãi đánh giá cao mô hình này và đề nghị hai bên chia sẻ dữ liệu theo Nghị quyết 52-NQ/TW.",
			Published: at(2021, time.November, 5, 15), Section: "Công nghệ",
			Entities: article.Entities{
				People: []article.Person{
					{Name: "Lê Trung Chinh", Roles: []string{"Chủ tịch UBND TP Đà Nẵng"}},
					{Name: "Phan Văn Mãi", Roles: []string{"Trưởng ban Ban Chỉ đạo chuyển đổi số TP.HCM"}},
				},
				Decisions: []article.Decision{{Kind: "Nghị quyết", Number: "52", Symbol: "52-NQ/TW", Issuer: "Bộ Chính trị"}},
				Locations: []article.Location{{Name: "Đà Nẵng"}, {Name: "TP.HCM"}},
			},
		},
		{
			ID: idMinistry, URL: "https://tin.example.vn/bo-cong-bo-chi-so.html", Source: "vnexpress.net",
			Title:     "Bộ công bố chỉ số chuyển đổi số cấp tỉnh",
			Sapo:      "Bảng xếp hạng mới giúp các tỉnh so sánh mức độ số hóa dịch vụ công.",
			Body:      "Bộ trưởng Nguyễn Mạnh Hùng cho biết chỉ số được tính theo Quyết định 749/QĐ-TTg.\n\nMục tiêu đến năm 2025 là 80% dịch vụ công trực tuyến toàn trình.",
			Published: at(2023, time.January, 15, 8),
			Entities: article.Entities{
				People:        []article.Person{{Name: "Nguyễn Mạnh Hùng", Roles: []string{"Bộ trưởng Bộ Thông tin và Truyền thông"}}},
				Decisions:     []article.Decision{{Kind: "Quyết định", Number: "749", Symbol: "749/QĐ-TTg", Issuer: "Thủ tướng"}},
				Targets:       []article.Target{{Value: "80%", Metric: "dịch vụ công trực tuyến toàn trình", Year: "2025"}},
				Organizations: []article.Organization{{Name: "Bộ Thông tin và Truyền thông"}, {Name: "Trung tâm Giám sát an toàn không gian mạng"}},
			},
		},
		{
			ID: idYearEnd, URL: "https://bao.example.vn/tong-ket-nam.html", Source: "tuoitre.vn",
			Title:     "Tổng kết một năm triển khai chính quyền điện tử",
			Sapo:      "Hơn nửa số hồ sơ hành chính đã được nộp qua mạng.",
			Body:      "Người dân phản ánh cổng dịch vụ công còn chậm vào giờ cao điểm.\n\nNăm tới thành phố sẽ nâng cấp hạ tầng máy chủ.",
			Published: at(2022, time.December, 31, 20),
			Entities: article.Entities{
				Organizations: []article.Organization{{Name: "UBND TP.HCM"}},
			},
		},
		{
			ID: idDataTalks, URL: "https://tin.example.vn/doanh-nghiep-ban-giai-phap.html", Source: "thanhnien.vn",
			Title:     "Doanh nghiệp bàn giải pháp dữ liệu mở",
			Sapo:      "Hội thảo tập trung vào chia sẻ dữ liệu giữa các cơ quan.",
			Body:      "Các chuyên gia đề xuất chuẩn chung cho dữ liệu mở.",
			Published: at(2023, time.January, 20, 10),
		},
		{
			ID: idDataVendor, URL: "https://tin.example.vn/doanh-nghiep-ban-du-lieu.html", Source: "thanhnien.vn",
			Title:     "Doanh nghiệp bán giải pháp dữ liệu mở",
			Sapo:      "Hội thảo tập trung vào chia sẻ dữ liệu giữa các công ty.",
			Body:      "Các chuyên gia đề xuất chuẩn chung cho dữ liệu mở.",
			Published: at(2023, time.February, 1, 10),
		},
		{
			ID: idUndated, URL: "https://bao.example.vn/khong-ngay.html", Source: "tuoitre.vn",
			Title: "Thư viện số mở cửa miễn phí",
			Body:  "Bạn đọc có thể mượn sách điện tử bằng tài khoản định danh.",
		},
	}
}
