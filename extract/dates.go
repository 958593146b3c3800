package extract

import (
	"strconv"
	"strings"
)

// dateAt parses a full date starting at token i: "24/9/2021", "31-3-2022",
// "6.1.2022" or "06 tháng 5 năm 2022" (optionally after "ngày"). It returns
// the ISO date and the number of tokens used.
func (d *doc) dateAt(i int) (string, int) {
	skip := 0
	if d.is(i, "ngày") {
		skip = 1
		i++
	}
	if i >= len(d.toks) || !d.toks[i].is(fNum) {
		return "", 0
	}
	w := d.word(i)
	if parts := splitDate(w); len(parts) == 3 {
		if iso := isoDate(parts[0], parts[1], parts[2]); iso != "" {
			return iso, skip + 1
		}
		return "", 0
	}
	if d.is(i+1, "tháng") && i+4 < len(d.toks) && d.toks[i+2].is(fNum) && d.is(i+3, "năm") && d.toks[i+4].is(fNum) {
		if iso := isoDate(w, d.word(i+2), d.word(i+4)); iso != "" {
			return iso, skip + 5
		}
	}
	return "", 0
}

func splitDate(w string) []string {
	for _, sep := range []string{"/", "-", "."} {
		if strings.Count(w, sep) == 2 {
			return strings.Split(w, sep)
		}
	}
	return nil
}

func isoDate(ds, ms, ys string) string {
	day, ok1 := atoi(ds)
	mon, ok2 := atoi(ms)
	year, ok3 := atoi(ys)
	if !ok1 || !ok2 || !ok3 || day < 1 || day > 31 || mon < 1 || mon > 12 || year < 1945 || year > 2100 {
		return ""
	}
	return strconv.Itoa(year) + "-" + pad2(mon) + "-" + pad2(day)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// yearValue returns the year a token names (1945..2100) or 0.
func yearValue(w string) int {
	if len(w) != 4 {
		return 0
	}
	y, ok := atoi(w)
	if !ok || y < 1945 || y > 2100 {
		return 0
	}
	return y
}

// atoi parses a short unsigned decimal number without allocating.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
