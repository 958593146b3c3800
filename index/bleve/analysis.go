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
	// KeepFoldFilter adds the folded form of each token with diacritics at
	// the same position, keeping the original.
	KeepFoldFilter = "dxnews_vi_fold_keep"
	// FoldAnalyzer splits on Unicode word boundaries, lower-cases and folds:
	// "Chuyển đổi số" gives chuyen, doi, so.
	FoldAnalyzer = "dxnews_vi_folded"
	// ExactAnalyzer splits and lower-cases but keeps diacritics.
	ExactAnalyzer = "dxnews_vi_exact"
	// DualAnalyzer splits, lower-cases and keeps both forms: "Chuyển đổi"
	// gives chuyển and chuyen at position 1, đổi and doi at position 2. Text
	// fields use it, so folded and exact queries run on one field.
	DualAnalyzer = "dxnews_vi_dual"
)

func init() {
	registry.RegisterTokenFilter(FoldFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	})
	registry.RegisterTokenFilter(KeepFoldFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return keepFoldFilter{}, nil
	})
}

// foldFilter rewrites each token with index.AppendFold.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	arena := make([]byte, 0, termBytes(in))
	for _, tok := range in {
		if index.NeedsFold(tok.Term) {
			start := len(arena)
			arena = index.AppendFold(arena, tok.Term)
			tok.Term = arena[start:len(arena):len(arena)]
		}
	}
	return in
}

// keepFoldFilter follows each token that has diacritics with its folded
// form at the same position.
type keepFoldFilter struct{}

func (keepFoldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in)*2)
	folded := make([]analysis.Token, 0, len(in))
	arena := make([]byte, 0, termBytes(in))
	for _, tok := range in {
		out = append(out, tok)
		if !index.NeedsFold(tok.Term) {
			continue
		}
		start := len(arena)
		arena = index.AppendFold(arena, tok.Term)
		term := arena[start:len(arena):len(arena)]
		if string(term) == string(tok.Term) {
			continue
		}
		folded = append(folded, *tok)
		f := &folded[len(folded)-1]
		f.Term = term
		out = append(out, f)
	}
	return out
}

// termBytes is the length of all terms in a stream: room enough, nearly
// always, for their folded forms.
func termBytes(in analysis.TokenStream) int {
	n := 0
	for _, tok := range in {
		n += len(tok.Term)
	}
	return n
}

// addAnalyzers registers the folded and exact analyzers on m.
func addAnalyzers(m *mapping.IndexMappingImpl) error {
	for name, filters := range map[string][]string{
		FoldAnalyzer:  {lowercase.Name, FoldFilter},
		ExactAnalyzer: {lowercase.Name},
		DualAnalyzer:  {lowercase.Name, KeepFoldFilter},
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
