package extract

import (
	"cmp"
	"strings"

	"dxnews/article"
)

// decisionRef is one written reference to a numbered document.
type decisionRef struct {
	kind, number, symbol string
	start, end           int // token range of "Quyết định số 749/QĐ-TTg"
}

// decisionFinder carries what findDecisions needs from one document to
// the next.
type decisionFinder struct {
	d               *doc
	mainPlace       string
	orgs            []orgSpan
	orgKeys         [][]string // match keys of orgs, filled on first need
	lastDecisionEnd int
}

// findDecisions returns every numbered document, references to the same
// kind and number merged.
func (d *doc) findDecisions(mainPlace string, orgs []orgSpan) []article.Decision {
	f := decisionFinder{d: d, mainPlace: mainPlace, orgs: orgs, lastDecisionEnd: -1}
	resolved := map[string]string{} // issuer as written → as resolved, one answer per text
	var out []article.Decision
	index := map[string]int{}
	oi := 0 // first organisation that may hold the next document
	for i := 0; i < len(d.toks); i++ {
		ref, ok := d.decisionAt(i)
		if !ok {
			continue
		}
		i = ref.end - 1
		for oi < len(orgs) && orgs[oi].end <= ref.start {
			oi++
		}
		if d.committeeHolds(orgs, oi, ref.start, ref.end) {
			continue // "Ban Chỉ đạo … chuyển đổi số và Đề án 06": part of a name
		}
		dec := f.decision(ref, resolved)
		m := article.Mention{Start: int(d.toks[ref.start].start), End: int(d.toks[ref.end-1].end)}
		key := ref.kind + "|" + strings.TrimLeft(ref.number, "0")
		if at, seen := index[key]; seen {
			mergeDecision(&out[at], dec, m)
			continue
		}
		dec.Mentions = []article.Mention{m}
		index[key] = len(out)
		out = append(out, dec)
	}
	return out
}

// decision reads the date, issuer and subject around the reference; the
// caller adds its mention. Issuers are resolved once per text, through
// resolved.
func (f *decisionFinder) decision(ref decisionRef, resolved map[string]string) article.Decision {
	d := f.d
	dec := article.Decision{Kind: ref.kind, Number: ref.number, Symbol: ref.symbol}
	k := d.dateAndIssuerAfter(ref.end, &dec)
	// Date and issuer before: "ngày 5-8-2022, UBND tỉnh ban hành Kế hoạch …".
	if dec.Issuer == "" {
		dec.Issuer = d.issuerBefore(ref.start, f.lastDecisionEnd)
	}
	if dec.Date == "" {
		dec.Date = d.dateBefore(ref.start, f.lastDecisionEnd)
	}
	if dec.Issuer == "" && ref.symbol != "" {
		dec.Issuer = issuerFromSymbol(ref.kind, ref.symbol)
		if dec.Issuer == "UBND" || dec.Issuer == "HĐND" {
			dec.Issuer = d.councilIssuer(dec.Issuer, f.mainPlace, f.orgs)
		}
	}
	r, ok := resolved[dec.Issuer]
	if !ok {
		r = d.resolveIssuer(dec.Issuer, f.mainPlace, f.orgs, &f.orgKeys)
		resolved[dec.Issuer] = r
	}
	dec.Issuer = r
	dec.Subject = d.subjectAt(k)
	f.lastDecisionEnd = ref.end
	return dec
}

// dateAndIssuerAfter reads the date and "của"/"do" issuer after a
// document's number ending at k into dec, and returns where its subject
// may start.
func (d *doc) dateAndIssuerAfter(k int, dec *article.Decision) int {
	for step := 0; step < 3 && k < len(d.toks); step++ {
		before := k
		if d.punct(k, ",") {
			k++
		}
		if iso, n := d.dateAt(k); n > 0 && dec.Date == "" {
			dec.Date = iso
			k += n
			continue
		}
		if d.isAny(k, "của", "do") {
			if e, issuer := d.issuerAt(k + 1); e > 0 {
				dec.Issuer = issuer
				k = e
				continue
			}
		}
		return before // leave the comma to the subject reader
	}
	return k
}

// mergeDecision adds another reference to the same document: its mention
// m, and what the first references left out.
func mergeDecision(o *article.Decision, dec article.Decision, m article.Mention) {
	o.Mentions = append(o.Mentions, m)
	o.Symbol = cmp.Or(o.Symbol, dec.Symbol)
	o.Issuer = cmp.Or(o.Issuer, dec.Issuer)
	o.Date = cmp.Or(o.Date, dec.Date)
	o.Subject = cmp.Or(o.Subject, dec.Subject)
}

// committeeHolds reports whether the name of a committee among orgs[from:]
// (in text order) holds the tokens [s, e) after its start.
func (d *doc) committeeHolds(orgs []orgSpan, from, s, e int) bool {
	for k := from; k < len(orgs) && k < from+3; k++ {
		o := orgs[k]
		if o.start < s && o.end >= e && o.committee != 0 {
			return true
		}
	}
	return false
}
