package normalize

import (
	"strings"
	"unicode/utf8"
)

// Words before a number that make it a day ("ngày 20/3", "sáng 18.1").
var dayContexts = map[string]bool{
	"ngày": true, "mồng": true, "mùng": true, "hôm": true, "sáng": true, "chiều": true,
	"tối": true, "trưa": true, "đêm": true, "khuya": true, "rạng": true,
}

// Words before a number with leading zeros that make it a document number
// read digit by digit ("Đề án 06" → "không sáu").
var documentContexts = map[string]bool{
	"số": true, "án": true, "định": true, "quyết": true, "thị": true, "tư": true,
	"văn": true, "hoạch": true, "luận": true, "báo": true, "trình": true, "lệnh": true,
	"hiệu": true, "mã": true,
}

// Words after a number that make it a quantity, not a date ("10.5 triệu").
var quantityWords = map[string]bool{
	"triệu": true, "tỷ": true, "tỉ": true, "nghìn": true, "ngàn": true, "lần": true,
	"điểm": true, "phần": true, "km": true, "ha": true, "usd": true, "đồng": true,
}

// Nouns counted by a ratio: "10/12 tỉnh" is ten of twelve, not a date.
var countedNouns = map[string]bool{
	"tỉnh": true, "thành": true, "xã": true, "phường": true, "huyện": true, "quận": true,
	"người": true, "hộ": true, "đơn": true, "doanh": true, "sở": true, "bộ": true,
	"ngành": true, "cơ": true, "thành viên": true, "chỉ": true, "nhiệm": true, "trường": true,
	"bệnh": true, "dự": true, "thủ": true, "dịch": true, "địa": true, "học": true,
	"mục": true, "tiêu": true, "hồ": true, "lĩnh": true, "số": true, "câu": true,
	"đội": true, "đại": true, "phiếu": true, "cán": true, "công": true, "thôn": true,
	"bản": true, "làng": true, "ấp": true, "khu": true, "tổ": true, "nhóm": true,
}

// numeric reads a token that starts with a digit (or "$" and a digit).
func (n *normalizer) numeric(sp *spoken, c string, ctx context) {
	if c[0] == '$' {
		n.numeric(sp, c[1:], ctx)
		sp.add("đô la")
		return
	}
	if num, year, sym, ok := splitDocument(c); ok {
		if len(num) > 1 && num[0] == '0' {
			digits(sp, num)
		} else {
			n.lx.integer(sp, num)
		}
		if year != "" {
			sp.add("năm")
			n.lx.integer(sp, year)
		}
		sp.add(n.compound(sym, true))
		return
	}
	if n.time(sp, c) {
		return
	}
	if i := strings.IndexAny(c, "-–"); i > 0 {
		_, size := utf8.DecodeRuneInString(c[i:])
		left, right := c[:i], c[i+size:]
		if isTime(right) && (isTime(left) || isDigits(left)) {
			// "14h-16h30", "8-10h"
			if !n.time(sp, left) {
				n.lx.integer(sp, left)
			}
			sp.add("đến")
			n.time(sp, right)
			return
		}
	}
	if i := strings.IndexAny(c, "-–"); i > 0 {
		_, size := utf8.DecodeRuneInString(c[i:])
		left, right := c[:i], c[i+size:]
		parts, seps, _ := scanNumeric(c)
		dashDate := len(parts) == 3 && seps[0] == seps[1] && validDate(parts[0], parts[1], parts[2]) ||
			len(parts) == 2 && dayContexts[ctx.prev1] && validDayMonth(parts[0], parts[1])
		if startsWithDigit(right) && !dashDate {
			// "2021-2025", "30-60%", "1,5-2 triệu"
			n.numeric(sp, left, ctx)
			sp.add("đến")
			n.numeric(sp, right, context{})
			return
		}
	}
	parts, seps, tail := scanNumeric(c)
	switch {
	case len(parts) == 1:
		n.count(sp, parts[0], ctx)
	case len(parts) == 3 && seps[0] == seps[1] && seps[0] != "," && seps[0] != ":" && validDate(parts[0], parts[1], parts[2]):
		n.date(sp, parts[0], parts[1], parts[2], ctx)
	case len(parts) == 2 && seps[0] == "/":
		n.slashPair(sp, parts[0], parts[1], ctx)
	case len(parts) == 2 && (seps[0] == "-" || seps[0] == "–"):
		n.date(sp, parts[0], parts[1], "", ctx)
	case len(parts) == 2 && seps[0] == ".":
		a, b := parts[0], parts[1]
		switch {
		case len(a) <= 3 && len(b) == 3:
			n.lx.integer(sp, a+b)
		case ctx.prev1 == "tháng" && validMonth(a) && len(b) == 4:
			n.month(sp, a)
			sp.add("năm")
			n.lx.integer(sp, b)
		case validDayMonth(a, b) && tail == "" && !quantityWords[ctx.next] && (dayContexts[ctx.prev1] || len(a) == 2):
			// "ngày 18.1"; a two-digit day on its own is a date too
			n.date(sp, a, b, "", ctx)
		default:
			n.lx.integer(sp, a)
			sp.add("chấm")
			n.lx.fraction(sp, b)
		}
	case len(parts) == 2 && seps[0] == ",":
		n.lx.integer(sp, parts[0])
		sp.add("phẩy")
		n.lx.fraction(sp, parts[1])
	default:
		if whole, frac, ok := grouped(parts, seps); ok {
			n.lx.integer(sp, whole)
			if frac != "" {
				sp.add("phẩy")
				n.lx.fraction(sp, frac)
			}
			break
		}
		for i, p := range parts {
			if i > 0 {
				switch seps[i-1] {
				case ".":
					sp.add("chấm")
				case ",":
					sp.add("phẩy")
				case "/":
					sp.add("trên")
				case "-", "–":
					sp.add("đến")
				}
				if seps[i-1] == "," {
					n.lx.fraction(sp, p)
					continue
				}
			}
			n.count(sp, p, context{})
		}
	}
	n.tail(sp, tail)
}

