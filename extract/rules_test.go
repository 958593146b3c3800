package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

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

// TestOrganisationRules: one row per way an organisation's name is found,
// ended or told apart from a title or a place; want is every organisation
// of the text, in order.
func TestOrganisationRules(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"topic list, alias in brackets, an abbreviation's place", "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Tuyên Quang họp. " +
			"Hiệp hội Phần mềm và Dịch vụ công nghệ thông tin Việt Nam (VINASA) kiến nghị kéo dài. " +
			"Trước đây Sở TT&TT Sóc Trăng và Sở TT&TT Hậu Giang cùng Sở TT&TT cũ vận hành riêng.",
			[]string{"Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Tuyên Quang",
				"Hiệp hội Phần mềm và Dịch vụ công nghệ thông tin Việt Nam (VINASA)", "Sở TT&TT Sóc Trăng", "Sở TT&TT Hậu Giang", "Sở TT&TT"}},
		{"a ministry and its alias", "Tin\n\nBộ Thông tin và Truyền thông (TT&TT) hướng dẫn các tỉnh. Theo Bộ TT&TT, các sở triển khai nền tảng.", []string{"Bộ Thông tin và Truyền thông (TT&TT)"}},
		{"a department, its alias and its province", "Tin\n\nSở Giáo dục và Đào tạo (GD&ĐT) Hà Tĩnh ban hành kế hoạch. Sở GD&ĐT đề nghị các trường; Giám đốc Sở GD&ĐT Hà Tĩnh cho biết.", []string{"Sở Giáo dục và Đào tạo Hà Tĩnh"}},
		{"an abbreviated department with and without tỉnh", "Tin\n\nÔng A làm việc tại Sở TT&TT tỉnh Thái Nguyên từ năm 2020. Sở TT&TT Thái Nguyên đã triển khai nền tảng số.", []string{"Sở TT&TT tỉnh Thái Nguyên"}},
		{"the office that issues a decision", "Tin\n\nQuyết định số 749/QĐ-TTg ngày 3/6/2020 của Thủ tướng Chính phủ phê duyệt chương trình.", []string{"Thủ tướng Chính phủ"}},
		{"a person's title is not the office", "Tin\n\nÔng Phạm Minh Chính, Thủ tướng Chính phủ, dự hội nghị.", nil},
		{"a party committee ends before và", "Tin\n\nBan Thường vụ Tỉnh ủy và Thường trực Tỉnh ủy Quảng Bình lãnh đạo, chỉ đạo triển khai.", []string{"Ban Thường vụ Tỉnh ủy", "Tỉnh ủy Quảng Bình"}},
		{"a council's descriptive name and its city", "Tin\n\nHà Nội thành lập Hội đồng điều phối phát triển đô thị thông minh Thành phố Hà Nội.", []string{"Hội đồng điều phối phát triển đô thị thông minh Thành phố Hà Nội"}},
		{"a working group's programme and province", "Tin\n\nHội nghị do Tổ công tác triển khai Đề án 06 tỉnh Bắc Giang tổ chức.", []string{"Tổ công tác triển khai Đề án 06 tỉnh Bắc Giang"}},
		{"the Party and the Government in a list", "Tin\n\nCác chủ trương, chính sách của Đảng và Chính phủ; Ban Chấp hành Đảng bộ tỉnh họp.", []string{"Đảng", "Chính phủ", "Ban Chấp hành Đảng bộ tỉnh"}},
	} {
		var got []string
		for _, o := range Entities(c.text).Organizations {
			got = append(got, o.Name)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: organisations %q, want %q", c.name, got, c.want)
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

// TestGoalShapes covers the ways plans state goals: a lead-in with the year
// and bare items, a heading with the year, the year in one sentence and the
// items in the next, parallel items after one cue, two horizons, a plan's
// own horizon, goals next to achievements and statistics, and values as
// written; and the ways figures already reached are written, which are no
// goals.
func TestGoalShapes(t *testing.T) {
	type tg struct{ value, year string }
	cases := []struct {
		name, text string
		want       []tg
	}{
		{"lead-in", "Kế hoạch chuyển đổi số\n\nCác chỉ tiêu chủ yếu giai đoạn 2026–2028 như sau:\nVề hạ tầng số: 98% thôn, bản có sóng 4G; 75% hộ gia đình dùng cáp quang;\nVề dữ liệu: 60% hồ sơ đất đai được số hóa.\n\nNăm 2025, tỉnh có 40% hộ dùng cáp quang.",
			[]tg{{"98%", "2028"}, {"75%", "2028"}, {"60%", "2028"}}},
		{"heading", "Tin\n\nMục tiêu về thanh toán số đến năm 2027:\n- Tỷ lệ người cao tuổi có tài khoản thanh toán đạt 40%.\n- Tỷ lệ chợ có thanh toán không tiền mặt đạt 60%.\n2. Tỷ lệ hộ kinh doanh dùng mã QR đạt 80%.",
			[]tg{{"40%", "2027"}, {"60%", "2027"}, {"80%", "2027"}}},
		{"next sentence", "Tin\n\nHuyện đặt mục tiêu đến năm 2029 trở thành huyện nông thôn mới thông minh. Cụ thể, 90% hợp tác xã bán hàng qua sàn thương mại điện tử, ít nhất 70% trạm y tế dùng bệnh án điện tử.",
			[]tg{{"90%", "2029"}, {"70%", "2029"}}},
		{"parallel", "Tin\n\nĐến năm 2030, tỉnh phấn đấu doanh thu thương mại điện tử tăng 25%/năm, 60% doanh nghiệp nhỏ dùng nền tảng số và mỗi xã có ít nhất 2 điểm Wi-Fi công cộng.",
			[]tg{{"25%", "2030"}, {"60%", "2030"}, {"2", "2030"}}},
		{"two horizons", "Tin\n\nMục tiêu đến năm 2027:\nTỷ trọng kinh tế số đến năm 2028 đạt 25%; tầm nhìn đến năm 2040 đạt 45%; 70% doanh nghiệp dùng hóa đơn điện tử.",
			[]tg{{"25%", "2028"}, {"45%", "2040"}, {"70%", "2027"}}},
		{"plan horizon", "Tỉnh phê duyệt Chương trình chuyển đổi số đến năm 2025\n\nChương trình đặt ra các chỉ tiêu: 80% dịch vụ công trực tuyến mức độ 4; 100% cơ quan kết nối mạng chuyên dùng.",
			[]tg{{"80%", "2025"}, {"100%", "2025"}}},
		{"achieved beside goal", "Tin\n\nNăm 2023, tỷ lệ này đạt 61,5%; mục tiêu năm 2026 là 80%. Theo đánh giá, năm 2024 toàn tỉnh đã có 70% hồ sơ trực tuyến.",
			[]tg{{"80%", "2026"}}},
		{"baseline beside a goal", "Kế hoạch chuyển đổi số năm 2026\n\nCác chỉ tiêu gồm:\n- 95% hồ sơ cấp tỉnh xử lý trên môi trường mạng (năm 2025 đạt 80%);\n- Tỷ lệ thanh toán số đạt 60%.\n\nMục tiêu đến năm 2030:\n- Năm 2027: 50% xã có IOC;\n- Năm 2030: 100% xã có IOC.",
			[]tg{{"95%", "2026"}, {"60%", "2026"}, {"50%", "2027"}, {"100%", "2030"}}},
		{"values as written", "Tin\n\nChỉ tiêu đến năm 2030:\n+ Doanh thu công nghệ số đạt 310 nghìn tỷ đồng.\n+ 45–50% dân số dùng chữ ký số.\n+ Tất cả xã có điểm phục vụ bưu chính.\n+ Chỉ số DTI thuộc nhóm 15 tỉnh dẫn đầu.\n+ Chỉ số dữ liệu mở đạt tối thiếu 0,8.",
			[]tg{{"310 nghìn tỷ đồng", "2030"}, {"45–50%", "2030"}, {"Tất cả", "2030"}, {"nhóm 15", "2030"}, {"0,8", "2030"}}},
		{"ranking as a goal", "Việt Nam phấn đấu đến năm 2030 thuộc top 30 quốc gia dẫn đầu về chính phủ số.",
			[]tg{{"top 30", "2030"}}},
		{"statistics beside a goal", "Phấn đấu đến năm 2025, 80% người dân có định danh điện tử; năm 2024, 70% hồ sơ đã được số hóa; hiện nay tỷ lệ này là 60%.",
			[]tg{{"80%", "2025"}}},
		{"a count of goals", "Tỉnh đề ra 5 mục tiêu, trong đó tỷ lệ hồ sơ trực tuyến đạt 90% vào năm 2025.",
			[]tg{{"90%", "2025"}}},
		{"reached: đã đạt", "Năm 2024, tỉnh đã đạt 92% hồ sơ trực tuyến.", nil},
		{"reached: tính đến", "Tính đến năm 2025, 100% xã có cáp quang.", nil},
		{"reached: a rank", "Thành phố xếp thứ 3 cả nước, tăng 5 bậc so với năm trước.", nil},
		{"reached: a goal done", "Mục tiêu năm nay đã hoàn thành: 70% người dân có tài khoản định danh.", nil},
		{"reached: a top list", "Năm 2024, Việt Nam đã lọt top 50 quốc gia về chính phủ điện tử.", nil},
		{"reached: a goal passed", "Tỉnh vượt mục tiêu với 96% hồ sơ trực tuyến.", nil},
	}
	for _, c := range cases {
		got := Entities(c.text).Targets
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			ok = got[i].Value == c.want[i].value && got[i].Year == c.want[i].year
		}
		if !ok {
			var b strings.Builder
			for _, g := range got {
				fmt.Fprintf(&b, " %s@%s", g.Value, g.Year)
			}
			t.Errorf("%s: got%s, want %v", c.name, b.String(), c.want)
		}
	}
}

// TestExplainGivesEvidence checks that each target carries the cue or the
// lead-in that made it a goal and the words that gave its year.
func TestExplainGivesEvidence(t *testing.T) {
	text := "Tin\n\nCác chỉ tiêu chủ yếu giai đoạn 2026–2028 như sau:\nVề hạ tầng số: 98% thôn có sóng 4G."
	e, ev := Explain(text)
	if len(e.Targets) != 1 || len(ev) != 1 {
		t.Fatalf("targets %+v evidence %+v", e.Targets, ev)
	}
	if c := ev[0].Cue; c.Kind != "lead-in" || c.Text != "chỉ tiêu" || text[c.Start:c.End] != c.Text {
		t.Errorf("cue %+v", c)
	}
	if y := ev[0].YearFrom; y.Kind != "lead-in" || y.Text != "2026–2028" || text[y.Start:y.End] != y.Text {
		t.Errorf("year from %+v", y)
	}
	if len(ev[0].Scopes) != 1 || ev[0].Scopes[0].Text != "Các chỉ tiêu chủ yếu giai đoạn 2026–2028 như sau:" {
		t.Errorf("scopes %+v", ev[0].Scopes)
	}
}
