package resolve

import (
	"cmp"
	"strings"
)

// symbolKey is the comparison form of a decision symbol: folded, spaces
// dropped, "/" and "-" alike ("749/QĐ-TTg", "749/qđ-ttg" and
// "57-NQ/TW", "57-NQ-TW" agree).
func symbolKey(s string) string {
	return symbolSeps.Replace(fold(s))
}

var symbolSeps = strings.NewReplacer(" ", "", "/", "-")

// decisionGroup gathers the citations of one decision.
type decisionGroup struct {
	group
	kinds, issuers, subjects map[string]int
	symbol, number, date     string
}

func (dg *decisionGroup) cite(x decisionMention, docID, date string) {
	if dg.kinds == nil {
		dg.kinds, dg.issuers, dg.subjects = map[string]int{}, map[string]int{}, map[string]int{}
	}
	name := strings.TrimSpace(x.Kind + " " + firstNonEmpty(x.Symbol, x.Number))
	dg.add(name, docID, date)
	// The kind is what the symbol's own citations say: "Chương trình 749"
	// names the programme a Quyết định 749/QĐ-TTg approved.
	if x.Symbol != "" || dg.symbol == "" {
		dg.kinds[x.Kind]++
	}
	if x.Issuer != "" {
		dg.issuers[x.Issuer]++
	}
	if x.Subject != "" {
		dg.subjects[x.Subject]++
	}
	dg.date = cmp.Or(dg.date, x.Date)
	dg.symbol = cmp.Or(dg.symbol, x.Symbol)
	dg.number = cmp.Or(dg.number, x.Number)
}

type decisionMention struct {
	Kind, Number, Symbol, Issuer, Date, Subject string
}

// mostCommon returns the key seen most often, the longest on a tie.
func mostCommon(m map[string]int) string {
	best, n := "", -1
	for k, c := range m {
		if c > n || (c == n && (len(k) > len(best) || (len(k) == len(best) && k < best))) {
			best, n = k, c
		}
	}
	return best
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

// leadingNumber returns the digits a symbol starts with ("749/QĐ-TTg" → "749").
func leadingNumber(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}
