package elastic

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"dxnews/article"
	"dxnews/index"

	"golang.org/x/text/unicode/norm"
)

// entityTypes are the entity types in the order index.EntityTypes gives.
var entityTypes = index.EntityTypes

// articleDoc is what an article is indexed as: the article itself, whole,
// plus the fields search needs. Decoding _source into article.Article
// ignores the extras.
type articleDoc struct {
	article.Article
	// SourceKey is the source lower-cased without "www.", for the source
	// filter and facet.
	SourceKey string `json:"source_key"`
	// Names holds the names of people, organisations, decisions and places,
	// one a line, matched by free text.
	Names string `json:"names"`
	// Keys holds, per entity type, the folded names (and for decisions
	// numbers and symbols) that filters match exactly.
	Keys map[string][]string `json:"keys"`
	// Facet holds, per entity type, the names as written, counted by facets.
	Facet map[string][]string `json:"facet"`
	// EntityIDs are the IDs of the entity documents the article feeds.
	EntityIDs []string `json:"entity_ids"`
}

// newArticleDoc builds the document of a, which must have an ID.
func newArticleDoc(a article.Article) articleDoc {
	a.Normalize()
	a.Title, a.Sapo, a.Body = norm.NFC.String(a.Title), norm.NFC.String(a.Sapo), norm.NFC.String(a.Body)
	d := articleDoc{
		Article:   a,
		SourceKey: index.NormSource(a.Source),
		Keys:      map[string][]string{},
		Facet:     map[string][]string{},
		EntityIDs: []string{},
	}
	var names strings.Builder
	for _, typ := range entityTypes {
		ns := index.EntityNames(a.Entities, typ)
		if len(ns) == 0 {
			continue
		}
		d.Facet[typ] = ns
		var keys []string
		for _, n := range ns {
			keys = index.AppendUnique(keys, index.FoldKey(n))
			d.EntityIDs = append(d.EntityIDs, EntityID(typ, n))
			if typ != index.TypeTarget {
				names.WriteString(n)
				names.WriteString("\n")
			}
		}
		if typ == index.TypeDecision {
			for _, dec := range a.Entities.Decisions {
				for _, k := range index.DecisionKeys(dec) {
					keys = index.AppendUnique(keys, k)
				}
			}
		}
		d.Keys[typ] = keys
	}
	d.Names = names.String()
	return d
}

func (d articleDoc) encode() ([]byte, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("elastic: encode article %s: %w", d.ID, err)
	}
	return b, nil
}

// EntityID is the ID of the entity document for a name of one type: the
// type and the first 16 hex digits of the SHA-256 of the name as written.
func EntityID(typ, name string) string {
	sum := sha256.Sum256([]byte(typ + "\x00" + name))
	return typ + "-" + hex.EncodeToString(sum[:8])
}
