package resolve

import (
	"slices"
	"strings"
)

// Family is a metric family goals are grouped in to compare places.
type Family struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Unit  string `json:"unit"`
}

// FamilyOther holds every goal no rule recognises; such goals are kept.
const FamilyOther = "other"

// Families lists the metric families in display order, "other" last.
var Families = []Family{
	{"digital-economy-share", "Tỷ trọng kinh tế số trong GRDP/GDP", "% GRDP"},
	{"digital-economy-sector", "Tỷ trọng kinh tế số trong từng ngành", "%"},
	{"e-commerce", "Thương mại điện tử trong tổng mức bán lẻ", "%"},
	{"labour-productivity", "Năng suất lao động", "%/năm"},
	{"online-public-services", "Dịch vụ công trực tuyến", "% thủ tục"},
	{"online-processing", "Hồ sơ xử lý trực tuyến", "% hồ sơ"},
	{"digitised-records", "Số hóa hồ sơ, kết quả thủ tục", "%"},
	{"paperless-government", "Hồ sơ công việc trên môi trường mạng", "%"},
	{"connectivity", "Cáp quang và phủ sóng di động", "%"},
	{"smartphones-accounts", "Điện thoại thông minh và tài khoản thanh toán", "% người trưởng thành"},
	{"digital-identity", "Định danh điện tử và chữ ký số", "% hoặc số lượng"},
	{"digital-skills", "Kỹ năng số và nhân lực số", "%"},
	{"enterprises", "Doanh nghiệp số", "số lượng hoặc %"},
	{"cashless-payments", "Thanh toán không dùng tiền mặt", "% giao dịch"},
	{"research", "Nghiên cứu và phát triển, khoa học công nghệ", "% GDP hoặc ngân sách"},
	{"rankings", "Xếp hạng (DTI, EGDI, GII…)", "thứ hạng"},
	{"data", "Cơ sở dữ liệu và dữ liệu mở", "%"},
	{FamilyOther, "Khác", ""},
}

// FamilyByID returns the family with the given ID.
func FamilyByID(id string) (Family, bool) {
	for _, f := range Families {
		if f.ID == id {
			return f, true
		}
	}
	return Family{}, false
}

// familyRule assigns a family when every "all" word group matches (one
// alternative of each) and no "not" phrase does. Rules are tried in order.
type familyRule struct {
	family string
	all    [][]string
	not    []string
}

// Phrases are folded (no diacritics, lower case), matched as substrings of
// the folded metric with its value.
var familyRules = []familyRule{
	{"digital-economy-sector", [][]string{{"kinh te so"}, {"tung nganh", "moi nganh", "nganh, linh vuc"}}, nil},
	{"digital-skills", [][]string{{"nhan luc", "ky nang so", "lao dong duoc dao tao"}}, []string{"nang suat"}},
	{"digital-economy-share", [][]string{{"kinh te so"}, {"grdp", "gdp", "ty trong"}}, []string{"thuong mai dien tu"}},
	{"e-commerce", [][]string{{"thuong mai dien tu"}}, nil},
	{"labour-productivity", [][]string{{"nang suat lao dong"}}, nil},
	{"cashless-payments", [][]string{{"khong dung tien mat"}}, nil},
	{"smartphones-accounts", [][]string{{"dien thoai thong minh", "smartphone", "tai khoan thanh toan", "tai khoan giao dich"}}, nil},
	{"digital-identity", [][]string{{"dinh danh", "chu ky so", "danh tinh so", "can cuoc", "vneid"}}, nil},
	{"online-processing", [][]string{{"ho so"}, {"truc tuyen", "qua dich vu cong"}}, []string{"so hoa"}},
	{"online-public-services", [][]string{{"dich vu cong", "thu tuc hanh chinh"}, {"truc tuyen", "toan trinh", "muc do 4"}}, nil},
	{"digitised-records", [][]string{{"so hoa", "ket qua giai quyet"}}, nil},
	{"paperless-government", [][]string{{"moi truong mang", "khong giay", "van ban dien tu", "ho so cong viec"}}, nil},
	{"connectivity", [][]string{{"cap quang", "bang rong", "bang thong rong", "phu song", "4g", "5g", "co song"}}, nil},
	{"enterprises", [][]string{{"doanh nghiep", "nen tang so"}}, nil},
	{"research", [][]string{{"nghien cuu", "khoa hoc", "r&d", "doi moi sang tao"}}, nil},
	{"rankings", [][]string{{"nhom", "top", "xep hang", "chi so", "dti", "egdi", "gii"}}, nil},
	{"data", [][]string{{"co so du lieu", "du lieu mo", "du lieu"}}, nil},
}

// FamilyOf classifies a goal's metric wording into a metric family;
// anything unrecognised is FamilyOther.
func FamilyOf(metric string) string {
	// The written words and, after them, the same with abbreviations
	// expanded ("KTS" → kinh tế số).
	f := fold(metric)
	if k := fold(keyOrEmpty(metric)); k != "" && k != f {
		f += " | " + k
	}
	if f == "" {
		return FamilyOther
	}
rules:
	for _, r := range familyRules {
		if containsAny(f, r.not) {
			continue
		}
		for _, group := range r.all {
			if !containsAny(f, group) {
				continue rules
			}
		}
		return r.family
	}
	return FamilyOther
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	return slices.ContainsFunc(subs, func(sub string) bool { return strings.Contains(s, sub) })
}
