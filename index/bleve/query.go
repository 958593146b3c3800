package bleve

import (
	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Boosts of the optional clauses that order text matches.
const (
	boostTitle  = 3 // a word of the query in the title
	boostSapo   = 1 // a word of the query in the lead
	boostExact  = 2 // a word spelt with the same diacritics as in the query, in the title or lead
	boostPhrase = 4 // the whole query as a phrase in the title or lead
)

// textQuery matches articles holding every word of text, folded, somewhere
// in fieldText; the optional clauses that order them look only at the
// short title and lead: words of the query there, words spelt exactly as in
// text there, and text as a phrase there. So a query costs one pass over
// the postings of its words in fieldText, and scoring never reads the
// long postings of common words with their diacritics. exact analyses text
// without folding. extra are further required clauses (filters); they do
// not score.
func textQuery(text string, exact analysis.Analyzer, extra []query.Query) query.Query {
	tokens := exact.Analyze([]byte(text))
	if len(tokens) == 0 {
		return blevesearch.NewMatchNoneQuery()
	}
	var must []query.Query
	var should []query.Query
	seen := map[string]bool{}
	for _, tok := range tokens {
		word := string(tok.Term)
		if seen[word] {
			continue
		}
		seen[word] = true
		folded := index.Fold(word)
		must = append(must, term(fieldText, folded))
		should = append(should, boosted(term(fieldTitle, folded), boostTitle), boosted(term(fieldSapo, folded), boostSapo))
		if folded != word {
			should = append(should, boosted(term(fieldTitle, word), boostExact), boosted(term(fieldSapo, word), boostExact))
		}
	}
	if len(seen) > 1 {
		for _, f := range []string{fieldTitle, fieldSapo} {
			p := blevesearch.NewMatchPhraseQuery(text)
			p.SetField(f)
			p.Analyzer = FoldAnalyzer
			p.SetBoost(boostPhrase)
			should = append(should, p)
		}
	}
	for _, f := range extra {
		must = append(must, boosted(f, 0))
	}
	b := blevesearch.NewBooleanQuery()
	b.AddMust(blevesearch.NewConjunctionQuery(must...))
	b.AddShould(should...)
	b.SetMinShould(0)
	return b
}

// boosted sets q's boost and returns it.
func boosted(q query.Query, boost float64) query.Query {
	if b, ok := q.(query.BoostableQuery); ok {
		b.SetBoost(boost)
	}
	return q
}
