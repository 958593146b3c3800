package resolve

import (
	"slices"
	"strings"

	"dxnews/index"
)

// bareCitation is a decision cited by number only, in the article doc.
type bareCitation struct {
	x    decisionMention
	doc  string
	date string
}

// decisions keys decisions by symbol. A citation with only a number joins
// the one decision with that number, preferring the same kind; when the
// number is ambiguous or unknown it stays a decision of its own, keyed by
// kind and number.
func (b *builder) decisions(docs []Doc) {
	bySymbol, numbers, bare := groupBySymbol(docs)
	byNumber := map[string]*decisionGroup{}
	for _, c := range bare {
		num := symbolKey(c.x.Number)
		cands := numbers[num]
		if len(cands) > 1 {
			same := slices.DeleteFunc(slices.Clone(cands), func(k string) bool {
				return b.fold(mostCommon(bySymbol[k].kinds)) != b.fold(c.x.Kind)
			})
			cands = same
		}
		if len(cands) == 1 {
			bySymbol[cands[0]].cite(c.x, c.doc, c.date)
			continue
		}
		k := b.fold(c.x.Kind) + " " + num
		dg := byNumber[k]
		if dg == nil {
			dg = &decisionGroup{}
			byNumber[k] = dg
		}
		dg.cite(c.x, c.doc, c.date)
	}
	for _, k := range sortedKeys(bySymbol) {
		b.emitDecision(bySymbol[k])
	}
	for _, k := range sortedKeys(byNumber) {
		b.emitDecision(byNumber[k])
	}
}

// groupBySymbol groups the citations that give a symbol by its key, with
// the symbol keys of each folded number, and returns the citations that
// give a number only.
func groupBySymbol(docs []Doc) (bySymbol map[string]*decisionGroup, numbers map[string][]string, bare []bareCitation) {
	bySymbol = map[string]*decisionGroup{}
	numbers = map[string][]string{} // folded number → symbol keys
	for i := range docs {
		d := &docs[i]
		date := d.date()
		for _, x := range d.Decisions {
			m := decisionMention{clean(x.Kind), clean(x.Number), clean(x.Symbol), clean(x.Issuer), x.Date, clean(x.Subject)}
			if m.Symbol == "" && m.Number == "" {
				continue // nothing to know it by
			}
			if m.Symbol == "" {
				bare = append(bare, bareCitation{m, d.ID, date})
				continue
			}
			k := symbolKey(m.Symbol)
			dg := bySymbol[k]
			if dg == nil {
				dg = &decisionGroup{}
				bySymbol[k] = dg
				num := symbolKey(firstNonEmpty(m.Number, leadingNumber(m.Symbol)))
				numbers[num] = append(numbers[num], k)
			}
			dg.cite(m, d.ID, date)
		}
	}
	return bySymbol, numbers, bare
}

// emitDecision adds the decision entity of a group of citations.
func (b *builder) emitDecision(dg *decisionGroup) {
	info := &DecisionInfo{
		Kind: mostCommon(dg.kinds), Symbol: dg.symbol, Number: dg.number,
		Issuer: mostCommon(dg.issuers), Date: dg.date, Subject: mostCommon(dg.subjects),
	}
	id := index.TypeDecision + "-" + slug(firstNonEmpty(info.Symbol, info.Kind+" "+info.Number))
	e := b.entity(index.TypeDecision, id, &dg.group)
	e.Name = strings.TrimSpace(info.Kind + " " + firstNonEmpty(info.Symbol, info.Number))
	e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool { return a == e.Name })
	for _, a := range []string{info.Number, info.Symbol, info.Kind + " " + info.Number} {
		if a = strings.TrimSpace(a); a != "" && a != e.Name && !slices.Contains(e.Aliases, a) {
			e.Aliases = append(e.Aliases, a)
		}
	}
	slices.Sort(e.Aliases)
	e.Decision = info
	b.add(e, symbolKey(info.Symbol), symbolKey(info.Number))
}
