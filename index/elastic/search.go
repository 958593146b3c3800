package elastic

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"dxnews/article"
	"dxnews/index"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// FacetSize is how many values each facet of Search reports.
const FacetSize = 20

// textFields are the fields free text is matched against, with the boost a
// match in each earns (as in the Bleve backend).
var textFields = []string{"title^3", "sapo^1.5", "body", "names^1.5"}

// Boosts of the optional clauses that order text matches.
const (
	boostExact  = 2 // words spelt with the query's diacritics
	boostPhrase = 2 // the whole query as a phrase in the title or lead
)

// facets maps each facet of index.Facets to its aggregation and field.
var facets = []struct {
	agg, field string
	get        func(*index.Facets) *[]index.FacetCount
}{
	{index.FacetPeople, "facet." + index.TypePerson, func(f *index.Facets) *[]index.FacetCount { return &f.People }},
	{index.FacetOrganizations, "facet." + index.TypeOrganization, func(f *index.Facets) *[]index.FacetCount { return &f.Organizations }},
	{index.FacetDecisions, "facet." + index.TypeDecision, func(f *index.Facets) *[]index.FacetCount { return &f.Decisions }},
	{index.FacetSources, "source_key", func(f *index.Facets) *[]index.FacetCount { return &f.Sources }},
}

// summaryExcludes are the parts of _source a result list does not show
// (see index.Summary), left on the cluster.
var summaryExcludes = []string{
	"body", "names", "keys", "facet", "entity_ids", "source_key",
	"entities.people.mentions", "entities.decisions.mentions", "entities.targets.mentions",
	"entities.organizations.mentions", "entities.locations.mentions",
}

// searchResponse is the part of a search answer dxnews reads.
type searchResponse struct {
	Hits struct {
		Total struct {
			Value int `json:"value"`
		} `json:"total"`
		Hits []struct {
			ID     string          `json:"_id"`
			Source json.RawMessage `json:"_source"`
		} `json:"hits"`
	} `json:"hits"`
	Aggregations map[string]struct {
		Buckets []struct {
			Key      string `json:"key"`
			DocCount int    `json:"doc_count"`
		} `json:"buckets"`
	} `json:"aggregations"`
}

// Search returns one page of the articles matching q, best first (newest
// first when q has no text), as summaries (index.Summary), with the facets
// q asks for counted over all matches.
func (i *Index) Search(ctx context.Context, q index.Query) (index.Results, error) {
	res := index.Results{Articles: []article.Article{}, Facets: index.EmptyFacets()}
	q, err := q.Normalize()
	if err != nil {
		return res, err
	}
	if err := i.acquire(ctx); err != nil {
		return res, err
	}
	var sr searchResponse
	if err := i.do(ctx, esapi.SearchRequest{Index: []string{i.n.articlesAlias()}, Body: jsonBody(searchBody(q))}, &sr); err != nil {
		return res, fmt.Errorf("elastic: search: %w", err)
	}
	res.Total = sr.Hits.Total.Value
	for _, h := range sr.Hits.Hits {
		a, err := index.Decode(h.ID, h.Source)
		if err != nil {
			return res, err
		}
		res.Articles = append(res.Articles, index.Summary(a))
	}
	for _, f := range facets {
		if !q.WantsFacet(f.agg) {
			continue
		}
		out := []index.FacetCount{}
		for _, b := range sr.Aggregations[f.agg].Buckets {
			out = append(out, index.FacetCount{Name: b.Key, Count: b.DocCount})
		}
		*f.get(&res.Facets) = out
	}
	return res, nil
}

// searchBody is the query DSL of a normalised query.
func searchBody(q index.Query) map[string]any {
	var must any = map[string]any{"match_all": map[string]any{}}
	sort := []any{}
	if q.Text != "" {
		must = textQuery(q.Text)
		sort = append(sort, map[string]any{"_score": "desc"})
	}
	sort = append(sort,
		map[string]any{"published": map[string]any{"order": "desc", "missing": "_last"}},
		map[string]any{"id": "asc"})
	b := map[string]any{"must": []any{must}}
	if fs := filters(q); len(fs) > 0 {
		b["filter"] = fs
	}
	aggs := map[string]any{}
	for _, f := range facets {
		if !q.WantsFacet(f.agg) {
			continue
		}
		aggs[f.agg] = map[string]any{"terms": map[string]any{
			"field": f.field, "size": FacetSize,
			"order": []any{map[string]any{"_count": "desc"}, map[string]any{"_key": "asc"}},
		}}
	}
	body := map[string]any{
		"query":            map[string]any{"bool": b},
		"from":             q.Offset(),
		"size":             q.Size,
		"track_total_hits": true,
		"sort":             sort,
		"_source":          map[string]any{"excludes": summaryExcludes},
	}
	if len(aggs) > 0 {
		body["aggs"] = aggs
	}
	return body
}

// textQuery needs every word of text, folded, in some text field
// (cross_fields with operator and); words spelt exactly as typed and the
// text as a phrase in the title or lead raise the score.
func textQuery(text string) map[string]any {
	exact := make([]string, len(textFields))
	for k, f := range textFields {
		name, boost, _ := strings.Cut(f, "^")
		exact[k] = name + ".exact"
		if boost != "" {
			exact[k] += "^" + boost
		}
	}
	should := []any{
		map[string]any{"multi_match": map[string]any{"query": text, "type": "most_fields", "fields": exact, "boost": boostExact}},
	}
	if len(strings.Fields(text)) > 1 {
		for _, f := range []string{"title", "sapo"} {
			should = append(should, map[string]any{"match_phrase": map[string]any{f: map[string]any{"query": text, "boost": boostPhrase}}})
		}
	}
	return map[string]any{"bool": map[string]any{
		"must": []any{map[string]any{"multi_match": map[string]any{
			"query": text, "type": "cross_fields", "operator": "and", "fields": textFields,
		}}},
		"should": should,
	}}
}

// filters are the exact, unscored conditions of q.
func filters(q index.Query) []any {
	var fs []any
	for _, f := range q.KeyFilters() {
		fs = append(fs, map[string]any{"term": map[string]any{"keys." + f.Type: f.Key}})
	}
	if s := index.NormSource(q.Source); s != "" {
		fs = append(fs, map[string]any{"term": map[string]any{"source_key": s}})
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		r := map[string]any{}
		if !q.From.IsZero() {
			r["gte"] = esTime(q.From)
		}
		if !q.To.IsZero() {
			r["lte"] = esTime(q.To)
		}
		fs = append(fs, map[string]any{"range": map[string]any{"published": r}})
	}
	return fs
}

// esTime formats t with milliseconds, the resolution of a date field.
func esTime(t time.Time) string { return t.Format("2006-01-02T15:04:05.000Z07:00") }
