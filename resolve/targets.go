package resolve

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"dxnews/index"
)

// targets lines up every goal with its family and place, and makes one
// entity per family.
func (b *builder) targets(docs []Doc) {
	families := map[string]*group{}
	famOf := map[string]string{}
	for i := range docs {
		d := &docs[i]
		date := d.date()
		doc, _ := b.g.refNum(d.ID)
		for _, t := range d.Targets {
			metric := clean(t.Metric)
			fam, ok := famOf[metric]
			if !ok {
				fam = FamilyOf(metric)
				famOf[metric] = fam
			}
			g := goal{doc: doc, GoalValue: GoalValue{
				Value: clean(t.Value), Number: parseNumber(t.Value), Qualifier: clean(t.Qualifier),
				Metric: metric, Family: fam, Year: strings.TrimSpace(t.Year),
			}}
			if scope := clean(t.Scope); scope != "" {
				p := b.places.locate(scope)
				g.Place, g.Province63, g.Province34 = p.Name, p.Province63, p.Province34
				g.places = [3]string{b.fold(p.Name), b.fold(p.Province63), b.fold(p.Province34)}
			}
			b.g.goals = append(b.g.goals, g)
			gr := families[fam]
			if gr == nil {
				gr = &group{}
				families[fam] = gr
			}
			if metric == "" {
				metric = g.Value
			}
			gr.add(metric, d.ID, date)
		}
	}
	for _, f := range Families {
		gr := families[f.ID]
		if gr == nil {
			continue
		}
		e := b.entity(index.TypeTarget, index.TypeTarget+"-"+f.ID, gr)
		// The family's label names it; the wordings seen are its aliases.
		e.Aliases = append(e.Aliases, e.Name)
		slices.Sort(e.Aliases)
		e.Aliases = slices.Compact(e.Aliases)
		e.Name = f.Label
		e.Family = f.ID
		b.add(e, f.ID)
	}
	slices.SortFunc(b.g.goals, b.g.compareGoals)
}

// compareGoals orders goals by family, place, year, then article date.
func (g *Graph) compareGoals(x, y goal) int {
	return cmp.Or(
		strings.Compare(x.Family, y.Family),
		strings.Compare(x.places[0], y.places[0]), // folded: Đà Nẵng before Việt Nam
		strings.Compare(x.Place, y.Place),
		strings.Compare(x.Year, y.Year),
		strings.Compare(g.refs[x.doc].Date, g.refs[y.doc].Date),
		cmp.Compare(x.doc, y.doc), // refs are in the order of their IDs
		strings.Compare(x.Metric, y.Metric),
		strings.Compare(x.Value, y.Value),
	)
}

// parseNumber reads a written value ("85%", "2,5%", "1.000", "top 10")
// as a number, Vietnamese style: "," is the decimal mark and "." groups
// thousands. nil when there is no number.
func parseNumber(v string) *float64 {
	start := strings.IndexAny(v, "0123456789")
	if start < 0 {
		return nil
	}
	end := start
	for end < len(v) && strings.IndexByte("0123456789.,", v[end]) >= 0 {
		end++
	}
	s := strings.TrimRight(v[start:end], ".,")
	s = strings.ReplaceAll(s, ".", "")
	s = strings.ReplaceAll(s, ",", ".")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &f
}
