package elastic

import (
	"strconv"
	"strings"
)

// MappingVersion numbers the mapping and document shape. Changing either is
// a version bump: `dxnews reindex` then builds <prefix>-articles-v<N+1>
// under the new template and moves the alias to it.
const MappingVersion = 1

// names holds the index, alias and template names for one prefix.
type names struct {
	prefix string
}

func (n names) articlesAlias() string    { return n.prefix + "-articles" }
func (n names) entitiesAlias() string    { return n.prefix + "-entities" }
func (n names) articlesTemplate() string { return n.prefix + "-articles" }
func (n names) entitiesTemplate() string { return n.prefix + "-entities" }

// articlesIndex is the concrete index of generation v behind the articles
// alias.
func (n names) articlesIndex(v int) string { return n.prefix + "-articles-v" + strconv.Itoa(v) }
func (n names) entitiesIndex(v int) string { return n.prefix + "-entities-v" + strconv.Itoa(v) }

// generation parses the number after "-v" in a concrete index name; 0 when
// the name has none.
func generation(index string) int {
	i := strings.LastIndex(index, "-v")
	if i < 0 {
		return 0
	}
	v, err := strconv.Atoi(index[i+2:])
	if err != nil || v < 0 {
		return 0
	}
	return v
}

// analysis defines the analyzers both templates share. "dxnews_folded"
// lower-cases and folds diacritics (asciifolding maps đ to d), so
// "chuyen doi so" matches "chuyển đổi số"; "dxnews_exact" only lower-cases,
// so a word spelt with the query's diacritics scores higher. The standard
// tokenizer keeps "tp.hcm" as one token, as Bleve's unicode tokenizer does.
func analysis() map[string]any {
	return map[string]any{
		"analyzer": map[string]any{
			"dxnews_folded": map[string]any{"type": "custom", "tokenizer": "standard", "filter": []string{"lowercase", "asciifolding"}},
			"dxnews_exact":  map[string]any{"type": "custom", "tokenizer": "standard", "filter": []string{"lowercase"}},
		},
		"normalizer": map[string]any{
			"dxnews_fold": map[string]any{"type": "custom", "filter": []string{"lowercase", "asciifolding"}},
		},
	}
}

// text is a text field analysed twice: folded (the field itself) and exact
// (the "exact" sub-field).
func text() map[string]any {
	return map[string]any{
		"type": "text", "analyzer": "dxnews_folded",
		"fields": map[string]any{"exact": map[string]any{"type": "text", "analyzer": "dxnews_exact"}},
	}
}

// name is an entity name: folded and exact text for matching, "raw" as
// written for facets, and "key" folded for filters that ignore case and
// diacritics.
func name() map[string]any {
	return map[string]any{
		"type": "text", "analyzer": "dxnews_folded",
		"fields": map[string]any{
			"exact": map[string]any{"type": "text", "analyzer": "dxnews_exact"},
			"raw":   map[string]any{"type": "keyword", "ignore_above": 512},
			"key":   map[string]any{"type": "keyword", "normalizer": "dxnews_fold", "ignore_above": 512},
		},
	}
}

func keyword() map[string]any { return map[string]any{"type": "keyword", "ignore_above": 1024} }

func off() map[string]any { return map[string]any{"type": "object", "enabled": false} }

func nested(props map[string]any) map[string]any {
	return map[string]any{"type": "nested", "properties": props}
}

