package bleve

import (
	"context"
	"sort"
	"time"

	"dxnews/article"
	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// FacetSize is how many values each facet of Search reports.
const FacetSize = 20

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

// Search returns one page of the articles matching q, best first (newest
// first when q has no text), with the facets q asks for over all matches.
// Filters are required clauses that do not score; a query without text
// does not score at all.
func (i *Index) Search(ctx context.Context, q index.Query) (index.Results, error) {
	res := index.Results{Articles: []article.Article{}, Facets: emptyFacets()}
	q, err := q.Normalize()
	if err != nil {
		return res, err
	}
	if err := i.acquire(ctx); err != nil {
		return res, err
	}
	defer i.mu.RUnlock()

	exact := i.idx.Mapping().AnalyzerNamed(ExactAnalyzer)
	req := blevesearch.NewSearchRequestOptions(buildQuery(q, exact), q.Size, q.Offset(), false)
	req.Fields = []string{fieldSummary}
	if q.Text == "" {
		req.Score = blevesearch.ScoreNone
		req.SortByCustom(search.SortOrder{newestFirst(), byID()})
	} else {
		req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}, newestFirst(), byID()})
	}
	for _, f := range facets {
		if q.WantsFacet(f.name) {
			req.AddFacet(f.field, blevesearch.NewFacetRequest(f.field, FacetSize))
		}
	}
	sr, err := i.search(ctx, req)
	if err != nil {
		return res, err
	}
	res.Total = int(sr.Total)
	for _, hit := range sr.Hits {
		raw, _ := hit.Fields[fieldSummary].(string)
		a, err := decode(hit.ID, []byte(raw))
		if err != nil {
			return res, err
		}
		res.Articles = append(res.Articles, a)
	}
	for _, f := range facets {
		if fr, ok := sr.Facets[f.field]; ok {
			*f.get(&res.Facets) = facetCounts(fr)
		}
	}
	return res, nil
}

func emptyFacets() index.Facets {
	return index.Facets{
		People:        []index.FacetCount{},
		Organizations: []index.FacetCount{},
		Decisions:     []index.FacetCount{},
		Sources:       []index.FacetCount{},
	}
}

func newestFirst() *search.SortField {
	return &search.SortField{Field: fieldPublished, Desc: true, Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast}
}

func byID() *search.SortDocID { return &search.SortDocID{} }

// buildQuery turns a normalised index.Query into a Bleve query: the text
// must match (all words, folded) and the filters must hold without scoring.
// Every clause is required, so Bleve walks the postings of the most
// selective one and skips ahead in the others.
func buildQuery(q index.Query, exact analysis.Analyzer) query.Query {
	filters := filterQueries(q)
	switch {
	case q.Text != "":
		return textQuery(q.Text, exact, filters)
	case len(filters) == 0:
		return blevesearch.NewMatchAllQuery()
	case len(filters) == 1:
		return filters[0]
	}
	return blevesearch.NewConjunctionQuery(filters...)
}

func filterQueries(q index.Query) []query.Query {
	var fs []query.Query
	for _, f := range []struct{ typ, value string }{
		{index.TypePerson, q.Person},
		{index.TypeOrganization, q.Org},
		{index.TypeDecision, q.Decision},
		{index.TypeLocation, q.Location},
	} {
		if k := index.FoldKey(f.value); k != "" {
			fs = append(fs, term(keyField(f.typ), k))
		}
	}
	if s := normSource(q.Source); s != "" {
		fs = append(fs, term(fieldSource, s))
	}
	if from, to := dateBounds(q.From, q.To); !from.IsZero() || !to.IsZero() {
		yes := true
		dr := blevesearch.NewDateRangeInclusiveQuery(from, to, &yes, &yes)
		dr.SetField(fieldPublished)
		fs = append(fs, dr)
	}
	return fs
}

// dateBounds moves the bounds of a date range into the years Bleve can
// compare; a zero bound stays open.
func dateBounds(from, to time.Time) (time.Time, time.Time) {
	clamp := func(t time.Time) time.Time {
		switch {
		case t.IsZero():
			return t
		case t.Before(query.MinRFC3339CompatibleTime):
			return query.MinRFC3339CompatibleTime
		case t.After(query.MaxRFC3339CompatibleTime):
			return query.MaxRFC3339CompatibleTime
		}
		return t
	}
	return clamp(from), clamp(to)
}

func term(field, value string) query.Query {
	t := blevesearch.NewTermQuery(value)
	t.SetField(field)
	return t
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
