package resolve

import (
	"cmp"
	"slices"
	"strings"

	"dxnews/article"
)

// builder holds the state of one Build: name keys, places and folds met so
// far, and the graph being filled.
type builder struct {
	keys    *keyer
	places  placeCache
	g       *Graph
	folds   map[string]string
	placeIn map[string]Place
}

// fold is fold memoised: names repeat across articles.
func (b *builder) fold(s string) string {
	if f, ok := b.folds[s]; ok {
		return f
	}
	f := fold(s)
	b.folds[s] = f
	return f
}

// placeOf is placeCache.placeIn memoised per role.
func (b *builder) placeOf(role string) Place {
	if p, ok := b.placeIn[role]; ok {
		return p
	}
	p := b.places.placeIn(role)
	b.placeIn[role] = p
	return p
}

// entity makes the entity of a group; aliases are the other written forms.
func (b *builder) entity(typ, id string, gr *group) *Entity {
	name := gr.bestName()
	e := &Entity{Type: typ, ID: id, Name: name, Aliases: []string{}, Roles: []Role{}}
	for n := range gr.names {
		if n != name {
			e.Aliases = append(e.Aliases, n)
		}
	}
	slices.Sort(e.Aliases)
	e.Aliases = slices.Compact(e.Aliases)
	e.Count = len(gr.docs)
	e.Articles = make([]string, len(gr.docs))
	for i, id := range gr.docs {
		e.Articles[len(gr.docs)-1-i] = id
	}
	e.FirstSeen, e.LastSeen = article.WidenSpan("", "", gr.dates...)
	return e
}

// add registers e, making its ID unique and indexing its names.
func (b *builder) add(e *Entity, extraKeys ...string) {
	base, n := e.ID, 2
	for b.g.byID[e.ID] != nil {
		e.ID = base + "-" + itoa(n)
		n++
	}
	b.g.byID[e.ID] = e
	b.g.byType[e.Type] = append(b.g.byType[e.Type], e)
	m := b.g.alias[e.Type]
	if m == nil {
		m = map[string]string{}
		b.g.alias[e.Type] = m
	}
	parts := []string{b.fold(e.Name)}
	for _, a := range e.Aliases {
		parts = append(parts, b.fold(a))
	}
	parts = append(parts, extraKeys...)
	for _, p := range parts {
		if _, ok := m[p]; !ok && p != "" {
			m[p] = e.ID
		}
	}
	e.folded = strings.Join(parts, "\n")
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for n >= 10 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	buf[i] = byte('0' + n)
	return string(buf[i:])
}

// finish sorts each type's entities: most articles first, then by name.
func (b *builder) finish() {
	for _, list := range b.g.byType {
		slices.SortFunc(list, func(x, y *Entity) int {
			if c := cmp.Compare(y.Count, x.Count); c != 0 {
				return c
			}
			return strings.Compare(x.ID, y.ID)
		})
	}
}
