package bleve

import (
	"context"
	"fmt"
	"slices"
	"time"

	"dxnews/article"
	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Search returns one page of the articles matching q, best first (see
// textTiers; newest first when q has no text), with the facets q asks for
// over all matches. Filters are required clauses; nothing is scored, so a
// query costs intersections of postings and a sort by date of its matches.
func (i *Index) Search(ctx context.Context, q index.Query) (index.Results, error) {
	res := index.Results{Articles: []article.Article{}, Facets: index.EmptyFacets()}
	q, err := q.Normalize()
	if err != nil {
		return res, err
	}
	if err := i.acquire(ctx); err != nil {
		return res, err
	}
	defer i.mu.RUnlock()
	done, err := i.searchSlot(ctx)
	if err != nil {
		return res, err
	}
	defer done()

	p := searchPlan{q: q, filters: filterQueries(q)}
	if q.Text != "" {
		if p.tiers = textTiers(q.Text, i.idx.Mapping().AnalyzerNamed(ExactAnalyzer)); p.tiers == nil {
			return res, nil
		}
	}
	// One request counts every match, with the facets asked for; without
	// text it also gives the page. With text, each tier in turn then gives
	// its part of the page.
	p.all = p.filters
	if p.tiers != nil {
		p.all = append([]query.Query{p.tiers[len(p.tiers)-1]}, p.filters...)
	}
	// Without text, and unless newest-first paging can look at the newest
	// articles only (see newestPage), the count comes with the page.
	p.windowed = p.tiers == nil && i.ents.size() > windowMin
	sr, err := i.countMatches(ctx, &p, &res)
	if err != nil {
		return res, err
	}
	hits, err := i.pageHits(ctx, &p, sr.Hits, res.Total)
	if err != nil {
		return res, err
	}
	for _, hit := range hits {
		raw, _ := hit.Fields[fieldSummary].(string)
		a, err := index.Decode(hit.ID, []byte(raw))
		if err != nil {
			return res, err
		}
		res.Articles = append(res.Articles, a)
	}
	return res, nil
}

// searchPlan is one search as Search breaks it down.
type searchPlan struct {
	q        index.Query
	filters  []query.Query // the required clauses
	tiers    []query.Query // the text's tiers, best first; nil without text
	all      []query.Query // what every match satisfies
	windowed bool          // paged newest first from a window (newestPage)
	boundary time.Time     // facets are counted over matches after this
}

// countMatches counts the matches of p, with the facets asked for, into
// res; without text or window the result also holds the page's hits.
//
// Facets over every article come from the entity table's counts;
// otherwise Bleve counts them over the matches or, when those are more
// than index.FacetScope, over the matches among the newest FacetScope
// articles, so their cost stays bounded. Until the table is built (Warm
// builds it; Entities too), Bleve counts them over every match rather than
// making the search wait.
func (i *Index) countMatches(ctx context.Context, p *searchPlan, res *index.Results) (*blevesearch.SearchResult, error) {
	q := p.q
	var req *blevesearch.SearchRequest
	if p.tiers == nil && !p.windowed {
		req = request(conjunction(p.all), q.Size, q.Offset())
		req.Fields = []string{fieldSummary}
	} else {
		// Counting needs no order: no sort values are read.
		req = blevesearch.NewSearchRequestOptions(conjunction(p.all), 0, 0, false)
		req.Score = blevesearch.ScoreNone
	}
	if len(q.Facets) > 0 {
		switch {
		case !i.ents.isBuilt():
			addFacets(req, q)
		case p.tiers == nil && len(p.filters) == 0:
			res.Facets = i.ents.facets(q)
		default:
			if p.boundary = i.ents.newest(facetScope); p.boundary.IsZero() {
				addFacets(req, q)
			}
		}
	}
	var sr *blevesearch.SearchResult
	if p.windowed && len(p.all) == 0 {
		// Every article matches: the count is the index's.
		n, err := i.idx.DocCount()
		if err != nil {
			return nil, fmt.Errorf("bleve: count: %w", err)
		}
		sr = &blevesearch.SearchResult{Total: n}
	} else {
		var err error
		if sr, err = i.search(ctx, req); err != nil {
			return nil, err
		}
	}
	res.Total = int(sr.Total)
	if !p.boundary.IsZero() {
		if err := i.scopedFacets(ctx, p, res, sr); err != nil {
			return nil, err
		}
	}
	for _, f := range facets {
		if fr, ok := sr.Facets[f.field]; ok {
			*f.get(&res.Facets) = facetCounts(fr)
		}
	}
	return sr, nil
}

// scopedFacets counts the facets over the matches published after
// p.boundary when there are more than facetScope matches, into sr.
func (i *Index) scopedFacets(ctx context.Context, p *searchPlan, res *index.Results, sr *blevesearch.SearchResult) error {
	fq := conjunction(p.all)
	if res.Total > facetScope {
		fq = conjunction(append(slices.Clone(p.all), dateRange(p.boundary, time.Time{})))
	}
	freq := blevesearch.NewSearchRequestOptions(fq, 0, 0, false)
	freq.Score = blevesearch.ScoreNone
	addFacets(freq, p.q)
	fr, err := i.search(ctx, freq)
	if err != nil {
		return err
	}
	if int(fr.Total) < res.Total {
		res.FacetsOver = int(fr.Total)
	}
	sr.Facets = fr.Facets
	return nil
}

// pageHits returns the hits of the page p asks for: those of the count's
// request, the window's, or each text tier's in turn.
func (i *Index) pageHits(ctx context.Context, p *searchPlan, hits search.DocumentMatchCollection, total int) (search.DocumentMatchCollection, error) {
	var err error
	if p.windowed {
		if hits, _, err = i.newestPage(ctx, conjunction(p.all), total, p.q.Size, p.q.Offset()); err != nil {
			return nil, err
		}
	}
	need, skip := p.q.Size, p.q.Offset()
	for k := range p.tiers {
		if need == 0 || skip >= total {
			break
		}
		page, n, err := i.newestPage(ctx, inTier(p.tiers, k, p.filters), total, need, skip)
		if err != nil {
			return nil, err
		}
		hits = append(hits, page...)
		need -= len(page)
		if need > 0 {
			skip = max(0, skip-n)
		}
	}
	return hits, nil
}

// windowMin is the number of matches above which newestPage first looks
// among the newest articles only; tests change it.
var windowMin = 2000

// newestPage returns size matches of q after the first skip, newest first,
// and how many articles q matches. total is the number of matches of a
// query q is part of, all when q is all. When that is large, it first looks
// only among the newest articles, as many as should hold four times the
// matches needed; when they fall short it reads every match. A page found
// in that window leaves the count unknown (-1): callers only need it to
// carry on into the next tier, which a full page does not.
func (i *Index) newestPage(ctx context.Context, q query.Query, total, size, skip int) (search.DocumentMatchCollection, int, error) {
	want := skip + size
	if n := i.ents.size(); total > windowMin && total > 4*want && n > 0 {
		w := max(int(int64(n)*int64(4*want)/int64(total)), 1000)
		if from := i.ents.newest(w); !from.IsZero() {
			req := request(conjunction([]query.Query{q, dateRange(from, time.Time{})}), size, skip)
			req.Fields = []string{fieldSummary}
			sr, err := i.search(ctx, req)
			if err != nil {
				return nil, 0, err
			}
			if int(sr.Total) >= want {
				return sr.Hits, -1, nil
			}
		}
	}
	req := request(q, size, skip)
	req.Fields = []string{fieldSummary}
	sr, err := i.search(ctx, req)
	if err != nil {
		return nil, 0, err
	}
	return sr.Hits, int(sr.Total), nil
}

// request asks for size matches of q after the first from, newest first,
// without scoring.
func request(q query.Query, size, from int) *blevesearch.SearchRequest {
	req := blevesearch.NewSearchRequestOptions(q, size, from, false)
	req.Score = blevesearch.ScoreNone
	req.SortByCustom(search.SortOrder{newestFirst()})
	return req
}

// newestFirst orders by publication time, undated last. It reads one
// short doc value per match; articles published at the same instant keep
// the index's order, stable for a given index.
func newestFirst() *search.SortField {
	return &search.SortField{Field: fieldNewest, Desc: true, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast}
}

// search runs req, returning ctx's error when ctx ends first.
func (i *Index) search(ctx context.Context, req *blevesearch.SearchRequest) (*blevesearch.SearchResult, error) {
	sr, err := i.idx.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("bleve: search: %w", err)
	}
	return sr, nil
}
