package resolve

import (
	"slices"
	"strings"

	"dxnews/index"
)

// Entities returns the entities of one type whose name or an alias
// contains every word of q (folded; empty q matches all), most mentioned
// first, at most size (0 = all).
func (g *Graph) Entities(typ, q string, size int) []*Entity {
	list := g.byType[typ]
	words := strings.Fields(fold(q))
	var out []*Entity
	for _, e := range list {
		if matchAll(e.folded, words) {
			out = append(out, e)
			if size > 0 && len(out) == size {
				break
			}
		}
	}
	return out
}

func matchAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// Entity returns the entity with the given ID.
func (g *Graph) Entity(id string) (*Entity, bool) {
	e, ok := g.byID[id]
	return e, ok
}

// Lookup finds an entity of a type by its ID, name or an alias, with or
// without diacritics. Decisions are also found by symbol or bare number
// ("749/QĐ-TTg", "749/qd-ttg", "749").
func (g *Graph) Lookup(typ, name string) (*Entity, bool) {
	if e, ok := g.byID[name]; ok && e.Type == typ {
		return e, true
	}
	m := g.alias[typ]
	if id, ok := m[fold(clean(name))]; ok {
		return g.byID[id], true
	}
	switch typ {
	case index.TypeDecision:
		if id, ok := m[symbolKey(name)]; ok {
			return g.byID[id], true
		}
	case index.TypeOrganization:
		// A written form no article used, with abbreviations expanded.
		if id, ok := m[fold(keyOrEmpty(name))]; ok {
			return g.byID[id], true
		}
	case index.TypeLocation:
		if p := LocatePlace(name); p.Known {
			if id, ok := m[fold(p.Name)]; ok {
				return g.byID[id], true
			}
		}
	}
	return nil, false
}

// PersonIn returns the ID of the person an article names name, "" when
// the article is not among those resolved or no person has the name.
func (g *Graph) PersonIn(articleID, name string) string {
	name = clean(name)
	if _, ok := g.Article(articleID); !ok || name == "" {
		return ""
	}
	k := fold(name)
	hs, shared := g.homonyms[k]
	for _, p := range hs {
		if _, ok := slices.BinarySearch(p.docs, articleID); ok {
			return p.id
		}
	}
	if shared {
		return ""
	}
	return g.alias[index.TypePerson][k]
}

// Article returns how an article is shown in lists.
func (g *Graph) Article(id string) (ArticleRef, bool) {
	i, ok := g.refNum(id)
	if !ok {
		return ArticleRef{}, false
	}
	return g.refs[i], true
}

// refNum is the number of article id in refs.
func (g *Graph) refNum(id string) (int, bool) {
	return slices.BinarySearchFunc(g.refs, id, func(a ArticleRef, id string) int { return strings.Compare(a.ID, id) })
}

// Len returns the number of articles resolved.
func (g *Graph) Len() int { return len(g.refs) }

// Size returns the number of entities.
func (g *Graph) Size() int { return len(g.byID) }

// SourceOfHost returns the outlet name of the articles from a host
// ("www." and case ignored).
func (g *Graph) SourceOfHost(host string) (string, bool) {
	name, ok := g.hosts[hostKey(host)]
	return name, ok
}

// SourceName returns an outlet name as its articles write it, given any
// casing of it.
func (g *Graph) SourceName(s string) (string, bool) {
	name, ok := g.sourceNames[strings.ToLower(strings.TrimSpace(s))]
	return name, ok
}

func hostKey(h string) string {
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(h)), "www.")
}
