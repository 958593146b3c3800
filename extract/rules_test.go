package extract

import "testing"

// TestIssuerNeedsOneProvince checks that an anaphoric "UBND tỉnh" is
// completed only when the text names a single province.
func TestIssuerNeedsOneProvince(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Bắc Ninh đẩy mạnh số hóa. Theo Kế hoạch số 215/KH-UBND của UBND tỉnh, các sở phải hoàn thành trong tháng 6.", "UBND tỉnh Bắc Ninh"},
		{"Lạng Sơn và Cao Bằng hợp tác. Theo Kế hoạch số 215/KH-UBND của UBND tỉnh, các sở phải hoàn thành trong tháng 6.", "UBND tỉnh"},
		{"Yên Bái đã hợp nhất vào Lào Cai. Theo Kế hoạch số 215/KH-UBND của UBND tỉnh, các sở phải hoàn thành trong tháng 6.", "UBND tỉnh Lào Cai"},
		{"Hà Nội phát triển dữ liệu. UBND thành phố có Công văn 3456/UBND-KGVX gửi các sở.", "UBND thành phố Hà Nội"},
	}
	for _, c := range cases {
		e := Entities(c.text)
		if len(e.Decisions) != 1 || e.Decisions[0].Issuer != c.want {
			t.Errorf("%q: decisions %+v, want issuer %q", c.text, e.Decisions, c.want)
		}
	}
}

func TestSubjectStopsAtNewClause(t *testing.T) {
	e := Entities("Theo Kế hoạch số 215/KH-UBND ngày 5/2/2026 của UBND tỉnh về chuyển đổi số năm 2026, tỉnh phấn đấu đạt 95% hồ sơ trực tuyến.")
	if len(e.Decisions) != 1 || e.Decisions[0].Subject != "chuyển đổi số năm 2026" {
		t.Fatalf("decisions %+v", e.Decisions)
	}
}

func TestTargetRules(t *testing.T) {
	type tg struct{ value, qual, metric, year string }
	cases := []struct {
		text string
		want []tg
	}{
		{"Tỉnh đặt mục tiêu 95% hồ sơ xử lý trực tuyến vào năm 2026.\n\nĐến năm 2026, tỉnh phấn đấu có ít nhất 95% hồ sơ xử lý trực tuyến toàn trình.",
			[]tg{{"95%", "ít nhất", "hồ sơ xử lý trực tuyến toàn trình", "2026"}}},
		{"Năm 2025, tỉnh đặt mục tiêu 90% hồ sơ trực tuyến nhưng mới đạt 76%.",
			[]tg{{"90%", "", "hồ sơ trực tuyến", "2025"}}},
		{"Kinh tế số phấn đấu chiếm khoảng 30% GRDP của tỉnh vào năm 2030.",
			[]tg{{"30%", "khoảng", "Kinh tế số chiếm GRDP của tỉnh", "2030"}}},
		{"Công an tỉnh bảo đảm 100% công dân được cấp tài khoản định danh trong năm 2026.",
			[]tg{{"100%", "", "công dân được cấp tài khoản định danh", "2026"}}},
		{"Đến năm 2027, mỗi xã, phường có ít nhất 1 tổ công nghệ số cộng đồng.",
			[]tg{{"1", "ít nhất", "mỗi xã, phường có tổ công nghệ số cộng đồng", "2027"}}},
		{"Nghị quyết đặt mục tiêu GRDP bình quân đầu người đạt 8.000 USD vào năm 2030.",
			[]tg{{"8.000 USD", "", "GRDP bình quân đầu người", "2030"}}},
		{"Năm 2025, tỉnh đã đạt 92% hồ sơ trực tuyến, tăng 15% so với cùng kỳ và đứng thứ 2 cả nước.", nil},
		{"Từ năm 2010 đến năm 2020, dân số của tỉnh tăng 15%. Năm 2025, tỉnh đạt 9/12 chỉ tiêu, kinh tế số đạt 9,8% GRDP.", nil},
	}
	for _, c := range cases {
		got := Entities(c.text).Targets
		if len(got) != len(c.want) {
			t.Errorf("%q: %d targets %+v, want %d", c.text, len(got), got, len(c.want))
			continue
		}
		for i, w := range c.want {
			g := got[i]
			if g.Value != w.value || g.Qualifier != w.qual || g.Metric != w.metric || g.Year != w.year {
				t.Errorf("%q: target %+v, want %+v", c.text, g, w)
			}
		}
	}
}

