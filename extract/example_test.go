package extract_test

import (
	"fmt"

	"dxnews/extract"
)

func ExampleEntities() {
	e := extract.Entities("Ngày 5/3/2024, UBND tỉnh Hà Giang ban hành Quyết định số 215/QĐ-UBND về việc thành lập Ban Chỉ đạo chuyển đổi số tỉnh. Ban Chỉ đạo có Trưởng ban là ông Lò Văn Sáng, Chủ tịch UBND tỉnh. Tỉnh phấn đấu đến năm 2025 có ít nhất 90% hồ sơ được xử lý trực tuyến; năm 2023 tỷ lệ này đã đạt 60%.")
	for _, p := range e.People {
		fmt.Println(p.Name, p.Roles)
	}
	for _, d := range e.Decisions {
		fmt.Println(d.Kind, d.Number, d.Symbol, "|", d.Issuer, "|", d.Date, "|", d.Subject)
	}
	for _, t := range e.Targets {
		fmt.Println(t.Qualifier, t.Value, t.Year, "|", t.Metric)
	}
	// Output:
	// Lò Văn Sáng [Trưởng ban Ban Chỉ đạo Chủ tịch UBND tỉnh]
	// Quyết định 215 215/QĐ-UBND | UBND tỉnh Hà Giang | 2024-03-05 | thành lập Ban Chỉ đạo chuyển đổi số tỉnh
	// ít nhất 90% 2025 | hồ sơ được xử lý trực tuyến
}
