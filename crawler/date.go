package crawler

import (
	"strconv"
	"strings"
	"time"
)

// vnZone is Vietnam's time zone (no daylight saving).
var vnZone = time.FixedZone("+07:00", 7*60*60)

// isoLayouts are the machine-readable layouts found in JSON-LD, meta tags and
// datetime attributes. Layouts without a zone are read as Vietnam time.
var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05 Z07:00",
	"2006-01-02T15:04:05 -0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
}

var localLayouts = []string{
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.000",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006-01-02",
}

// parseMachineDate reads a machine-readable date. Times with a zone keep their
// instant; times without one are Vietnam local time. The result is expressed
// in +07:00.
func parseMachineDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if isDigits(s) && (len(s) == 10 || len(s) == 13) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			if len(s) == 13 {
				n /= 1000
			}
			return plausible(time.Unix(n, 0).In(vnZone))
		}
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t.In(vnZone))
		}
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, vnZone); err == nil {
			return plausible(t)
		}
	}
	// Some sites write a local time in visible form inside meta tags.
	return parseVisibleDate(s)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// plausible rejects dates outside the range Vietnamese online news can have:
// before 1997 or more than a day in the future.
func plausible(t time.Time) (time.Time, bool) {
	if t.Year() < 1997 || t.After(time.Now().Add(24*time.Hour)) {
		return time.Time{}, false
	}
	return t, true
}
