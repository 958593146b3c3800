package bleve

import (
	"sort"

	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
)

// FacetSize is how many values each facet of Search reports.
const FacetSize = 20

// facetScope is index.FacetScope; tests lower it.
var facetScope = index.FacetScope

// facets maps each facet name of index.Query to the field it counts and
// where its counts go in index.Facets.
var facets = []struct {
	name, field string
	get         func(*index.Facets) *[]index.FacetCount
}{
	{index.FacetPeople, nameField(index.TypePerson), func(f *index.Facets) *[]index.FacetCount { return &f.People }},
	{index.FacetOrganizations, nameField(index.TypeOrganization), func(f *index.Facets) *[]index.FacetCount { return &f.Organizations }},
	{index.FacetDecisions, nameField(index.TypeDecision), func(f *index.Facets) *[]index.FacetCount { return &f.Decisions }},
	{index.FacetSources, fieldSource, func(f *index.Facets) *[]index.FacetCount { return &f.Sources }},
}

// addFacets asks req for the facets q names.
func addFacets(req *blevesearch.SearchRequest, q index.Query) {
	for _, f := range facets {
		if q.WantsFacet(f.name) {
			req.AddFacet(f.field, blevesearch.NewFacetRequest(f.field, FacetSize))
		}
	}
}

// facetCounts orders a Bleve terms facet by count, then name.
func facetCounts(fr *search.FacetResult) []index.FacetCount {
	out := []index.FacetCount{}
	for _, t := range terms(fr) {
		out = append(out, index.FacetCount{Name: t.Term, Count: t.Count})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Count != out[b].Count {
			return out[a].Count > out[b].Count
		}
		return out[a].Name < out[b].Name
	})
	return out
}

// terms lists a terms facet's values; nil for a missing facet.
func terms(fr *search.FacetResult) []*search.TermFacet {
	if fr == nil || fr.Terms == nil {
		return nil
	}
	return fr.Terms.Terms()
}
