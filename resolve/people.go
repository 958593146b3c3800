package resolve

import (
	"cmp"
	"slices"
	"strings"
)

// personMention is one article's mention of a person.
type personMention struct {
	doc, date string
	name      string
	roles     []DocRole
	province  string // from the roles' names, "" when none says
}

// cluster is the mentions taken to be one person.
type cluster struct {
	province    string
	first, last string
	mentions    []personMention
}

// people groups mentions by folded name, then keeps apart people whose
// roles cannot both be true: roles in different provinces over
// overlapping periods. A mention whose roles name no province joins the
// person seen most.
func (b *builder) people(docs []Doc) {
	byName := map[string][]personMention{}
	for i := range docs {
		d := &docs[i]
		date := d.date()
		for _, p := range d.People {
			if p.Name == "" {
				continue
			}
			m := personMention{doc: d.ID, date: date, name: p.Name, roles: p.Roles}
			for _, r := range p.Roles {
				if pl := b.placeOf(r.Role); pl.Province63 != "" || pl.Province34 != "" {
					m.province = firstNonEmpty(pl.Province63, pl.Province34)
					break
				}
			}
			k := b.fold(p.Name)
			byName[k] = append(byName[k], m)
		}
	}
	for _, k := range sortedKeys(byName) {
		clusters := splitHomonyms(byName[k])
		var ids []string
		for _, c := range clusters {
			id := TypePerson + "-" + slug(k)
			if len(clusters) > 1 && c.province != "" {
				id += "-" + slug(c.province)
			}
			e := b.person(id, c)
			ids = append(ids, e.ID)
		}
		if len(ids) > 1 {
			for _, id := range ids {
				e := b.g.byID[id]
				e.Homonyms = slices.DeleteFunc(slices.Clone(ids), func(x string) bool { return x == id })
			}
		}
	}
}

// splitHomonyms splits the mentions of one name into people.
func splitHomonyms(ms []personMention) []*cluster {
	byProv := map[string]*cluster{}
	for _, m := range ms {
		if m.province == "" {
			continue
		}
		c := byProv[m.province]
		if c == nil {
			c = &cluster{province: m.province}
			byProv[m.province] = c
		}
		c.mentions = append(c.mentions, m)
		if m.date != "" && (c.first == "" || m.date < c.first) {
			c.first = m.date
		}
		if m.date > c.last {
			c.last = m.date
		}
	}
	provs := sortedKeys(byProv)
	// Provinces whose periods do not overlap are one person who moved:
	// merge them; overlapping ones stay apart.
	var people []*cluster
	for _, p := range provs {
		c := byProv[p]
		merged := false
		for _, q := range people {
			if !overlaps(q, c) {
				q.mentions = append(q.mentions, c.mentions...)
				q.first, q.last = min2(q.first, c.first), max(q.last, c.last)
				merged = true
				break
			}
		}
		if !merged {
			people = append(people, c)
		}
	}
	if len(people) == 0 {
		return []*cluster{{mentions: ms}}
	}
	if len(people) == 1 {
		people[0].mentions = ms
		return people
	}
	// The largest takes the mentions no province places.
	slices.SortStableFunc(people, func(x, y *cluster) int { return cmp.Compare(len(y.mentions), len(x.mentions)) })
	for _, m := range ms {
		if m.province == "" {
			people[0].mentions = append(people[0].mentions, m)
		}
	}
	for _, c := range people {
		slices.SortStableFunc(c.mentions, func(x, y personMention) int { return strings.Compare(x.date, y.date) })
	}
	return people
}

func min2(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

// overlaps reports whether two clusters' periods overlap; undated ones are
// taken to overlap everything.
func overlaps(a, b *cluster) bool {
	if a.first == "" || b.first == "" {
		return true
	}
	return a.first <= b.last && b.first <= a.last
}

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
	e := b.entity(TypePerson, id, gr)
	for _, k := range sortedKeys(roles) {
		rg := roles[k]
		if rg == nil {
			continue
		}
		slices.SortStableFunc(rg.docs, func(x, y string) int { return strings.Compare(b.g.docs[x].Date, b.g.docs[y].Date) })
		r := Role{Role: bestOf(rg.names), Articles: rg.docs, Place: rg.place}
		r.match = b.fold(r.Role) + "\n" + b.fold(rg.key)
		r.FirstSeen, r.LastSeen = span(rg.current)
		if r.FirstSeen == "" {
			r.FirstSeen, r.LastSeen = span(rg.allDates)
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
	for _, m := range c.mentions {
		b.g.persons[m.doc+"\x00"+m.name] = e.ID
	}
	return e
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

// bestOf picks the display form of a name or role: the fullest written
// form, without a bracketed acronym that follows its expansion ("Sở Khoa
// học và Công nghệ (KH&CN) TP.HCM" shows as "Sở Khoa học và Công nghệ
// TP.HCM"). The form dropped stays in names, so it becomes an alias.
func bestOf(names map[string]int) string {
	best := ""
	for n := range names {
		if best == "" || fullness(n) > fullness(best) || (fullness(n) == fullness(best) && n < best) {
			best = n
		}
	}
	if bare, found := stripAcronyms(best); len(found) > 0 && bare != "" {
		if _, ok := names[bare]; !ok {
			names[bare] = 0
		}
		return bare
	}
	return best
}
