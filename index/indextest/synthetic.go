package indextest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"dxnews/article"
)

// Word pools for synthetic articles. The words are common Vietnamese
// syllables; the sentences they make mean nothing.
var (
	syllables = strings.Fields(`chuyển đổi số chính quyền điện tử đô thị thông minh kinh tế dữ liệu
		người dân doanh nghiệp dịch vụ công trực tuyến hạ tầng mạng lưới nền tảng ứng dụng
		thành phố tỉnh quận huyện xã phường cán bộ công chức hồ sơ thủ tục hành chính
		kế hoạch mục tiêu triển khai đánh giá năm tháng quý kết quả phát triển bền vững
		an toàn thông tin bảo mật camera giao thông y tế giáo dục học sinh bệnh viện
		thanh toán không dùng tiền mặt ví di động chữ ký số định danh căn cước`)
	families = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"}
	middles  = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc"}
	givens   = []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Vy"}
	roles    = []string{"Chủ tịch UBND", "Phó Chủ tịch UBND", "Giám đốc Sở Thông tin và Truyền thông", "Bí thư Thành ủy", "Bộ trưởng", "Thứ trưởng"}
	places   = []string{"Hà Nội", "TP.HCM", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Bình Dương", "Quảng Ninh", "Thừa Thiên Huế", "Khánh Hòa", "Lâm Đồng"}
	kinds    = []string{"Quyết định", "Nghị quyết", "Kế hoạch", "Chỉ thị", "Công văn"}
	sources  = []string{"vnexpress.net", "tuoitre.vn", "thanhnien.vn", "dantri.com.vn", "vietnamnet.vn"}
)

// Synthetic returns n generated articles with people, decisions,
// organisations, places and dates spread over 2020-2024, the same for the
// same seed. bodyWords sets the length of each body.
func Synthetic(n, bodyWords int, seed uint64) []article.Article {
	r := rand.New(rand.NewPCG(seed, 0x6478))
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = syllables[r.IntN(len(syllables))]
		}
		return strings.Join(w, " ")
	}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, ict)
	out := make([]article.Article, n)
	for i := range out {
		place := places[r.IntN(len(places))]
		var e article.Entities
		for range 1 + r.IntN(3) {
			name := families[r.IntN(len(families))] + " " + middles[r.IntN(len(middles))] + " " + givens[r.IntN(len(givens))]
			e.People = append(e.People, article.Person{Name: name, Roles: []string{roles[r.IntN(len(roles))] + " " + place}})
		}
		for range r.IntN(3) {
			num := fmt.Sprint(1 + r.IntN(2000))
			e.Decisions = append(e.Decisions, article.Decision{Kind: kinds[r.IntN(len(kinds))], Number: num, Symbol: num + "/QĐ-UBND", Issuer: "UBND " + place})
		}
		e.Organizations = []article.Organization{{Name: "UBND " + place}}
		e.Locations = []article.Location{{Name: place}}
		if r.IntN(4) == 0 {
			e.Targets = []article.Target{{Value: fmt.Sprintf("%d%%", 50+r.IntN(50)), Metric: words(4), Year: fmt.Sprint(2025 + r.IntN(6))}}
		}
		var body strings.Builder
		for p := 0; p*60 < bodyWords; p++ {
			if p > 0 {
				body.WriteString("\n\n")
			}
			body.WriteString(words(min(60, bodyWords-p*60)))
		}
		url := fmt.Sprintf("https://synthetic.example.vn/%d.html", i)
		out[i] = article.Article{
			ID: article.IDFor(url), URL: url, CanonicalURL: url,
			Source:    sources[r.IntN(len(sources))],
			Title:     place + " " + words(8),
			Sapo:      words(30),
			Body:      body.String(),
			Published: start.Add(time.Duration(r.IntN(5*365*24)) * time.Hour),
			Section:   "Công nghệ",
			Tags:      []string{"Chuyển đổi số"},
			Entities:  e,
		}
	}
	return out
}
