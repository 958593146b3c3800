package article

import "slices"

// Entities is what extraction finds in an article's text. Its JSON form is
// the output of `dxnews extract` and the "entities" of every article record.
type Entities struct {
	People        []Person       `json:"people"`
	Decisions     []Decision     `json:"decisions"`
	Targets       []Target       `json:"targets"`
	Organizations []Organization `json:"organizations"`
	Locations     []Location     `json:"locations"`
}

// Mention is a byte range [Start, End) into the NFC-normalised UTF-8 text.
type Mention struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Person is a named person with every role the text states for them.
type Person struct {
	// Name is the fullest form written ("Phan Văn Mãi", not "ông Mãi").
	Name     string    `json:"name"`
	Roles    []string  `json:"roles"`
	Mentions []Mention `json:"mentions"`
}

// Decision is a numbered legal or administrative document.
type Decision struct {
	// Kind is one of Quyết định, Nghị quyết, Nghị định, Chỉ thị, Thông tư,
	// Luật, Kế hoạch, Đề án, Chương trình, Chiến lược, Công văn.
	Kind string `json:"kind"`
	// Number is the leading number as written ("944", "06").
	Number string `json:"number"`
	// Symbol is the full symbol when given ("749/QĐ-TTg", "09-NQ/TU").
	Symbol string `json:"symbol,omitempty"`
	Issuer string `json:"issuer"`
	// Date is ISO YYYY-MM-DD when the text states it, else "".
	Date     string    `json:"date"`
	Subject  string    `json:"subject"`
	Mentions []Mention `json:"mentions"`
}

// Target is a goal to reach, not an achieved statistic.
type Target struct {
	// Value is as written ("85%", "0,75", "50").
	Value string `json:"value"`
	// Qualifier is ít nhất, tối thiểu, trên, khoảng, tăng or "".
	Qualifier string    `json:"qualifier,omitempty"`
	Metric    string    `json:"metric"`
	Year      string    `json:"year"`
	Scope     string    `json:"scope"`
	Mentions  []Mention `json:"mentions"`
}

// Organization is a named organisation in its most complete written form.
type Organization struct {
	Name     string    `json:"name"`
	Mentions []Mention `json:"mentions"`
}

// Location is a place name.
type Location struct {
	Name     string    `json:"name"`
	Mentions []Mention `json:"mentions"`
}

// Normalize replaces nil slices with empty ones, recursively.
func (e *Entities) Normalize() {
	e.People = normalizeEach(e.People, func(p *Person) {
		p.Roles = nonNil(p.Roles)
		p.Mentions = nonNil(p.Mentions)
	})
	e.Decisions = normalizeEach(e.Decisions, func(d *Decision) { d.Mentions = nonNil(d.Mentions) })
	e.Targets = normalizeEach(e.Targets, func(t *Target) { t.Mentions = nonNil(t.Mentions) })
	e.Organizations = normalizeEach(e.Organizations, func(o *Organization) { o.Mentions = nonNil(o.Mentions) })
	e.Locations = normalizeEach(e.Locations, func(l *Location) { l.Mentions = nonNil(l.Mentions) })
}

// WithoutMentions returns a copy of e whose entities carry no mentions; e
// and the slices it holds are left as they are.
func (e Entities) WithoutMentions() Entities {
	e.People = each(slices.Clone(e.People), func(p *Person) { p.Mentions = nil })
	e.Decisions = each(slices.Clone(e.Decisions), func(d *Decision) { d.Mentions = nil })
	e.Targets = each(slices.Clone(e.Targets), func(t *Target) { t.Mentions = nil })
	e.Organizations = each(slices.Clone(e.Organizations), func(o *Organization) { o.Mentions = nil })
	e.Locations = each(slices.Clone(e.Locations), func(l *Location) { l.Mentions = nil })
	return e
}

// normalizeEach returns s, or an empty slice for nil, with normalize
// applied to each element.
func normalizeEach[T any](s []T, normalize func(*T)) []T {
	return each(nonNil(s), normalize)
}

// each applies f to every element of s in place and returns s.
func each[T any](s []T, f func(*T)) []T {
	for i := range s {
		f(&s[i])
	}
	return s
}