func TestPeopleRules(t *testing.T) {
	text := "Tham dự có ông Nguyễn Quốc Bình - Phó Chủ tịch UBND tỉnh Lạng Sơn, bà Hoàng Thị Lan - Giám đốc Sở Tài chính. " +
		"Theo quyết định, ông Lê Văn Thịnh, Phó Giám đốc Sở Nội vụ, làm Tổ trưởng. Đồng chí Ma Văn Hưng (Giám đốc Sở Y tế) phát biểu."
	want := map[string][]string{
		"Nguyễn Quốc Bình": {"Phó Chủ tịch UBND tỉnh Lạng Sơn"},
		"Hoàng Thị Lan":    {"Giám đốc Sở Tài chính"},
		"Lê Văn Thịnh":     {"Phó Giám đốc Sở Nội vụ", "Tổ trưởng"},
		"Ma Văn Hưng":      {"Giám đốc Sở Y tế"},
	}
	e := Entities(text)
	if len(e.People) != len(want) {
		t.Fatalf("people %+v", e.People)
	}
	for _, p := range e.People {
		w, ok := want[p.Name]
		if !ok || len(p.Roles) != len(w) {
			t.Errorf("%s: roles %q, want %q", p.Name, p.Roles, w)
			continue
		}
		for i := range w {
			if p.Roles[i] != w[i] {
				t.Errorf("%s: roles %q, want %q", p.Name, p.Roles, w)
			}
		}
	}
}

func TestOrganisationRules(t *testing.T) {
	text := "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Tuyên Quang họp. " +
		"Hiệp hội Phần mềm và Dịch vụ công nghệ thông tin Việt Nam (VINASA) kiến nghị kéo dài. " +
		"Trước đây Sở TT&TT Sóc Trăng và Sở TT&TT Hậu Giang cùng Sở TT&TT cũ vận hành riêng."
	want := []string{
		"Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Tuyên Quang",
		"Hiệp hội Phần mềm và Dịch vụ công nghệ thông tin Việt Nam (VINASA)",
		"Sở TT&TT Sóc Trăng", "Sở TT&TT Hậu Giang", "Sở TT&TT",
	}
	got := Entities(text).Organizations
	if len(got) != len(want) {
		t.Fatalf("organisations %+v", got)
	}
	for i, w := range want {
		if got[i].Name != w {
			t.Errorf("organisation %d = %q, want %q", i, got[i].Name, w)
		}
	}
}

func TestLaterRules(t *testing.T) {
	e := Entities("Mục tiêu cụ thể: đến năm 2027, 60% hợp tác xã ứng dụng nền tảng số; đến năm 2030, tỷ lệ này đạt 90%. " +
		"Ít nhất 70% sản phẩm OCOP được bán trực tuyến vào năm 2028.\n\nNăm 2025, tỉnh có 31% hợp tác xã dùng phần mềm.")
	want := []struct{ value, metric, year string }{
		{"60%", "hợp tác xã ứng dụng nền tảng số", "2027"},
		{"90%", "hợp tác xã ứng dụng nền tảng số", "2030"},
		{"70%", "sản phẩm OCOP được bán trực tuyến", "2028"},
	}
	if len(e.Targets) != len(want) {
		t.Fatalf("targets %+v", e.Targets)
	}
	for i, w := range want {
		if g := e.Targets[i]; g.Value != w.value || g.Metric != w.metric || g.Year != w.year {
			t.Errorf("target %+v, want %+v", g, w)
		}
	}

	e = Entities("Theo Giám đốc Sở Nông nghiệp và Môi trường Phan Xuân Lĩnh, Thủ tướng Chính phủ Phạm Minh Chính, " +
		"Trưởng Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 đã chỉ đạo.")
	roles := map[string]string{}
	for _, p := range e.People {
		roles[p.Name] = p.Roles[len(p.Roles)-1]
	}
	if roles["Phan Xuân Lĩnh"] != "Giám đốc Sở Nông nghiệp và Môi trường" ||
		roles["Phạm Minh Chính"] != "Trưởng Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06" {
		t.Errorf("people %+v", e.People)
	}
}
