package extract

import "strings"

// Symbol codes that name a document kind ("749/QĐ-TTg" is a Quyết định).
var kindCodes = map[string]string{
	"qđ": "Quyết định", "nq": "Nghị quyết", "nđ": "Nghị định", "ct": "Chỉ thị", "tt": "Thông tư",
	"kh": "Kế hoạch", "kl": "Kết luận", "hd": "Hướng dẫn", "tb": "Thông báo", "cv": "Công văn",
	"qđi": "Quy định", "ttlt": "Thông tư liên tịch",
}

// Symbol codes that name the issuer.
var issuerCodes = map[string]string{
	"ttg": "Thủ tướng Chính phủ", "cp": "Chính phủ", "tu": "Tỉnh ủy", "thu": "Thành ủy", "hu": "Huyện ủy",
	"ubnd": "UBND", "hđnd": "HĐND", "btttt": "Bộ Thông tin và Truyền thông", "bkhcn": "Bộ Khoa học và Công nghệ",
	"bnv": "Bộ Nội vụ", "btc": "Bộ Tài chính", "bca": "Bộ Công an", "bgdđt": "Bộ Giáo dục và Đào tạo",
	"byt": "Bộ Y tế", "nhnn": "Ngân hàng Nhà nước", "vpcp": "Văn phòng Chính phủ", "bkhđt": "Bộ Kế hoạch và Đầu tư",
	"bqp": "Bộ Quốc phòng", "btp": "Bộ Tư pháp", "bct": "Bộ Công Thương", "bxd": "Bộ Xây dựng",
}

// symbolParts splits "749/QĐ-TTg" into its number and codes.
func symbolParts(sym string) (num string, codes []string) {
	i := 0
	for i < len(sym) && sym[i] >= '0' && sym[i] <= '9' {
		i++
	}
	num = sym[:i]
	rest := sym[i:]
	codes = append(codes, strings.FieldsFunc(rest, func(r rune) bool { return r == '/' || r == '-' || r == '.' })...)
	return num, codes
}

// cleanSymbol normalises a written symbol: no spaces, common typos fixed.
func cleanSymbol(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	s = strings.ReplaceAll(s, "Ọ", "Q")
	s = strings.ReplaceAll(s, "ọ", "q")
	return s
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r > '9' && r != '/' && r != '-' && r != '.' {
			return true
		}
	}
	return false
}

// issuerFromSymbol names the issuer implied by a symbol's codes.
func issuerFromSymbol(kind, sym string) string {
	_, codes := symbolParts(sym)
	for k := len(codes) - 1; k >= 0; k-- {
		c := string(appendWordKey(nil, codes[k]))
		if c == "tw" {
			switch kind {
			case "Nghị quyết", "Kết luận":
				return "Bộ Chính trị"
			case "Chỉ thị", "Quyết định", "Quy định":
				return "Ban Chấp hành Trung ương"
			}
			return "Ban Chấp hành Trung ương"
		}
		if strings.HasPrefix(c, "qh") {
			return "Quốc hội"
		}
		if strings.HasPrefix(c, "bcđ") {
			return "Ban Chỉ đạo"
		}
		if v, ok := issuerCodes[c]; ok {
			return v
		}
	}
	return ""
}

var decisionKinds = newLexicon()

func init() {
	for _, k := range []string{"Quyết định", "Nghị quyết", "Nghị định", "Chỉ thị", "Thông tư", "Thông tư liên tịch",
		"Luật", "Kế hoạch", "Đề án", "Chương trình", "Chiến lược", "Công văn", "Kết luận", "Quy định",
		"Hướng dẫn", "Thông báo", "Pháp lệnh"} {
		decisionKinds.add(k, k, "")
	}
	// Abbreviated kinds: "QĐ số 749/QĐ-TTg", "NQ 57-NQ/TW".
	// "Văn bản số 845/SNV-CCVC": a numbered letter without a type code.
	decisionKinds.add("Văn bản", "Công văn", "")
	decisionKinds.add("QĐ", "Quyết định", "abbr")
	decisionKinds.add("NQ", "Nghị quyết", "abbr")
	decisionKinds.add("NĐ", "Nghị định", "abbr")
}

func isDecisionKind(d *doc, i int) bool {
	p, _ := d.kindAt(i)
	return p >= 0
}
