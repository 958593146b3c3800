package bleve

import (
	"encoding/json"
	"fmt"
	"strings"

	"dxnews/article"
	"dxnews/index"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"
)

// schemaVersion changes whenever the mapping or the document shape changes;
// an on-disk index with another version has to be rebuilt.
const schemaVersion = "dxnews-4"

// Field names in the Bleve documents.
const (
	fieldID        = "id" // the article ID as a keyword with doc values, for sorting
	fieldTitle     = "title"
	fieldSapo      = "sapo"
	fieldText      = "text" // title, sapo, body and the names of people, organisations, decisions and places
	fieldSource    = "source"
	fieldPublished = "published"
	fieldNewest    = "published_key" // publication time in UTC as sortKeyLayout, a keyword with doc values, for sorting
	fieldSection   = "section"
	fieldTags      = "tags"
	fieldSummary   = "summary" // index.Summary of the article as JSON, stored only
	fieldJSON      = "json"    // the whole article, stored only
	fieldRoles     = "roles"   // "name\x00role" for each role a person is given, a keyword with doc values
)

// sortKeyLayout writes publication times so that their byte order is their
// time order (the years Bleve accepts all have four digits).
const sortKeyLayout = "20060102150405.000000000"

// nameField is the keyword field holding the names of one entity type as
// written (see index.EntityNames); facets count its values.
func nameField(typ string) string { return typ }

// keyField is the keyword field holding folded names (and, for decisions,
// numbers and symbols) that filters and entity queries match.
func keyField(typ string) string { return typ + "_key" }

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	if err := addAnalyzers(m); err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = FoldAnalyzer
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false

	field := func(analyzer string, store, vectors, docValues bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = vectors
		f.DocValues = docValues
		return f
	}
	text := func(analyzer string, vectors bool) *mapping.FieldMapping {
		return field(analyzer, false, vectors, false)
	}
	kw := func(store, docValues bool) *mapping.FieldMapping { return field(keyword.Name, store, false, docValues) }
	stored := func() *mapping.FieldMapping {
		f := field("", true, false, false)
		f.Index = false
		return f
	}
	published := mapping.NewDateTimeFieldMapping()
	published.Store = false
	published.IncludeInAll = false

	doc := mapping.NewDocumentStaticMapping()
	add := func(name string, f *mapping.FieldMapping) { doc.AddFieldMappingsAt(name, f) }
	add(fieldID, kw(false, true))
	add(fieldTitle, text(DualAnalyzer, true))
	add(fieldSapo, text(DualAnalyzer, true))
	add(fieldText, text(DualAnalyzer, false))
	add(fieldSource, kw(false, true))
	add(fieldPublished, published)
	add(fieldNewest, kw(false, true))
	add(fieldSection, kw(false, false))
	add(fieldTags, kw(false, false))
	add(fieldSummary, stored())
	add(fieldJSON, stored())
	add(fieldRoles, kw(false, true))
	for _, typ := range index.EntityTypes {
		add(nameField(typ), kw(false, true))
		add(keyField(typ), kw(false, false))
	}
	m.DefaultMapping = doc
	return m, nil
}

// datable reports whether a has a publication time Bleve can index.
func datable(a article.Article) bool {
	p := a.Published
	return !p.IsZero() && !p.Before(query.MinRFC3339CompatibleTime) && !p.After(query.MaxRFC3339CompatibleTime)
}

// roleSep joins a person's name and one of their roles in fieldRoles.
const roleSep = "\x00"

// roleTerms returns the fieldRoles values of a: each person's name and
// role, cleaned, once.
func roleTerms(a article.Article) []string {
	var terms []string
	for _, p := range a.Entities.People {
		name := index.Clean(p.Name)
		if name == "" || strings.Contains(name, roleSep) {
			continue
		}
		for _, r := range p.Roles {
			if r = index.Clean(r); r != "" && !strings.Contains(r, roleSep) {
				terms = index.AppendUnique(terms, name+roleSep+r)
			}
		}
	}
	return terms
}

// document turns an article into the field map Bleve indexes. The article
// is stored whole as JSON for Get, and its summary for Search.
func document(a article.Article) (map[string]interface{}, error) {
	a.Normalize()
	raw, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("bleve: encode article %s: %w", a.ID, err)
	}
	sum, err := json.Marshal(index.Summary(a))
	if err != nil {
		return nil, fmt.Errorf("bleve: encode article %s: %w", a.ID, err)
	}
	nfc := norm.NFC.String
	d := map[string]interface{}{
		fieldID:      a.ID,
		fieldTitle:   nfc(a.Title),
		fieldSapo:    nfc(a.Sapo),
		fieldSource:  index.NormSource(a.Source),
		fieldSummary: string(sum),
		fieldJSON:    string(raw),
	}
	var all strings.Builder
	all.WriteString(nfc(a.Title))
	all.WriteString("\n")
	all.WriteString(nfc(a.Sapo))
	all.WriteString("\n")
	all.WriteString(nfc(a.Body))
	all.WriteString("\n")
	if datable(a) {
		d[fieldPublished] = a.Published
		d[fieldNewest] = a.Published.UTC().Format(sortKeyLayout)
	}
	if roles := roleTerms(a); len(roles) > 0 {
		d[fieldRoles] = roles
	}
	if s := strings.TrimSpace(a.Section); s != "" {
		d[fieldSection] = index.FoldKey(s)
	}
	var tags []string
	for _, t := range a.Tags {
		if k := index.FoldKey(t); k != "" {
			tags = append(tags, k)
		}
	}
	if len(tags) > 0 {
		d[fieldTags] = tags
	}

	for _, typ := range index.EntityTypes {
		names := index.EntityNames(a.Entities, typ)
		if len(names) == 0 {
			continue
		}
		d[nameField(typ)] = names
		var keys []string
		for _, n := range names {
			keys = append(keys, index.FoldKey(n))
			if typ != index.TypeTarget {
				all.WriteString(n)
				all.WriteString("\n")
			}
		}
		if typ == index.TypeDecision {
			for _, dec := range a.Entities.Decisions {
				keys = append(keys, index.DecisionKeys(dec)...)
			}
		}
		d[keyField(typ)] = keys
	}
	d[fieldText] = all.String()
	return d, nil
}
