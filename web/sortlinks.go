package web

import (
	"net/url"
	"slices"
)

// sortLink is a link to a list page in one order.
type sortLink struct {
	Label  string
	URL    string
	Active bool
}

// sortOption is an order a list page offers: the sort parameter's value
// ("" for the default) and its label.
type sortOption struct{ key, label string }

// sortLinks links path with v's parameters in each of the orders, the
// current one marked active.
func sortLinks(path string, v url.Values, current string, orders []sortOption) []sortLink {
	var out []sortLink
	for _, so := range orders {
		u := cloneValues(v)
		if so.key == "" {
			u.Del("sort")
		} else {
			u.Set("sort", so.key)
		}
		out = append(out, sortLink{Label: so.label, URL: path + "?" + u.Encode(), Active: current == so.key})
	}
	return out
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}
