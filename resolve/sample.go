package resolve

import (
	"fmt"
	"math/rand/v2"
	"time"

	"dxnews/article"
)

// SampleArticles makes n articles for benchmarks, with entities shaped
// like the extractor's: a few thousand people holding roles in the provinces, organisations
// written with and without abbreviations, decisions cited by symbol or
// bare number, and goals in several families. The same n gives the same
// articles.
func SampleArticles(n int) []article.Article {
	r := rand.New(rand.NewPCG(1, 2))
	surnames := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"}
	middles := []string{"Văn", "Thị", "Đình", "Minh", "Quang", "Thanh", "Hữu", "Anh"}
	givens := []string{"An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Trang", "Tuấn", "Vinh", "Yến"}
	provinces := []string{"Hà Nội", "TP.HCM", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Bình Dương", "Quảng Ninh", "Nam Định", "Thái Nguyên", "Kon Tum", "Hà Giang", "Thừa Thiên Huế", "Nghệ An", "Thanh Hóa", "Đồng Nai", "Long An"}
	roles := []string{"Giám đốc Sở Thông tin và Truyền thông %s", "Giám đốc Sở TT&TT %s", "Chủ tịch UBND tỉnh %s", "Phó Chủ tịch UBND %s", "Giám đốc Sở Khoa học và Công nghệ (KH&CN) %s", "Bí thư Tỉnh ủy %s"}
	orgs := []string{"Bộ Thông tin và Truyền thông", "Bộ TT&TT", "Bộ Thông tin và Truyền thông (TT&TT)", "UBND tỉnh %s", "Ủy ban nhân dân tỉnh %s", "Sở TT&TT %s", "Sở Thông tin và Truyền thông %s", "Cục Chuyển đổi số quốc gia"}
	metrics := []string{"kinh tế số chiếm GRDP", "dịch vụ công trực tuyến toàn trình", "hồ sơ được xử lý trực tuyến", "hộ gia đình có cáp quang", "người trưởng thành có tài khoản thanh toán", "doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "người dân", "tỷ trọng thương mại điện tử"}
	kinds := []string{"Quyết định", "Kế hoạch", "Nghị quyết"}
	start := time.Date(2019, 1, 1, 8, 0, 0, 0, vietnam)
	arts := make([]article.Article, n)
	for i := range arts {
		prov := provinces[r.IntN(len(provinces))]
		a := article.Article{
			ID: fmt.Sprintf("%016x", i), Title: "Chuyển đổi số ở " + prov, Source: "Báo Thử", Host: "bao.example",
			Published: start.Add(time.Duration(r.IntN(7*365*24)) * time.Hour),
		}
		body := ""
		for range 4 {
			name := surnames[r.IntN(len(surnames))] + " " + middles[r.IntN(len(middles))] + " " + givens[r.IntN(len(givens))]
			role := fmt.Sprintf(roles[r.IntN(len(roles))], prov)
			a.Entities.People = append(a.Entities.People, article.Person{Name: name, Roles: []string{role}})
			body += "Ông " + name + ", " + role + ", phát biểu. "
		}
		for range 4 {
			o := orgs[r.IntN(len(orgs))]
			if r.IntN(2) == 0 {
				o = fmt.Sprintf(o, prov)
			}
			a.Entities.Organizations = append(a.Entities.Organizations, article.Organization{Name: o})
		}
		a.Entities.Locations = []article.Location{{Name: prov}}
		for range 2 {
			num := fmt.Sprint(r.IntN(3000))
			d := article.Decision{Kind: kinds[r.IntN(len(kinds))], Number: num, Issuer: "UBND " + prov}
			if r.IntN(3) > 0 {
				d.Symbol = num + "/QĐ-UBND"
			}
			a.Entities.Decisions = append(a.Entities.Decisions, d)
		}
		for range 4 {
			a.Entities.Targets = append(a.Entities.Targets, article.Target{
				Value: fmt.Sprintf("%d%%", 10+r.IntN(90)), Metric: metrics[r.IntN(len(metrics))],
				Year: fmt.Sprint(2025 + 5*r.IntN(2)), Scope: prov,
			})
		}
		a.Body = body
		arts[i] = a
	}
	return arts
}
