package web

import (
	"net/url"

	"dxnews/index"
)

type facetLink struct {
	Name   string
	Count  int
	URL    string
	Active bool
}

type facetGroup struct {
	Title string
	Items []facetLink
}

// facetGroups turns facets into links that add the value as a filter.
func facetGroups(f index.Facets, v url.Values) []facetGroup {
	var out []facetGroup
	for _, g := range []struct {
		title, param string
		counts       []index.FacetCount
	}{
		{"Nhân vật", "person", f.People},
		{"Tổ chức", "org", f.Organizations},
		{"Văn bản", "decision", f.Decisions},
		{"Nguồn", "source", f.Sources},
	} {
		if len(g.counts) == 0 {
			continue
		}
		fg := facetGroup{Title: g.title}
		for _, c := range g.counts[:min(len(g.counts), 10)] {
			fg.Items = append(fg.Items, facetLink{
				Name:   c.Name,
				Count:  c.Count,
				URL:    searchURL(v, g.param, c.Name),
				Active: v.Get(g.param) == c.Name,
			})
		}
		out = append(out, fg)
	}
	return out
}
