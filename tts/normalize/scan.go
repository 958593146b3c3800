package normalize

import (
	"strings"
	"unicode/utf8"
)

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
