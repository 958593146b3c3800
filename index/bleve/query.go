package bleve

import (
	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// textTiers returns the queries that rank matches of text, best first; an
// article belongs to the first tier it matches, and each tier lists its
// articles newest first:
//
//  1. every word in the title spelt as in text (only when text has
//     diacritics, so "bàn" ranks above "bán");
//  2. every word in the title, folded;
//  3. every word in the lead, folded;
//  4. every word anywhere: title, lead, body or entity names (all matches).
//
// Every tier is a conjunction of terms, so a tier costs one intersection of
// postings and no scoring; the page is filled from the first tiers and the
// long postings of common words in the body are only intersected, never
// scored. exact analyses text without folding; no words gives nil.
func textTiers(text string, exact analysis.Analyzer) []query.Query {
	var words, folded []string
	seen := map[string]bool{}
	accents := false
	for _, tok := range exact.Analyze([]byte(text)) {
		w := string(tok.Term)
		if seen[w] {
			continue
		}
		seen[w] = true
		f := index.Fold(w)
		accents = accents || f != w
		words = append(words, w)
		if !seen["\x00"+f] {
			seen["\x00"+f] = true
			folded = append(folded, f)
		}
	}
	if len(words) == 0 {
		return nil
	}
	all := func(field string, terms []string) query.Query {
		qs := make([]query.Query, len(terms))
		for k, t := range terms {
			qs[k] = term(field, t)
		}
		if len(qs) == 1 {
			return qs[0]
		}
		return blevesearch.NewConjunctionQuery(qs...)
	}
	var tiers []query.Query
	if accents {
		tiers = append(tiers, all(fieldTitle, words))
	}
	return append(tiers, all(fieldTitle, folded), all(fieldSapo, folded), all(fieldText, folded))
}

// inTier restricts the articles matching filters to tier k of tiers: those
// matching tiers[k] and no earlier tier.
func inTier(tiers []query.Query, k int, filters []query.Query) query.Query {
	b := blevesearch.NewBooleanQuery()
	b.AddMust(blevesearch.NewConjunctionQuery(append([]query.Query{tiers[k]}, filters...)...))
	if k > 0 {
		b.AddMustNot(tiers[:k]...)
	}
	return b
}
