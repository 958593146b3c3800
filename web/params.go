package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"dxnews/index"
)

// vietnam is the zone dates without a time are read in (+07:00, no DST).
var vietnam = time.FixedZone("ICT", 7*60*60)

// maxTextParam bounds free-text parameters.
const maxTextParam = 300

// badParam is the message of a 400 for a bad parameter, naming it.
func badParam(e *index.ParamError) string {
	return fmt.Sprintf("bad parameter %q: %s", e.Param, e.Reason)
}

// textParam returns a trimmed, NFC-normalised free-text parameter.
func textParam(v url.Values, name string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if !utf8.ValidString(s) {
		return "", &index.ParamError{Param: name, Reason: "not valid UTF-8"}
	}
	if utf8.RuneCountInString(s) > maxTextParam {
		return "", &index.ParamError{Param: name, Reason: fmt.Sprintf("longer than %d characters", maxTextParam)}
	}
	return norm.NFC.String(s), nil
}

// intParam parses an optional integer parameter within [lo, hi].
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &index.ParamError{Param: name, Reason: fmt.Sprintf("%q is not a whole number", s)}
	}
	if n < lo || n > hi {
		return 0, &index.ParamError{Param: name, Reason: fmt.Sprintf("%d is outside %d..%d", n, lo, hi)}
	}
	return n, nil
}

// dateParam parses an optional YYYY-MM-DD parameter as the start of that day
// in Vietnam.
func dateParam(v url.Values, name string) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, vietnam)
	if err != nil {
		return time.Time{}, &index.ParamError{Param: name, Reason: fmt.Sprintf("%q is not a date in the form YYYY-MM-DD", s)}
	}
	return t, nil
}

// parseQuery reads the search parameters shared by /api/articles and
// /search; "facets" is a comma-separated list of index.FacetNames. Dates are midnight in Vietnam; index.Query takes a midnight "to"
// as the whole day. Bounds the index checks itself (paging window, "to"
// before "from") come back from Search as *index.ParamError.
func parseQuery(v url.Values) (index.Query, error) {
	var q index.Query
	var err error
	for _, f := range []struct {
		name string
		dst  *string
	}{
		{"q", &q.Text}, {"person", &q.Person}, {"org", &q.Org}, {"decision", &q.Decision},
		{"location", &q.Location}, {"source", &q.Source},
	} {
		if *f.dst, err = textParam(v, f.name); err != nil {
			return index.Query{}, err
		}
	}
	if q.From, err = dateParam(v, "from"); err != nil {
		return index.Query{}, err
	}
	if q.To, err = dateParam(v, "to"); err != nil {
		return index.Query{}, err
	}
	if q.Page, err = intParam(v, "page", 1, 1, index.MaxWindow); err != nil {
		return index.Query{}, err
	}
	if q.Size, err = intParam(v, "size", index.DefaultSize, 1, index.MaxSize); err != nil {
		return index.Query{}, err
	}
	if f := strings.TrimSpace(v.Get("facets")); f != "" {
		q.Facets = strings.Split(f, ",")
	}
	return q, nil
}
