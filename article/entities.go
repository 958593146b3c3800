package article

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
	if e.People == nil {
		e.People = []Person{}
	}
	for i := range e.People {
		e.People[i].Roles = nonNil(e.People[i].Roles)
		e.People[i].Mentions = nonNilMentions(e.People[i].Mentions)
	}
	if e.Decisions == nil {
		e.Decisions = []Decision{}
	}
	for i := range e.Decisions {
		e.Decisions[i].Mentions = nonNilMentions(e.Decisions[i].Mentions)
	}
	if e.Targets == nil {
		e.Targets = []Target{}
	}
	for i := range e.Targets {
		e.Targets[i].Mentions = nonNilMentions(e.Targets[i].Mentions)
	}
	if e.Organizations == nil {
		e.Organizations = []Organization{}
	}
	for i := range e.Organizations {
		e.Organizations[i].Mentions = nonNilMentions(e.Organizations[i].Mentions)
	}
	if e.Locations == nil {
		e.Locations = []Location{}
	}
	for i := range e.Locations {
		e.Locations[i].Mentions = nonNilMentions(e.Locations[i].Mentions)
	}
}

func nonNilMentions(m []Mention) []Mention {
	if m == nil {
		return []Mention{}
	}
	return m
}
