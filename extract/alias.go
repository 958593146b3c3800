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
// "Thông tin và Truyền thông"): the form roles, organisations and places
// are compared in.
func matchKey(s string) []string {
	d := newDoc(s, tokenize(nil, s))
	return d.keysOf(nil, 0, len(d.toks))
}

// keysOf appends the match keys of tokens [s, e) to dst; with a nil dst
// the keys go to the document's arena, which lives as long as the call.
func (d *doc) keysOf(dst []string, s, e int) []string {
	if dst == nil && d.arena != nil {
		start := len(*d.arena)
		*d.arena = d.appendKeys(*d.arena, s, e)
		return (*d.arena)[start:len(*d.arena):len(*d.arena)]
	}
	return d.appendKeys(dst, s, e)
}

func (d *doc) appendKeys(dst []string, s, e int) []string {
	for i := s; i < e; i++ {
		if d.toks[i].is(fPunct) {
			continue
		}
		k := d.key(i)
		if k == "tp" && (d.is(i+1, "hcm") || d.punct(i+1, ".") && d.is(i+2, "hcm")) {
			continue
		}
		if exp, ok := aliasWords[k]; ok {
			dst = append(dst, exp...)
			continue
		}
		if k != "và" {
			dst = append(dst, k)
		}
	}
	return dst
}

var aliasWords = map[string][]string{}

func init() {
	for k, v := range aliases {
		var ws []string
		for _, w := range strings.Fields(v) {
			if w != "và" {
				ws = append(ws, w)
			}
		}
		aliasWords[k] = ws
	}
}

// sharedSyllables counts the syllables two keys have in common (as
// multisets).
func sharedSyllables(a, b []string) int {
	var small [64]bool
	var used []bool
	if len(b) <= len(small) {
		used = small[:len(b)]
	} else {
		used = make([]bool, len(b))
	}
	n := 0
	for _, x := range a {
		for j, y := range b {
			if !used[j] && x == y {
				used[j] = true
				n++
				break
			}
		}
	}
	return n
}

// subsetOf reports whether every syllable of a occurs in b.
func subsetOf(a, b []string) bool {
	return sharedSyllables(a, b) == len(a)
}