// tail reads what follows the number in the same token: "%", a unit, a
// letter ("5G"), or anything else part by part.
func (n *normalizer) tail(sp *spoken, t string) {
	if t == "" {
		return
	}
	if t == "k" || t == "K" {
		sp.add(n.lx.thousand)
		return
	}
	if u, ok := units[t]; ok {
		sp.add(u)
		return
	}
	if s, ok := abbreviations[t]; ok {
		sp.add(s)
		return
	}
	if i := strings.IndexByte(t, '/'); i > 0 {
		// "đ/tháng", "triệu/người"
		n.tail(sp, t[:i])
		right := t[i+1:]
		if perWords[right] {
			sp.add("mỗi")
		} else {
			sp.add("trên")
		}
		n.tail(sp, right)
		return
	}
	if t[0] == '-' || t[0] == '/' {
		t = t[1:]
	}
	if allLetters(t) {
		s, _ := expandWord(t, false)
		if isAcronym(t) && s == t {
			s = spell(t)
		}
		sp.add(s)
		return
	}
	sp.add(n.compound(t, false))
}

// count reads a bare digit string in context: ordinals after "thứ",
// April after "tháng", leading zeros digit by digit in document numbers
// and long codes, ignored elsewhere ("04 phiên").
func (n *normalizer) count(sp *spoken, d string, ctx context) {
	if len(d) > 1 && d[0] == '0' && (len(d) >= 4 || documentContexts[ctx.prev1]) || len(d) >= 8 {
		// Codes, phone numbers and document numbers. Amounts that large
		// are written with thousands dots.
		digits(sp, d)
		return
	}
	v := atoiSmall(d)
	switch {
	case ctx.prev1 == "tháng" && v == 4:
		sp.add("tư")
	case v > 0 && ctx.prev1 == "thứ":
		n.ordinalOrCardinal(sp, uint64(v), ctx)
	case (v == 1 || v == 2) && (ctx.prev1 == "hạng" || ctx.prev1 == "giải"):
		sp.add([...]string{"nhất", "nhì"}[v-1])
	default:
		n.lx.integer(sp, d)
	}
}

func (n *normalizer) month(sp *spoken, m string) {
	if atoiSmall(m) == 4 {
		sp.add("tư")
		return
	}
	n.lx.integer(sp, m)
}

// date reads day, month and optional year, adding "ngày" unless the text
// already has it.
func (n *normalizer) date(sp *spoken, d, m, y string, ctx context) {
	if ctx.prev1 != "ngày" && ctx.prev1 != "mồng" && ctx.prev1 != "mùng" {
		sp.add("ngày")
	}
	n.lx.integer(sp, d)
	sp.add("tháng")
	n.month(sp, m)
	if y != "" {
		sp.add("năm")
		n.lx.integer(sp, y)
	}
}

// slashPair reads a/b as a date, a month and year, a quarter and year, a
// fraction or a ratio.
func (n *normalizer) slashPair(sp *spoken, a, b string, ctx context) {
	av, bv := atoiSmall(a), atoiSmall(b)
	year := len(b) == 4 && bv >= 1900 && bv <= 2200
	switch {
	case ctx.prev1 == "quý" && year:
		n.lx.integer(sp, a)
		sp.add("năm")
		n.lx.integer(sp, b)
	case ctx.prev1 == "tháng" && validMonth(a) && (year || len(b) == 2):
		n.month(sp, a)
		sp.add("năm")
		n.lx.integer(sp, b)
	case a == "24" && b == "7":
		n.lx.integer(sp, a)
		sp.add("trên")
		n.lx.integer(sp, b)
	case dayContexts[ctx.prev1] && validDayMonth(a, b):
		n.date(sp, a, b, "", ctx)
	case validMonth(a) && year:
		sp.add("tháng")
		n.month(sp, a)
		sp.add("năm")
		n.lx.integer(sp, b)
	case validDayMonth(a, b) && !(av < bv && bv <= 10) && !countedNouns[ctx.next]:
		n.date(sp, a, b, "", ctx)
	case av > 0 && av < bv && bv <= 10:
		n.lx.integer(sp, a)
		sp.add("phần")
		n.lx.integer(sp, b)
	default:
		n.count(sp, a, ctx)
		sp.add("trên")
		n.lx.integer(sp, b)
	}
}

