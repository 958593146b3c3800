package normalize

import (
	"strings"
	"unicode/utf8"
)

// splitDash cuts c at its first hyphen or en dash after the first byte.
func splitDash(c string) (left, right string, ok bool) {
	i := strings.IndexAny(c, "-–")
	if i <= 0 {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(c[i:])
	return c[:i], c[i+size:], true
}

// timeRange reads a span of clock times: "14h-16h30", "8-10h".
func (n *normalizer) timeRange(sp *spoken, c string) bool {
	left, right, ok := splitDash(c)
	if !ok || !isTime(right) || !(isTime(left) || isDigits(left)) {
		return false
	}
	if !n.time(sp, left) {
		n.lx.integer(sp, left)
	}
	sp.add("đến")
	n.time(sp, right)
	return true
}

// numberRange reads a span of numbers, "2021-2025", "30-60%", "1,5-2
// triệu", unless the dash joins the parts of a date ("20-3-2026", "ngày
// 20-3").
func (n *normalizer) numberRange(sp *spoken, c string, nb neighbours) bool {
	left, right, ok := splitDash(c)
	if !ok || !startsWithDigit(right) {
		return false
	}
	parts, seps, _ := scanNumeric(c)
	if len(parts) == 3 && seps[0] == seps[1] && validDate(parts[0], parts[1], parts[2]) ||
		len(parts) == 2 && dayContexts[nb.prev1] && validDayMonth(parts[0], parts[1]) {
		return false
	}
	n.numeric(sp, left, nb)
	sp.add("đến")
	n.numeric(sp, right, neighbours{})
	return true
}
