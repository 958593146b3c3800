package extract

import (
	"slices"
	"testing"
)

// TestOrgTailRules has one row per rule of orgTail: the organisation
// mentions a sentence gives with every rule, which must differ when the row's rule
// is left out.
func TestOrgTailRules(t *testing.T) {
	rows := []struct {
		rule, text string
		want       []string
	}{
		{"line break ends", "Ban Chỉ đạo chuyển đổi số\n\nSáng nay đoàn công tác đến thăm.", []string{"Ban Chỉ đạo chuyển đổi số"}},
		{"title ends", "Lãnh đạo Sở Tài chính Phó Giám đốc Lê Văn Bình phát biểu.", []string{"Sở Tài chính"}},
		{"person's name ends", "Theo UBND tỉnh Bình Định Trần Văn Lâm, dự án đúng hạn.", []string{"UBND tỉnh Bình Định"}},
		{"comma joins a capitalised list", "Phòng Viễn thông, Tin học và Cơ yếu được thành lập.", []string{"Phòng Viễn thông, Tin học và Cơ yếu"}},
		{"comma joins paired verbs", "Trung tâm Giám sát, điều hành đô thị thông minh đã vận hành.", []string{"Trung tâm Giám sát, điều hành đô thị thông minh"}},
		{"comma opens a topic list", "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Bình Định họp.", []string{"Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Bình Định"}},
		{"dash before an abbreviation closes", "Tập đoàn Bưu chính Viễn thông Việt Nam - VNPT.", []string{"Tập đoàn Bưu chính Viễn thông Việt Nam - VNPT"}},
		{"alias in brackets closes", "Trung tâm Chứng thực điện tử quốc gia (NEAC) cấp chứng thư.", []string{"Trung tâm Chứng thực điện tử quốc gia (NEAC)"}},
		{"dash joins a compound", "Tập đoàn Công nghiệp - Viễn thông Quân đội mở rộng mạng 5G.", []string{"Tập đoàn Công nghiệp - Viễn thông Quân đội"}},
		{"other punctuation ends", "Các đơn vị (Sở Tài chính) đã họp.", []string{"Sở Tài chính"}},
		{"numeral ends", "Công ty Minh Phát 5GX phát triển mạng.", []string{"Công ty Minh Phát"}},
		{"another organisation's head ends", "Sở Tài chính Sở Nội vụ cùng tham dự.", []string{"Sở Tài chính", "Sở Nội vụ"}},
		{"owned organisation's head joins", "Tổ giúp việc Ban chỉ đạo về chuyển đổi số của TP.HCM họp.", []string{"Tổ giúp việc Ban chỉ đạo về chuyển đổi số của TP.HCM", "Ban chỉ đạo về chuyển đổi số của TP.HCM"}},
		{"kind word inside the name joins", "Viện Chiến lược chuyển đổi số công bố báo cáo.", []string{"Viện Chiến lược chuyển đổi số"}},
		{"numbered programme with its place joins", "Tổ công tác triển khai Đề án 06 tỉnh Bình Định họp.", []string{"Tổ công tác triển khai Đề án 06 tỉnh Bình Định"}},
		{"programme a committee carries out joins", "Ban chỉ đạo thực hiện Đề án xây dựng đô thị thông minh họp.", []string{"Ban chỉ đạo thực hiện Đề án xây dựng đô thị thông minh"}},
		{"numbered document ends", "Chỉ thị của Bộ Chính trị và Kết luận số 12 được quán triệt.", []string{"Bộ Chính trị"}},
		{"capitalised word joins", "Ban Chỉ đạo Đô Thị Thông Minh phát triển hạ tầng mạng lưới viễn thông băng rộng di động tốc độ cao họp.", []string{"Ban Chỉ đạo Đô Thị Thông Minh phát triển hạ tầng mạng lưới viễn thông băng rộng"}},
		{"lower-case clause after a place prefix ends", "Ban Quản lý Khu Công nghệ cao thành phố xây dựng trung tâm dữ liệu.", []string{"Ban Quản lý Khu Công nghệ cao thành phố"}},
		{"place prefix and its place join", "UBND tỉnh Bình Định ban hành kế hoạch.", []string{"UBND tỉnh Bình Định"}},
		{"của or thuộc before an owner joins", "Ban Chỉ đạo 57 của tỉnh họp.", []string{"Ban Chỉ đạo 57 của tỉnh"}},
		{"other của or thuộc ends", "Sở Tài chính của mình đã chuẩn bị.", []string{"Sở Tài chính"}},
		{"và after a party committee ends", "Ban Thường vụ Tỉnh ủy và Thường trực Tỉnh ủy Bình Định họp.", []string{"Ban Thường vụ Tỉnh ủy", "Tỉnh ủy Bình Định"}},
		{"và closes a topic list", "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Bình Định họp.", []string{"Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Bình Định"}},
		{"và before a numbered document closes", "Ban Chỉ đạo về phát triển khoa học, công nghệ, chuyển đổi số và Đề án 06 họp.", []string{"Ban Chỉ đạo về phát triển khoa học, công nghệ, chuyển đổi số và Đề án 06"}},
		{"nhỏ và vừa joins", "Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam đề xuất giảm thuế.", []string{"Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam"}},
		{"và before a capitalised word joins", "Sở Thông tin và Truyền thông cho biết.", []string{"Sở Thông tin và Truyền thông"}},
		{"other và ends", "Sở Tài chính và ông Lê Văn Bình góp ý.", []string{"Sở Tài chính"}},
		{"khóa with its number joins", "Ban Chấp hành Đảng bộ tỉnh khóa XI họp.", []string{"Ban Chấp hành Đảng bộ tỉnh khóa XI"}},
		{"other khóa ends", "Ban Chấp hành Đảng bộ tỉnh khóa mới họp.", []string{"Ban Chấp hành Đảng bộ tỉnh"}},
		{"number after số closes", "Trung tâm dữ liệu quốc gia số 1 vận hành.", []string{"Trung tâm dữ liệu quốc gia số 1"}},
		{"number ends", "Kế hoạch của Sở Y tế 5 năm tới.", []string{"Sở Y tế"}},
		{"về ends a plain name", "Công ty Minh Phát về nước.", []string{"Công ty Minh Phát"}},
		{"stop word ends", "Sở Y tế nhận hồ sơ.", []string{"Sở Y tế"}},
		{"verb after a party committee ends", "Ban Thường vụ Tỉnh ủy lãnh đạo công tác chuyển đổi số.", []string{"Ban Thường vụ Tỉnh ủy"}},
		{"verb after a compound ends", "Sở Nông nghiệp và Môi trường xây dựng cơ sở dữ liệu.", []string{"Sở Nông nghiệp và Môi trường"}},
		{"chuyển đổi số joins", "Viện Chiến lược chuyển đổi số công bố báo cáo.", []string{"Viện Chiến lược chuyển đổi số"}},
		{"long lower-case run ends", "Ủy ban nhân dân thảo luận luật.", []string{"Ủy ban nhân dân"}},
		{"clause after a capitalised word ends", "Công ty Minh Phát tuyển dụng kỹ sư phần mềm mới.", []string{"Công ty Minh Phát"}},
		{"descriptive name's word limit ends", "Ban Chỉ đạo phát triển hạ tầng mạng lưới viễn thông băng rộng di động tốc độ cao khu vực nông thôn miền núi họp.", []string{"Ban Chỉ đạo phát triển hạ tầng mạng lưới viễn thông băng rộng"}},
	}
	named := map[string]bool{}
	for _, r := range rows {
		named[r.rule] = true
		got := orgMentions(r.text)
		if !slices.Equal(got, r.want) {
			t.Errorf("%s: %q gives %q, want %q", r.rule, r.text, got, r.want)
		}
		if !withoutTailRule(r.rule, func() {
			if without := orgMentions(r.text); slices.Equal(without, r.want) {
				t.Errorf("%s: %q gives %q without the rule too", r.rule, r.text, without)
			}
		}) {
			t.Errorf("no rule %q", r.rule)
		}
	}
	for _, group := range orgTailRules {
		for _, x := range *group {
			if !named[x.name] {
				t.Errorf("rule %q has no row", x.name)
			}
		}
	}
}

// withoutTailRule runs f with the named rule left out of orgTailRules; it
// reports false when there is no such rule.
func withoutTailRule(name string, f func()) bool {
	for _, group := range orgTailRules {
		all := *group
		if i := slices.IndexFunc(all, func(x tailRule) bool { return x.name == name }); i >= 0 {
			*group = slices.Concat(all[:i:i], all[i+1:])
			defer func() { *group = all }()
			f()
			return true
		}
	}
	return false
}

// orgMentions returns the organisation mentions findOrgs gives for text,
// before the names are merged and cleaned.
func orgMentions(text string) []string {
	text = toNFC(text)
	d := newDoc(text, tokenize(nil, text))
	var out []string
	for _, o := range d.findOrgs() {
		out = append(out, text[d.toks[o.start].start:d.toks[o.end-1].end])
	}
	return out
}