// time reads "14h30", "14h", "8g15", "14:30" and "14h30'" and reports
// whether c was a time.
func (n *normalizer) time(sp *spoken, c string) bool {
	h, m, ok := parseTime(c)
	if !ok {
		return false
	}
	n.lx.integer(sp, h)
	sp.add("giờ")
	if atoiSmall(m) > 0 {
		n.lx.integer(sp, m)
		sp.add("phút")
	}
	return true
}

func isTime(c string) bool {
	_, _, ok := parseTime(c)
	return ok
}

func parseTime(c string) (h, m string, ok bool) {
	i := 0
	for i < len(c) && i < 3 && c[i] >= '0' && c[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 || i == len(c) {
		return "", "", false
	}
	sep := c[i]
	if sep != 'h' && sep != 'H' && sep != 'g' && sep != ':' {
		return "", "", false
	}
	h = c[:i]
	rest := c[i+1:]
	j := 0
	for j < len(rest) && j < 3 && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	if j == 1 || j > 2 || (sep == ':' && j != 2) {
		return "", "", false
	}
	m = rest[:j]
	switch rest[j:] {
	case "", "'", "p", "ph", "phút":
	default:
		return "", "", false
	}
	if atoiSmall(h) > 24 || (m != "" && atoiSmall(m) > 59) {
		return "", "", false
	}
	return h, m, true
}

// splitDocument splits a document symbol: "749/QĐ-TTg" → 749, "",
// "QĐ-TTg"; "47/2020/NĐ-CP" → 47, 2020, "NĐ-CP"; "57-NQ/TW" → 57, "",
// "NQ/TW".
func splitDocument(c string) (num, year, sym string, ok bool) {
	i := 0
	for i < len(c) && c[i] >= '0' && c[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(c) || (c[i] != '/' && c[i] != '-') {
		return "", "", "", false
	}
	num, rest := c[:i], c[i+1:]
	if len(rest) > 5 && isDigits(rest[:4]) && (rest[4] == '/' || rest[4] == '-') {
		year, rest = rest[:4], rest[5:]
	}
	if !startsWithUpper(rest) {
		return "", "", "", false
	}
	if _, isUnit := units[rest]; isUnit {
		return "", "", "", false
	}
	return num, year, rest, true
}

// scanNumeric splits c into digit runs joined by single separators and
// the tail that follows: "1.234,5%" → [1 234 5], [. ,], "%".
func scanNumeric(c string) (parts, seps []string, tail string) {
	i := 0
	for {
		j := i
		for j < len(c) && c[j] >= '0' && c[j] <= '9' {
			j++
		}
		parts = append(parts, c[i:j])
		if j == len(c) {
			return parts, seps, ""
		}
		r, size := utf8.DecodeRuneInString(c[j:])
		if strings.ContainsRune(".,/-–:", r) && j+size < len(c) && c[j+size] >= '0' && c[j+size] <= '9' {
			seps = append(seps, c[j:j+size])
			i = j + size
			continue
		}
		return parts, seps, c[j:]
	}
}

// grouped recognises thousands separated by dots with an optional decimal
// comma: "1.000.000", "1.234,56".
func grouped(parts, seps []string) (whole, frac string, ok bool) {
	if len(parts[0]) > 3 {
		return "", "", false
	}
	last := len(parts)
	if seps[len(seps)-1] == "," {
		frac = parts[len(parts)-1]
		last--
	}
	var b strings.Builder
	b.WriteString(parts[0])
	for i := 1; i < last; i++ {
		if seps[i-1] != "." || len(parts[i]) != 3 {
			return "", "", false
		}
		b.WriteString(parts[i])
	}
	return b.String(), frac, true
}

func validMonth(m string) bool {
	v := atoiSmall(m)
	return len(m) <= 2 && v >= 1 && v <= 12
}

func validDayMonth(d, m string) bool {
	v := atoiSmall(d)
	return len(d) <= 2 && v >= 1 && v <= 31 && validMonth(m)
}

func validDate(d, m, y string) bool {
	return validDayMonth(d, m) && (len(y) == 4 || len(y) == 2)
}
