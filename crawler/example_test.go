package crawler_test

import (
	"fmt"
	"strings"

	"dxnews/crawler"
)

func ExampleParseArticle() {
	page := `<html><head><meta charset="utf-8"></head><body>
<ul class="breadcrumb"><li><a href="/thoi-su">Thời sự</a></li></ul>
<span class="date">Thứ hai, 2/6/2025, 09:05 (GMT+7)</span>
<h1 class="title-detail">Tỉnh ven biển ra mắt cổng dữ liệu mở</h1>
<p class="description">Người dân tra cứu được hơn 200 bộ dữ liệu số của các sở, ngành.</p>
<article class="fck_detail"><p class="Normal">Cổng dữ liệu mở là một phần của kế hoạch chuyển đổi số năm nay.</p>
<p class="Normal" style="text-align:right;"><strong>Minh Châu</strong></p></article></body></html>`
	a, err := crawler.ParseArticle(strings.NewReader(page), "https://vnexpress.net/cong-du-lieu-mo-4900000.html", "text/html; charset=utf-8")
	if err != nil {
		panic(err)
	}
	rel := crawler.Score(a)
	fmt.Println(a.Title)
	fmt.Println(a.Published.Format("2006-01-02T15:04:05Z07:00"), a.PublishedFrom)
	fmt.Println(a.Authors, a.Section)
	fmt.Println(a.Body)
	fmt.Println(rel.Score, rel.Terms)
	// Output:
	// Tỉnh ven biển ra mắt cổng dữ liệu mở
	// 2025-06-02T09:05:00+07:00 rule
	// [Minh Châu] Thời sự
	// Cổng dữ liệu mở là một phần của kế hoạch chuyển đổi số năm nay.
	// 10 [chuyển đổi số dữ liệu số]
}
