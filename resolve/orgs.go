package resolve

import "slices"

// organizations groups organisation names by comparison key, so written
// variants ("Bộ TT&TT", "Bộ Thông tin và Truyền thông (TT&TT)") are one.
func (b *builder) organizations(docs []Doc) {
	groups := map[string]*group{}
	for i := range docs {
		d := &docs[i]
		date := d.date()
		for _, name := range d.Orgs {
			if name == "" {
				continue
			}
			k := b.keys.key(name)
			gr := groups[k.key]
			if gr == nil {
				gr = &group{}
				groups[k.key] = gr
			}
			gr.add(name, d.ID, date)
		}
	}
	for _, k := range sortedKeys(groups) {
		e := b.entity(TypeOrganization, TypeOrganization+"-"+slug(k), groups[k])
		b.add(e, fold(k))
	}
}

// locations groups place names by the gazetteer's canonical name ("TPHCM",
// "TP. Hồ Chí Minh" → TP.HCM) and maps each to its provinces.
func (b *builder) locations(docs []Doc) {
	groups := map[string]*group{}
	placeOf := map[string]Place{}
	for i := range docs {
		d := &docs[i]
		date := d.date()
		for _, name := range d.Locations {
			if name == "" {
				continue
			}
			p := b.places.locate(name)
			gr := groups[p.Name]
			if gr == nil {
				gr = &group{}
				groups[p.Name] = gr
				placeOf[p.Name] = p
			}
			gr.add(name, d.ID, date)
		}
	}
	for _, k := range sortedKeys(groups) {
		gr := groups[k]
		gr.names[k] += 0 // the canonical name is always a candidate
		e := b.entity(TypeLocation, TypeLocation+"-"+slug(k), gr)
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
