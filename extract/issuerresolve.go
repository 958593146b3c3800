package extract

import "strings"

// councilIssuer names the UBND (or HĐND) a symbol points to: the one the
// text names, else the one of the article's main place.
func (d *doc) councilIssuer(code, mainPlace string, orgs []orgSpan) string {
	want := aliasWords[phraseKey(code)]
	for _, o := range orgs {
		if o.end > o.headEnd && prefixOf(want, d.keysOf(nil, o.start, o.headEnd)) {
			return d.span(o.start, o.end)
		}
	}
	if mainPlace != "" {
		return code + " " + provinceWithPrefix(mainPlace)
	}
	return code
}

// Centrally-run cities: their council is "UBND thành phố X".
var centralCities = map[string]bool{"hà nội": true, "hải phòng": true, "đà nẵng": true, "cần thơ": true,
	"huế": true, "thành phố hồ chí minh": true}

// provinceWithPrefix writes a province as an issuer's place: "tỉnh Bắc
// Ninh", "thành phố Hà Nội", "TP.HCM" as written.
func provinceWithPrefix(p string) string {
	keys := matchKey(p)
	if len(keys) > 0 && (keys[0] == "tỉnh" || keys[0] == "thành") {
		return p
	}
	if strings.HasPrefix(p, "TP") {
		return p
	}
	if centralCities[strings.Join(keys, " ")] {
		return "thành phố " + p
	}
	return "tỉnh " + p
}

// resolveIssuer completes an anaphoric issuer ("UBND tỉnh", "Tỉnh ủy",
// "HĐND thành phố") with the place: the one named organisation that spells
// it out in the text, else the text's only province.
func (d *doc) resolveIssuer(issuer, province string, orgs []orgSpan, orgKeys *[][]string) string {
	if issuer == "" {
		return issuer
	}
	switch issuer[strings.LastIndexByte(issuer, ' ')+1:] {
	case "tỉnh", "Tỉnh", "phố", "Phố", "TP", "ủy", "uỷ", "UBND", "HĐND":
	default:
		return issuer
	}
	want := matchKey(issuer)
	last := want[len(want)-1]
	anaphoric := last == "tỉnh" || last == "phố" || len(want) == 1 && (last == "tỉnh ủy" || last == "thành ủy")
	if len(want) >= 2 && (want[len(want)-2]+" "+last == "tỉnh ủy" || want[len(want)-2]+" "+last == "thành ủy") {
		anaphoric = len(want) == 2
	}
	if !anaphoric {
		return issuer
	}
	found := ""
	if *orgKeys == nil {
		// Keys of the organisations that end with a place, once per text.
		*orgKeys = make([][]string, len(orgs))
		for x, o := range orgs {
			if o.end-o.start >= 2 && d.endsWithPlace(o.start, o.end) {
				(*orgKeys)[x] = d.keysOf(nil, o.start, o.end)
			}
		}
	}
	for x, o := range orgs {
		keys := (*orgKeys)[x]
		if len(keys) <= len(want) || !prefixOf(want, keys) {
			continue
		}
		name := d.span(o.start, o.end)
		if found != "" && phraseKey(found) != phraseKey(name) {
			return issuer // several: do not guess
		}
		found = name
	}
	if found != "" {
		return found
	}
	if province != "" {
		if len(want) == 2 && (want[0]+" "+want[1] == "tỉnh ủy" || want[0]+" "+want[1] == "thành ủy") {
			return issuer + " " + province
		}
		if keys := matchKey(province); len(keys) > 0 && (keys[0] == "tỉnh" || keys[0] == "thành") {
			// The province carries its own prefix: "Sở Nội vụ thành phố"
			// + "TP.HCM" = "Sở Nội vụ TP.HCM".
			words := strings.Fields(issuer)
			n := 1
			if len(words) > 2 && phraseKey(words[len(words)-2]) == "thành" {
				n = 2
			}
			return strings.Join(words[:len(words)-n], " ") + " " + province
		}
		return issuer + " " + province
	}
	return issuer
}

// endsWithPlace reports whether the tokens [s, e) end with a place name.
func (d *doc) endsWithPlace(s, e int) bool {
	for t := s + 1; t < e; t++ {
		if _, n := d.placeAt(t); n > 0 && t+n == e {
			return true
		}
		if n := d.unlistedPlace(t); n > 0 && t+n == e {
			return true
		}
	}
	return false
}
