package bleve_test

import (
	"context"
	"fmt"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/bleve"
)

func Example() {
	ctx := context.Background()
	ix, err := bleve.Open("", nil) // in memory; pass a directory to keep it
	if err != nil {
		panic(err)
	}
	defer ix.Close()

	err = ix.Index(ctx, article.Article{
		ID:        "vd-1",
		Source:    "vidu.vn",
		Title:     "Huyện miền núi thử nghiệm chữ ký số cho hộ kinh doanh",
		Published: time.Date(2024, 5, 2, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600)),
		Entities: article.Entities{
			People: []article.Person{{Name: "Đỗ Thị Hằng", Roles: []string{"Phó Chủ tịch UBND huyện"}}},
		},
	})
	if err != nil {
		panic(err)
	}

	res, err := ix.Search(ctx, index.Query{Text: "chu ky so", Person: "Do Thi Hang", Facets: []string{index.FacetPeople}})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Total, res.Articles[0].Title)
	fmt.Println(res.Facets.People)

	people, err := ix.Entities(ctx, index.EntityQuery{Type: index.TypePerson, Q: "hang"})
	if err != nil {
		panic(err)
	}
	fmt.Println(people[0].Name, people[0].Roles, people[0].Articles)
	// Output:
	// 1 Huyện miền núi thử nghiệm chữ ký số cho hộ kinh doanh
	// [{Đỗ Thị Hằng 1}]
	// Đỗ Thị Hằng [Phó Chủ tịch UBND huyện] [vd-1]
}