// articlesTemplate is the composable index template every
// <prefix>-articles-v* index is created from. The whole article is kept in
// _source, so a consumer needs nothing else; the search-only fields (names,
// keys, facet, source_key, entity_ids) sit beside it.
func articlesTemplate(n names) map[string]any {
	mentions := off()
	return indexTemplate(n.prefix+"-articles-v*", map[string]any{
		"id":             keyword(),
		"url":            keyword(),
		"canonical_url":  keyword(),
		"source":         keyword(),
		"host":           keyword(),
		"source_key":     keyword(),
		"title":          text(),
		"sapo":           text(),
		"body":           text(),
		"names":          text(),
		"authors":        keyword(),
		"published":      map[string]any{"type": "date", "format": "strict_date_optional_time"},
		"published_from": keyword(),
		"section":        keyword(),
		"tags":           keyword(),
		"images":         map[string]any{"type": "keyword", "index": false, "doc_values": false},
		"fetched":        map[string]any{"type": "date", "format": "strict_date_optional_time"},
		"content_hash":   keyword(),
		"relevance": map[string]any{"properties": map[string]any{
			"score": map[string]any{"type": "float"},
			"terms": keyword(),
		}},
		"entities": map[string]any{"properties": map[string]any{
			"people": nested(map[string]any{"name": name(), "roles": name(), "mentions": mentions}),
			"decisions": nested(map[string]any{
				"kind": keyword(), "number": keyword(),
				"symbol":  map[string]any{"type": "keyword", "normalizer": "dxnews_fold"},
				"issuer":  name(),
				"date":    map[string]any{"type": "date", "format": "strict_date", "ignore_malformed": true},
				"subject": text(), "mentions": mentions,
			}),
			"targets": nested(map[string]any{
				"value": keyword(), "qualifier": keyword(), "metric": text(),
				"year": map[string]any{"type": "integer", "ignore_malformed": true}, "scope": name(), "mentions": mentions,
			}),
			"organizations": nested(map[string]any{"name": name(), "mentions": mentions}),
			"locations":     nested(map[string]any{"name": name(), "mentions": mentions}),
		}},
		"audio": map[string]any{"properties": map[string]any{
			"voice": keyword(), "url": map[string]any{"type": "keyword", "index": false},
			"duration_ms": map[string]any{"type": "long"}, "bytes": map[string]any{"type": "long"}, "backend": keyword(),
		}},
		"keys":       typed(keyword),
		"facet":      typed(keyword),
		"entity_ids": keyword(),
	})
}

// indexTemplate is a composable index template for the indices matching
// pattern, with dxnews' analysis settings, strict mappings and properties.
func indexTemplate(pattern string, properties map[string]any) map[string]any {
	return map[string]any{
		"index_patterns": []string{pattern},
		"priority":       200,
		"_meta":          map[string]any{"managed_by": "dxnews", "mapping_version": MappingVersion},
		"template": map[string]any{
			"settings": map[string]any{
				"number_of_shards": 1,
				"analysis":         analysis(),
			},
			"mappings": map[string]any{
				"dynamic":    "false",
				"_meta":      map[string]any{"mapping_version": MappingVersion},
				"properties": properties,
			},
		},
	}
}

// typed maps each entity type to a field of the given kind.
func typed(f func() map[string]any) map[string]any {
	props := map[string]any{}
	for _, t := range entityTypes {
		props[t] = f()
	}
	return map[string]any{"properties": props}
}

// entitiesTemplate is the template of the <prefix>-entities-v* indices:
// one document per person, organisation, decision, target and place.
func entitiesTemplate(n names) map[string]any {
	return indexTemplate(n.prefix+"-entities-v*", map[string]any{
		"id":         keyword(),
		"type":       keyword(),
		"name":       name(),
		"key":        keyword(),
		"aliases":    keyword(),
		"count":      map[string]any{"type": "integer"},
		"articles":   keyword(),
		"first_seen": map[string]any{"type": "date", "format": "strict_date"},
		"last_seen":  map[string]any{"type": "date", "format": "strict_date"},
		"role_names": keyword(),
		"roles": nested(map[string]any{
			"role":       name(),
			"first_seen": map[string]any{"type": "date", "format": "strict_date"},
			"last_seen":  map[string]any{"type": "date", "format": "strict_date"},
			"articles":   keyword(),
		}),
		"kind": keyword(), "number": keyword(), "symbol": keyword(), "issuer": keyword(),
		"date":  map[string]any{"type": "date", "format": "strict_date", "ignore_malformed": true},
		"value": keyword(), "metric": keyword(),
		"year":  map[string]any{"type": "integer", "ignore_malformed": true},
		"scope": keyword(),
	})
}

// createBody is the body that creates generation v of an index with its
// alias, which writes to it.
func createBody(alias string) map[string]any {
	return map[string]any{"aliases": map[string]any{alias: map[string]any{"is_write_index": true}}}
}
