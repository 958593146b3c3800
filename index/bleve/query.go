package bleve

import (
	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// textFields are the fields free text is matched against, with the boost a
// match in each earns.
var textFields = []struct {
	name  string
	boost float64
}{
	{fieldTitle, 3},
	{fieldSapo, 1.5},
	{fieldBody, 1},
	{fieldNames, 1.5},
}

// Boosts of the optional clauses that order text matches.
const (
	boostExact  = 2 // a word spelt with the same diacritics as in the query
	boostPhrase = 2 // the whole query as a phrase in the title or lead
)

// textQuery matches articles holding every word of text, folded, in any of
// the text fields; words spelt exactly as in text and the text as a phrase
// in the title or lead raise the score. exact analyses text without folding.
func textQuery(text string, exact analysis.Analyzer) query.Query {
	tokens := exact.Analyze([]byte(text))
	if len(tokens) == 0 {
		return blevesearch.NewMatchNoneQuery()
	}
	must := blevesearch.NewConjunctionQuery()
	var should []query.Query
	seen := map[string]bool{}
	for _, tok := range tokens {
		word := string(tok.Term)
		if seen[word] {
			continue
		}
		seen[word] = true
		folded := index.Fold(word)
		must.AddQuery(anyField(folded, 1))
		if folded != word {
			should = append(should, anyField(word, boostExact))
		}
	}
	if len(tokens) > 1 {
		for _, f := range []string{fieldTitle, fieldSapo} {
			p := blevesearch.NewMatchPhraseQuery(text)
			p.SetField(f)
			p.Analyzer = FoldAnalyzer
			p.SetBoost(boostPhrase)
			should = append(should, p)
		}
	}
	if len(should) == 0 {
		return must
	}
	b := blevesearch.NewBooleanQuery()
	b.AddMust(must)
	b.AddShould(should...)
	return b
}

// anyField matches term in any text field.
func anyField(term string, boost float64) query.Query {
	d := blevesearch.NewDisjunctionQuery()
	for _, f := range textFields {
		t := blevesearch.NewTermQuery(term)
		t.SetField(f.name)
		t.SetBoost(f.boost)
		d.AddQuery(t)
	}
	d.SetBoost(boost)
	return d
}
