package index

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// MaxWindow bounds deep paging: Page*Size may not exceed it.
const MaxWindow = 10000

// ParamError reports a query parameter outside its allowed values. Param is
// the parameter's name as the HTTP API spells it ("page", "size", "to", "type").
type ParamError struct {
	Param  string
	Reason string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("index: invalid %s: %s", e.Param, e.Reason)
}

// Normalize returns q ready for a backend: text NFC-normalised and trimmed,
// Page 0 as 1, Size 0 as DefaultSize, Size above MaxSize lowered to MaxSize,
// facet names lower-cased without blanks or repeats.
// The date range is inclusive; a To at exactly midnight stands for the whole
// of that day, so a date-only "to=2022-12-31" includes articles published that
// day. A negative page or size, a page beyond MaxWindow or a To before From is
// a *ParamError, and so is a facet name not in FacetNames.
func (q Query) Normalize() (Query, error) {
	for _, f := range []*string{&q.Text, &q.Person, &q.Org, &q.Decision, &q.Location, &q.Source} {
		*f = strings.TrimSpace(norm.NFC.String(*f))
	}
	switch {
	case q.Page < 0:
		return q, &ParamError{"page", fmt.Sprintf("must be 1 or more, got %d", q.Page)}
	case q.Page == 0:
		q.Page = 1
	}
	size, err := pageSize(q.Size)
	if err != nil {
		return q, err
	}
	q.Size = size
	if q.Page > MaxWindow/q.Size {
		return q, &ParamError{"page", fmt.Sprintf("must be at most %d for size %d, got %d", MaxWindow/q.Size, q.Size, q.Page)}
	}
	if !q.To.IsZero() {
		h, m, s := q.To.Clock()
		if h == 0 && m == 0 && s == 0 && q.To.Nanosecond() == 0 {
			q.To = q.To.Add(24*time.Hour - time.Nanosecond)
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return q, &ParamError{"to", "is before from"}
	}
	var facets []string
	for _, f := range q.Facets {
		f = strings.ToLower(strings.TrimSpace(f))
		switch {
		case f == "" || slices.Contains(facets, f):
		case !slices.Contains(FacetNames, f):
			return q, &ParamError{"facets", fmt.Sprintf("%q is not one of %s", f, strings.Join(FacetNames, ", "))}
		default:
			facets = append(facets, f)
		}
	}
	q.Facets = facets
	return q, nil
}

// Offset is the number of matches before the first one on q's page. Call it
// on a normalised query.
func (q Query) Offset() int {
	return (q.Page - 1) * q.Size
}

// KeyFilter is an exact condition on the folded keys (FoldKey) of the
// entities of one type an article mentions.
type KeyFilter struct {
	Type string // TypePerson, TypeOrganization, TypeDecision or TypeLocation
	Key  string
}

// KeyFilters returns q's entity filters (person, organisation, decision,
// location) as folded keys, leaving out those q does not set. Every
// backend matches them the same way: exactly, without scoring.
func (q Query) KeyFilters() []KeyFilter {
	var fs []KeyFilter
	for _, f := range []KeyFilter{
		{TypePerson, q.Person},
		{TypeOrganization, q.Org},
		{TypeDecision, q.Decision},
		{TypeLocation, q.Location},
	} {
		if k := FoldKey(f.Key); k != "" {
			fs = append(fs, KeyFilter{f.Type, k})
		}
	}
	return fs
}

// EntityTypes lists the values EntityQuery.Type accepts.
var EntityTypes = []string{TypePerson, TypeOrganization, TypeDecision, TypeTarget, TypeLocation}

// Normalize returns q with Type lower-cased, Q NFC-normalised and trimmed,
// Size 0 as DefaultSize and Size above MaxSize lowered to MaxSize. An unknown
// type or a negative size is a *ParamError.
func (q EntityQuery) Normalize() (EntityQuery, error) {
	q.Type = strings.ToLower(strings.TrimSpace(q.Type))
	q.Q = strings.TrimSpace(norm.NFC.String(q.Q))
	if !slices.Contains(EntityTypes, q.Type) {
		return q, &ParamError{"type", fmt.Sprintf("%q is not one of %s", q.Type, strings.Join(EntityTypes, ", "))}
	}
	size, err := pageSize(q.Size)
	if err != nil {
		return q, err
	}
	q.Size = size
	return q, nil
}

// pageSize returns a query's page size with 0 as DefaultSize and a size above
// MaxSize lowered to MaxSize; a negative size is a *ParamError.
func pageSize(size int) (int, error) {
	switch {
	case size < 0:
		return size, &ParamError{"size", fmt.Sprintf("must be between 1 and %d, got %d", MaxSize, size)}
	case size == 0:
		return DefaultSize, nil
	}
	return min(size, MaxSize), nil
}
