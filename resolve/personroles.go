package resolve

import (
	"slices"
	"strings"

	"dxnews/article"
	"dxnews/index"
)

// roleGroup gathers one role of a person across articles.
type roleGroup struct {
	key      string
	names    map[string]int
	docs     []string
	current  []string // dates stated as current
	former   []string // article IDs stating it as past
	allDates []string
	place    string
}

// person makes the entity of one cluster, with its dated roles.
func (b *builder) person(id string, c *cluster) *Entity {
	gr := &group{}
	roles := map[string]*roleGroup{}
	for _, m := range c.mentions {
		gr.add(m.name, m.doc, m.date)
		for _, r := range m.roles {
			k := b.keys.key(r.Role).key
			rg := roles[k]
			if rg == nil {
				rg = &roleGroup{key: k, names: map[string]int{}}
				roles[k] = rg
			}
			rg.names[r.Role]++
			if n := len(rg.docs); n == 0 || rg.docs[n-1] != m.doc {
				rg.docs = append(rg.docs, m.doc)
				rg.allDates = append(rg.allDates, m.date)
			}
			if r.Former {
				rg.former = append(rg.former, m.doc)
			} else {
				rg.current = append(rg.current, m.date)
			}
			if rg.place == "" {
				if pl := b.placeOf(r.Role); pl.Name != "" {
					rg.place = firstNonEmpty(pl.Province63, pl.Province34)
				}
			}
		}
	}
	mergeRoleVariants(roles)
	e := b.entity(index.TypePerson, id, gr)
	for _, k := range sortedKeys(roles) {
		rg := roles[k]
		if rg == nil {
			continue
		}
		sortByDate(rg.docs, rg.allDates)
		r := Role{Role: bestOf(rg.names), Articles: rg.docs, Place: rg.place}
		r.match = b.fold(r.Role) + "\n" + b.fold(rg.key)
		r.FirstSeen, r.LastSeen = article.WidenSpan("", "", rg.current...)
		if r.FirstSeen == "" {
			r.FirstSeen, r.LastSeen = article.WidenSpan("", "", rg.allDates...)
		}
		if len(rg.former) > 0 {
			r.Former = rg.former
		}
		e.Roles = append(e.Roles, r)
	}
	slices.SortFunc(e.Roles, func(x, y Role) int {
		if c := strings.Compare(x.FirstSeen, y.FirstSeen); c != 0 {
			return c
		}
		if c := strings.Compare(x.LastSeen, y.LastSeen); c != 0 {
			return c
		}
		return strings.Compare(x.Role, y.Role)
	})
	if c.province != "" {
		p := b.places.locate(c.province)
		e.Place = &p
	}
	b.add(e)
	return e
}

// sortByDate orders docs by their dates, the parallel slice dates, keeping
// the order of docs of the same day; dates is left as it was.
func sortByDate(docs, dates []string) {
	type dated struct{ doc, date string }
	p := make([]dated, len(docs))
	for i := range docs {
		p[i] = dated{docs[i], dates[i]}
	}
	slices.SortStableFunc(p, func(x, y dated) int { return strings.Compare(x.date, y.date) })
	for i := range p {
		docs[i] = p[i].doc
	}
}

// mergeRoleVariants folds a role written without its place or body into
// the one fuller form that extends it ("Giám đốc Sở TT&TT" into "Giám đốc
// Sở TT&TT TP.HCM"). A short form that several fuller ones extend stays
// as it is. Merged entries are set to nil.
func mergeRoleVariants(roles map[string]*roleGroup) {
	keys := sortedKeys(roles)
	for _, short := range keys {
		var ext string
		n := 0
		for _, long := range keys {
			if long != short && strings.HasPrefix(long, short+" ") && roles[long] != nil {
				ext = long
				n++
			}
		}
		if n != 1 {
			continue
		}
		s, l := roles[short], roles[ext]
		for name, c := range s.names {
			l.names[name] += c
		}
		for i, d := range s.docs {
			if !slices.Contains(l.docs, d) {
				l.docs = append(l.docs, d)
				l.allDates = append(l.allDates, s.allDates[i])
			}
		}
		l.current = append(l.current, s.current...)
		for _, f := range s.former {
			if !slices.Contains(l.former, f) {
				l.former = append(l.former, f)
			}
		}
		roles[short] = nil
	}
	for k, v := range roles {
		if v == nil {
			delete(roles, k)
		}
	}
}
