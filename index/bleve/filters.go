package bleve

import (
	"time"

	"dxnews/index"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// conjunction requires every query of qs; none matches everything.
func conjunction(qs []query.Query) query.Query {
	switch len(qs) {
	case 0:
		return blevesearch.NewMatchAllQuery()
	case 1:
		return qs[0]
	}
	return blevesearch.NewConjunctionQuery(qs...)
}

func filterQueries(q index.Query) []query.Query {
	var fs []query.Query
	for _, f := range q.KeyFilters() {
		fs = append(fs, term(keyField(f.Type), f.Key))
	}
	if s := index.NormSource(q.Source); s != "" {
		fs = append(fs, term(fieldSource, s))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		fs = append(fs, dateRange(q.From, q.To))
	}
	return fs
}

// dateRange matches articles published from from to to, inclusive; a zero
// bound is open.
func dateRange(from, to time.Time) query.Query {
	from, to = dateBounds(from, to)
	yes := true
	dr := blevesearch.NewDateRangeInclusiveQuery(from, to, &yes, &yes)
	dr.SetField(fieldPublished)
	return dr
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
