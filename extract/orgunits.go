package extract

import "strings"

// hasUnitWord reports whether withoutUnitWords would drop a word of k.
func hasUnitWord(k []string) bool {
	for i := 1; i < len(k)-1; i++ {
		if k[i] == "tỉnh" || k[i] == "thành" && k[i+1] == "phố" && i < len(k)-2 {
			return true
		}
	}
	return false
}

// withoutUnitWords drops "tỉnh" and "thành phố" from the inside of a key,
// where they stand before a place name.
func withoutUnitWords(k []string) []string {
	var out []string
	for i := 0; i < len(k); i++ {
		switch {
		case i > 0 && i < len(k)-1 && k[i] == "tỉnh":
			continue
		case i > 0 && i < len(k)-2 && k[i] == "thành" && k[i+1] == "phố":
			i++
			continue
		}
		out = append(out, k[i])
	}
	return out
}

// mergeUnitWords merges "Sở TT&TT tỉnh Thái Nguyên" and "Sở TT&TT Thái
// Nguyên", keeping the fuller form.
func mergeUnitWords(list []*orgEntry) {
	var byPlain map[string]*orgEntry
	for _, a := range list {
		if !hasUnitWord(a.key) {
			continue
		}
		if byPlain == nil {
			byPlain = map[string]*orgEntry{}
		}
		pk := strings.Join(withoutUnitWords(a.key), keySep)
		if b, ok := byPlain[pk]; ok {
			b.ms = append(b.ms, a.ms...)
			a.gone = true
			continue
		}
		byPlain[pk] = a
	}
	for _, a := range list {
		if byPlain == nil || a.gone || hasUnitWord(a.key) {
			continue
		}
		if b, ok := byPlain[a.joined]; ok && b != a && !b.gone {
			a.ms = append(a.ms, b.ms...)
			a.name = b.name // the fuller form, with "tỉnh"
			b.gone = true
		}
	}
}
