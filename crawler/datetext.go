package crawler

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// This file reads dates written for people: as pages show them, and as
// URLs carry them.

var (
	// dmyRe finds day/month/year as Vietnamese pages print it: 4/11/2021,
	// 06-05-2025, 06.05.2025.
	dmyRe = regexp.MustCompile(`\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b`)
	// ymdRe finds 2025-05-06 or 2025/05/06 in visible text.
	ymdRe = regexp.MustCompile(`\b(\d{4})[/-](\d{1,2})[/-](\d{1,2})\b`)
	// hmRe finds a clock time: 17:12, 06:02:09, 17h12.
	hmRe = regexp.MustCompile(`\b(\d{1,2})\s*[:hH]\s*(\d{2})\b(?::(\d{2}))?`)
	// gmtRe finds an explicit offset: (GMT+7), GMT+07:00, UTC+7.
	gmtRe = regexp.MustCompile(`(?i)(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?`)
)

// parseVisibleDate reads a date as a page shows it to readers, such as
// "Thứ năm, 4/11/2021, 17:12 (GMT+7)", "06/05/2025 - 06:02" or
// "06:02 06/05/2025". Without an explicit GMT offset the time is Vietnam
// local time. A missing clock time means midnight.
func parseVisibleDate(s string) (time.Time, bool) {
	var y, mo, d int
	var rest string
	if m := dmyRe.FindStringSubmatchIndex(s); m != nil {
		d, _ = strconv.Atoi(s[m[2]:m[3]])
		mo, _ = strconv.Atoi(s[m[4]:m[5]])
		y, _ = strconv.Atoi(s[m[6]:m[7]])
		rest = s[:m[0]] + " " + s[m[1]:]
	} else if m := ymdRe.FindStringSubmatchIndex(s); m != nil {
		y, _ = strconv.Atoi(s[m[2]:m[3]])
		mo, _ = strconv.Atoi(s[m[4]:m[5]])
		d, _ = strconv.Atoi(s[m[6]:m[7]])
		rest = s[:m[0]] + " " + s[m[1]:]
	} else {
		return time.Time{}, false
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	loc := vnZone
	if m := gmtRe.FindStringSubmatch(rest); m != nil {
		h, _ := strconv.Atoi(m[2])
		mins, _ := strconv.Atoi(m[3])
		off := h*3600 + mins*60
		if m[1] == "-" {
			off = -off
		}
		loc = time.FixedZone("", off)
		rest = strings.Replace(rest, m[0], " ", 1)
	}
	hh, mm, ss := 0, 0, 0
	if m := hmRe.FindStringSubmatch(rest); m != nil {
		hh, _ = strconv.Atoi(m[1])
		mm, _ = strconv.Atoi(m[2])
		if m[3] != "" {
			ss, _ = strconv.Atoi(m[3])
		}
		if hh > 23 || mm > 59 || ss > 59 {
			hh, mm, ss = 0, 0, 0
		}
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, ss, 0, loc)
	if t.Day() != d {
		return time.Time{}, false
	}
	return plausible(t.In(vnZone))
}

var (
	// urlStampRe finds the publication stamp Dân trí, Tuổi Trẻ and others
	// put in article IDs: -20250505192841801.htm is 2025-05-05 19:28:41.
	urlStampRe = regexp.MustCompile(`(?:^|[-/])(20\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{0,4}\.html?$`)
	// urlPathDateRe finds /2025/05/06/ or /2025-05-06/ in a path.
	urlPathDateRe = regexp.MustCompile(`/(20\d{2})[/-](\d{2})[/-](\d{2})/`)
)

// dateFromURL reads a publication date encoded in an article URL; withTime
// says whether the URL gave the time of day too.
func dateFromURL(u string) (t time.Time, withTime, ok bool) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	if m := urlStampRe.FindStringSubmatch(u); m != nil {
		t := time.Date(n(m[1]), time.Month(n(m[2])), n(m[3]), n(m[4]), n(m[5]), n(m[6]), 0, vnZone)
		if t.Month() == time.Month(n(m[2])) && t.Day() == n(m[3]) && n(m[4]) < 24 && n(m[5]) < 60 {
			t, ok = plausible(t)
			return t, ok, ok
		}
	}
	if m := urlPathDateRe.FindStringSubmatch(u); m != nil {
		t := time.Date(n(m[1]), time.Month(n(m[2])), n(m[3]), 0, 0, 0, 0, vnZone)
		if t.Month() == time.Month(n(m[2])) && t.Day() == n(m[3]) {
			t, ok = plausible(t)
			return t, false, ok
		}
	}
	return time.Time{}, false, false
}
