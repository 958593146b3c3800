package bleve

import (
	"fmt"

	"dxnews/index"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names under which the analysis chain is registered with Bleve. They are
// stored in every on-disk index's mapping, so they must not change.
const (
	// FoldFilter is the token filter that removes Vietnamese diacritics.
	FoldFilter = "dxnews_vi_fold"
	// FoldAnalyzer splits on Unicode word boundaries, lower-cases and folds:
	// "Chuyển đổi số" gives chuyen, doi, so.
	FoldAnalyzer = "dxnews_vi_folded"
	// ExactAnalyzer splits and lower-cases but keeps diacritics.
	ExactAnalyzer = "dxnews_vi_exact"
)

func init() {
	registry.RegisterTokenFilter(FoldFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	})
}

// foldFilter rewrites each token with index.Fold.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, tok := range in {
		if f := index.Fold(string(tok.Term)); f != string(tok.Term) {
			tok.Term = []byte(f)
		}
	}
	return in
}

// addAnalyzers registers the folded and exact analyzers on m.
func addAnalyzers(m *mapping.IndexMappingImpl) error {
	for name, filters := range map[string][]string{
		FoldAnalyzer:  {lowercase.Name, FoldFilter},
		ExactAnalyzer: {lowercase.Name},
	} {
		err := m.AddCustomAnalyzer(name, map[string]interface{}{
			"type":          custom.Name,
			"tokenizer":     unicode.Name,
			"token_filters": filters,
		})
		if err != nil {
			return fmt.Errorf("bleve: analyzer %s: %w", name, err)
		}
	}
	return nil
}
