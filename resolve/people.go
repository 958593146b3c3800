package resolve

import (
	"cmp"
	"slices"
	"strings"

	"dxnews/index"
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
	// A name's mentions are let go once its people are made: they are
	// 200,000 at 100,000 articles, and the people made from them grow
	// as they shrink.
	for _, k := range sortedKeys(byName) {
		clusters := splitHomonyms(byName[k])
		byName[k] = nil
		var ids []string
		for _, c := range clusters {
			id := index.TypePerson + "-" + slug(k)
			if len(clusters) > 1 && c.province != "" {
				id += "-" + slug(c.province)
			}
			e := b.person(id, c)
			ids = append(ids, e.ID)
			// PersonIn finds a person by name when the name is theirs
			// alone, and by name and article when it is shared.
			if len(clusters) > 1 {
				b.g.homonyms[k] = append(b.g.homonyms[k], namesake{e.ID, mentionDocs(c.mentions)})
			}
		}
		if len(ids) > 1 {
			for _, id := range ids {
				e := b.g.byID[id]
				e.Homonyms = slices.DeleteFunc(slices.Clone(ids), func(x string) bool { return x == id })
			}
		}
	}
}

// mentionDocs returns the IDs of the articles of ms, sorted, each once.
func mentionDocs(ms []personMention) []string {
	docs := make([]string, len(ms))
	for i, m := range ms {
		docs[i] = m.doc
	}
	slices.Sort(docs)
	return slices.Clip(slices.Compact(docs))
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
