package extract

import "strings"

// aliases expands the abbreviations Vietnamese news uses for organisations,
// places and titles, so that written variants compare equal.
var aliases = map[string]string{
	"ubnd":     "ủy ban nhân dân",
	"hđnd":     "hội đồng nhân dân",
	"tp.hcm":   "thành phố hồ chí minh",
	"tphcm":    "thành phố hồ chí minh",
	"hcm":      "thành phố hồ chí minh",
	"tp":       "thành phố",
	"tt&tt":    "thông tin và truyền thông",
	"tttt":     "thông tin và truyền thông",
	"kh&cn":    "khoa học và công nghệ",
	"khcn":     "khoa học và công nghệ",
	"bch":      "ban chấp hành",
	"t.ư":      "trung ương",
	"tư":       "trung ương",
	"tw":       "trung ương",
	"đbqh":     "đại biểu quốc hội",
	"uvtv":     "ủy viên ban thường vụ",
	"uvbtv":    "ủy viên ban thường vụ",
	"uvbch":    "ủy viên ban chấp hành",
	"cntt":     "công nghệ thông tin",
	"gd&đt":    "giáo dục và đào tạo",
	"gdđt":     "giáo dục và đào tạo",
	"bcđ":      "ban chỉ đạo",
	"mttq":     "mặt trận tổ quốc",
	"ttg":      "thủ tướng",
	"cđs":      "chuyển đổi số",
	"kts":      "kinh tế số",
	"xhs":      "xã hội số",
	"bttt":     "bộ thông tin và truyền thông",
	"btttt":    "bộ thông tin và truyền thông",
	"ubqg":     "ủy ban quốc gia",
	"nn&ptnt":  "nông nghiệp và phát triển nông thôn",
	"lđtbxh":   "lao động thương binh và xã hội",
	"vh-tt&dl": "văn hóa thể thao và du lịch",
}

// matchKey returns the folded syllables of s with abbreviations expanded
// and punctuation and "và" dropped ("Thông tin - Truyền thông" =
// "Thông tin và Truyền thông"): the form roles, organisations and places are
// compared in.
func matchKey(s string) []string {
	toks := tokenize(nil, s)
	out := make([]string, 0, len(toks)+4)
	for i, t := range toks {
		if t.is(fPunct) {
			continue
		}
		k := string(appendFold(nil, s[t.start:t.end]))
		if k == "tp" && i+1 < len(toks) {
			nk := string(appendFold(nil, s[toks[i+1].start:toks[i+1].end]))
			if nk == "hcm" {
				continue
			}
			if nk == "." && i+2 < len(toks) && string(appendFold(nil, s[toks[i+2].start:toks[i+2].end])) == "hcm" {
				continue
			}
		}
		if exp, ok := aliases[k]; ok {
			for _, w := range strings.Fields(exp) {
				if w != "và" {
					out = append(out, w)
				}
			}
			continue
		}
		if k != "và" {
			out = append(out, k)
		}
	}
	return out
}

// sharedSyllables counts the syllables two keys have in common (as
// multisets).
func sharedSyllables(a, b []string) int {
	count := map[string]int{}
	for _, s := range a {
		count[s]++
	}
	n := 0
	for _, s := range b {
		if count[s] > 0 {
			count[s]--
			n++
		}
	}
	return n
}

// subsetOf reports whether every syllable of a occurs in b.
func subsetOf(a, b []string) bool {
	return sharedSyllables(a, b) == len(a)
}
