package bleve

import (
	"encoding/json"
	"fmt"
	"slices"
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
const schemaVersion = "dxnews-2"

// Field names in the Bleve documents.
const (
	fieldTitle     = "title"
	fieldSapo      = "sapo"
	fieldBody      = "body"
	fieldNames     = "names" // names of people, organisations, decisions and places
	fieldSource    = "source"
	fieldPublished = "published"
	fieldSection   = "section"
	fieldTags      = "tags"
	fieldTypes     = "types"        // entity types the article mentions
	fieldRoles     = "person_roles" // name, roleSep and role for each role of each person
	fieldJSON      = "json"         // the whole article, stored only
)

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

	text := func(analyzer string, vectors bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = vectors
		f.DocValues = false
		return f
	}
	kw := func(store, docValues bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	published := mapping.NewDateTimeFieldMapping()
	published.Store = false
	published.IncludeInAll = false

	doc := mapping.NewDocumentStaticMapping()
	add := func(name string, f *mapping.FieldMapping) { doc.AddFieldMappingsAt(name, f) }
	add(fieldTitle, text(DualAnalyzer, true))
	add(fieldSapo, text(DualAnalyzer, true))
	add(fieldBody, text(DualAnalyzer, false))
	add(fieldNames, text(DualAnalyzer, false))
	add(fieldSource, kw(false, true))
	add(fieldPublished, published)
	add(fieldSection, kw(false, false))
	add(fieldTags, kw(false, false))
	add(fieldTypes, kw(false, false))
	add(fieldRoles, kw(false, true))
	add(fieldJSON, stored())
	for _, typ := range index.EntityTypes {
		add(nameField(typ), kw(false, true))
		add(keyField(typ), kw(false, false))
	}
	m.DefaultMapping = doc
	return m, nil
}

// document turns an article into the field map Bleve indexes. The article
// is stored whole as JSON so searches return it unchanged.
func document(a article.Article) (map[string]interface{}, error) {
	a.Normalize()
	raw, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("bleve: encode article %s: %w", a.ID, err)
	}
	nfc := norm.NFC.String
	d := map[string]interface{}{
		fieldTitle:  nfc(a.Title),
		fieldSapo:   nfc(a.Sapo),
		fieldBody:   nfc(a.Body),
		fieldSource: normSource(a.Source),
		fieldJSON:   string(raw),
	}
	var nameText strings.Builder
	if p := a.Published; !p.IsZero() && !p.Before(query.MinRFC3339CompatibleTime) && !p.After(query.MaxRFC3339CompatibleTime) {
		d[fieldPublished] = a.Published
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

	var types []string
	for _, typ := range index.EntityTypes {
		names := index.EntityNames(a.Entities, typ)
		if len(names) == 0 {
			continue
		}
		types = append(types, typ)
		d[nameField(typ)] = names
		var keys []string
		for _, n := range names {
			keys = append(keys, index.FoldKey(n))
			if typ != index.TypeTarget {
				nameText.WriteString(n)
				nameText.WriteString("\n")
			}
		}
		if typ == index.TypeDecision {
			for _, dec := range a.Entities.Decisions {
				keys = append(keys, index.DecisionKeys(dec)...)
			}
		}
		d[keyField(typ)] = keys
	}
	if len(types) > 0 {
		d[fieldTypes] = types
	}
	var roles []string
	for _, p := range a.Entities.People {
		name := clean(p.Name)
		for _, r := range p.Roles {
			if r = clean(r); name != "" && r != "" {
				roles = appendUnique(roles, name+roleSep+r)
			}
		}
	}
	if len(roles) > 0 {
		d[fieldRoles] = roles
	}
	d[fieldNames] = nameText.String()
	return d, nil
}

// clean NFC-normalises s and collapses runs of white space.
func clean(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

func appendUnique(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// normSource lower-cases a host name and drops a leading "www.".
func normSource(s string) string {
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "www.")
}
