package resolve

import (
	"slices"

	"dxnews/index"
)

// organizations groups organisation names by comparison key, so written
// variants ("Bộ TT&TT", "Bộ Thông tin và Truyền thông (TT&TT)") are one.
func (b *builder) organizations(docs []Doc) {
	groups := groupNames(docs, func(d *Doc) []string { return d.Orgs }, func(name string) string { return b.keys.key(name).key })
	for _, k := range sortedKeys(groups) {
		e := b.entity(index.TypeOrganization, index.TypeOrganization+"-"+slug(k), groups[k])
		b.add(e, fold(k))
	}
}

// locations groups place names by the gazetteer's canonical name ("TPHCM",
// "TP. Hồ Chí Minh" → TP.HCM) and maps each to its provinces.
func (b *builder) locations(docs []Doc) {
	placeOf := map[string]Place{} // canonical name → the place of its first written form
	groups := groupNames(docs, func(d *Doc) []string { return d.Locations }, func(name string) string {
		p := b.places.locate(name)
		if _, ok := placeOf[p.Name]; !ok {
			placeOf[p.Name] = p
		}
		return p.Name
	})
	for _, k := range sortedKeys(groups) {
		gr := groups[k]
		gr.names[k] += 0 // the canonical name is always a candidate
		e := b.entity(index.TypeLocation, index.TypeLocation+"-"+slug(k), gr)
		p := placeOf[k]
		if p.Known {
			// The gazetteer's name wins over written variants.
			if e.Name != k {
				e.Aliases = append(e.Aliases, e.Name)
				e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool { return a == k })
				slices.Sort(e.Aliases)
				e.Name = k
			}
		}
		if p.Province63 != "" || p.Province34 != "" {
			e.Place = &p
		}
		b.add(e)
	}
}

// groupNames groups the names of one type each doc gives (names) by key,
// in article order; empty names are skipped.
func groupNames(docs []Doc, names func(*Doc) []string, key func(name string) string) map[string]*group {
	groups := map[string]*group{}
	for i := range docs {
		d := &docs[i]
		date := d.date()
		for _, name := range names(d) {
			if name == "" {
				continue
			}
			k := key(name)
			gr := groups[k]
			if gr == nil {
				gr = &group{}
				groups[k] = gr
			}
			gr.add(name, d.ID, date)
		}
	}
	return groups
}
