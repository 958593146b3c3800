package normalize

import (
	"strings"
)

// numeric reads a token that starts with a digit (or "$" and a digit).
func (n *normalizer) numeric(sp *spoken, c string, nb neighbours) {
	if c[0] == '$' {
		n.numeric(sp, c[1:], nb)
		sp.add("đô la")
		return
	}
	if n.document(sp, c) || n.time(sp, c) || n.timeRange(sp, c) || n.numberRange(sp, c, nb) {
		return
	}
	parts, seps, tail := scanNumeric(c)
	n.numberParts(sp, parts, seps, tail, nb)
	n.tail(sp, tail)
}

// document reads a document number ("749/QĐ-TTg", "47/2020/NĐ-CP"): the
// number, the year after "năm", then the symbol expanded.
func (n *normalizer) document(sp *spoken, c string) bool {
	num, year, sym, ok := splitDocument(c)
	if !ok {
		return false
	}
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
	return true
}

// numberParts reads the digit groups of a number and the separators
// between them: a count, a date, a ratio, a decimal, a grouped thousand,
// or group by group.
func (n *normalizer) numberParts(sp *spoken, parts, seps []string, tail string, nb neighbours) {
	switch {
	case len(parts) == 1:
		n.count(sp, parts[0], nb)
	case len(parts) == 3 && seps[0] == seps[1] && seps[0] != "," && seps[0] != ":" && validDate(parts[0], parts[1], parts[2]):
		n.date(sp, parts[0], parts[1], parts[2], nb)
	case len(parts) == 2 && seps[0] == "/":
		n.slashPair(sp, parts[0], parts[1], nb)
	case len(parts) == 2 && (seps[0] == "-" || seps[0] == "–"):
		n.date(sp, parts[0], parts[1], "", nb)
	case len(parts) == 2 && seps[0] == ".":
		n.dotPair(sp, parts[0], parts[1], tail, nb)
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
			return
		}
		n.partByPart(sp, parts, seps)
	}
}

// dotPair reads "a.b": a thousand ("10.000"), a month and year after
// "tháng" ("tháng 3.2026"), a day and month ("ngày 18.1"; a two-digit day
// on its own is a date too), else a decimal read with "chấm".
func (n *normalizer) dotPair(sp *spoken, a, b, tail string, nb neighbours) {
	switch {
	case len(a) <= 3 && len(b) == 3:
		n.lx.integer(sp, a+b)
	case nb.prev1 == "tháng" && validMonth(a) && len(b) == 4:
		n.month(sp, a)
		sp.add("năm")
		n.lx.integer(sp, b)
	case validDayMonth(a, b) && tail == "" && !quantityWords[nb.next] && (dayContexts[nb.prev1] || len(a) == 2):
		n.date(sp, a, b, "", nb)
	default:
		n.lx.integer(sp, a)
		sp.add("chấm")
		n.lx.fraction(sp, b)
	}
}

// separatorWords are how the separators between digit groups are read
// when no other rule fits.
var separatorWords = map[string]string{".": "chấm", ",": "phẩy", "/": "trên", "-": "đến", "–": "đến"}

// partByPart reads digit groups one by one with their separators; a group
// after a comma is a fraction.
func (n *normalizer) partByPart(sp *spoken, parts, seps []string) {
	for i, p := range parts {
		if i > 0 {
			if w, ok := separatorWords[seps[i-1]]; ok {
				sp.add(w)
			}
			if seps[i-1] == "," {
				n.lx.fraction(sp, p)
				continue
			}
		}
		n.count(sp, p, neighbours{})
	}
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
func (n *normalizer) count(sp *spoken, d string, nb neighbours) {
	if len(d) > 1 && d[0] == '0' && (len(d) >= 4 || documentContexts[nb.prev1]) || len(d) >= 8 {
		// Codes, phone numbers and document numbers. Amounts that large
		// are written with thousands dots.
		digits(sp, d)
		return
	}
	v := atoiSmall(d)
	switch {
	case nb.prev1 == "tháng" && v == 4:
		sp.add("tư")
	case v > 0 && nb.prev1 == "thứ":
		n.ordinalOrCardinal(sp, uint64(v), nb)
	case (v == 1 || v == 2) && (nb.prev1 == "hạng" || nb.prev1 == "giải"):
		sp.add([...]string{"nhất", "nhì"}[v-1])
	default:
		n.lx.integer(sp, d)
	}
}
