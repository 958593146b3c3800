package index

import (
	"cmp"
	"slices"
	"strings"

	"dxnews/article"

	"golang.org/x/text/unicode/norm"
)

// DecisionName names a decision in facets and entity lists: its kind and its
// symbol, or its number when there is no symbol ("Quyết định 944",
// "Quyết định 749/QĐ-TTg").
func DecisionName(d article.Decision) string {
	id := strings.TrimSpace(d.Symbol)
	if id == "" {
		id = strings.TrimSpace(d.Number)
	}
	return Clean(strings.TrimSpace(d.Kind) + " " + id)
}

// DecisionKeys returns the folded forms a decision filter matches: the
// number, the symbol, the kind with the number and the full name, so "944",
// "749/qd-ttg" and "Quyết định 944" all find their decision.
func DecisionKeys(d article.Decision) []string {
	var keys []string
	for _, k := range []string{d.Number, d.Symbol, d.Kind + " " + d.Number, DecisionName(d)} {
		if k = FoldKey(norm.NFC.String(k)); k != "" {
			keys = AppendUnique(keys, k)
		}
	}
	return keys
}

// TargetName names a target in entity lists: qualifier, value and metric,
// with the year in brackets ("85% người dân có smartphone (2022)").
func TargetName(t article.Target) string {
	name := Clean(t.Qualifier + " " + t.Value + " " + t.Metric)
	if y := strings.TrimSpace(t.Year); y != "" && name != "" {
		name += " (" + y + ")"
	}
	return name
}

// EntityNames returns the distinct names of one type of entity, in order of
// first appearance, NFC-normalised and with white space collapsed. typ is one
// of EntityTypes; any other value gives nil.
func EntityNames(e article.Entities, typ string) []string {
	var names []string
	add := func(n string) {
		if n = Clean(n); n != "" {
			names = AppendUnique(names, n)
		}
	}
	switch typ {
	case TypePerson:
		for _, p := range e.People {
			add(p.Name)
		}
	case TypeOrganization:
		for _, o := range e.Organizations {
			add(o.Name)
		}
	case TypeDecision:
		for _, d := range e.Decisions {
			add(DecisionName(d))
		}
	case TypeTarget:
		for _, t := range e.Targets {
			add(TargetName(t))
		}
	case TypeLocation:
		for _, l := range e.Locations {
			add(l.Name)
		}
	}
	return names
}

// Clean NFC-normalises s and collapses runs of white space: a name as
// the backends store and compare it.
func Clean(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// AppendUnique appends s to list unless it is there already.
func AppendUnique(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// NormSource is a source as filters match it: the host name in lower case
// without a leading "www.".
func NormSource(s string) string {
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "www.")
}

// NewestFirst compares two articles in the order Entity.Articles lists
// them: newest first, undated last, then by ID.
func NewestFirst(a, b article.Article) int {
	if a.Published.IsZero() != b.Published.IsZero() {
		if a.Published.IsZero() {
			return 1
		}
		return -1
	}
	return cmp.Or(b.Published.Compare(a.Published), strings.Compare(a.ID, b.ID))
}
