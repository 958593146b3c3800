package resolve

// Entity is one person, organisation, decision, place or target family
// across every article.
type Entity struct {
	// Type is one of index.EntityTypes, the types the API names.
	Type string `json:"type"`
	// ID is stable across rebuilds: the type and a slug of the name's
	// comparison key ("organization-bo-thong-tin-truyen-thong").
	ID   string `json:"id"`
	Name string `json:"name"`
	// Aliases are the other written forms merged into this entity.
	Aliases []string `json:"aliases"`
	// Count is the number of articles mentioning it.
	Count int `json:"count"`
	// Roles are a person's roles, dated, earliest first; empty otherwise.
	Roles []Role `json:"roles"`
	// Articles are the IDs of the articles mentioning it, newest first.
	Articles  []string `json:"articles"`
	FirstSeen string   `json:"first_seen,omitempty"`
	LastSeen  string   `json:"last_seen,omitempty"`
	// Place is a location's (or a person's usual) province in both maps.
	Place *Place `json:"place,omitempty"`
	// Decision describes a decision.
	Decision *DecisionInfo `json:"decision,omitempty"`
	// Family is a target family's ID.
	Family string `json:"family,omitempty"`
	// Homonyms are the IDs of other people with the same name whose roles
	// cannot be this person's (another province at the same time).
	Homonyms []string `json:"homonyms,omitempty"`

	folded string // folded name and aliases, for matching
}

// Role is one role of a person with the dates of the articles that state
// it. FirstSeen and LastSeen are the earliest and latest article dates
// (YYYY-MM-DD) giving it as current; articles that only mention it as a
// former role are listed but do not move the dates.
type Role struct {
	Role      string   `json:"role"`
	FirstSeen string   `json:"first_seen"`
	LastSeen  string   `json:"last_seen"`
	Articles  []string `json:"articles"`
	// Former lists the articles that state it as a past role.
	Former []string `json:"former,omitempty"`
	// Place is the province the role is at, when its name says.
	Place string `json:"place,omitempty"`

	match string // folded role and its expanded key, for Holders
}

// DecisionInfo is what is known of a decision across the articles citing it.
type DecisionInfo struct {
	Kind string `json:"kind"`
	// Symbol is the full symbol ("749/QĐ-TTg"), or "" when no article gave it.
	Symbol  string `json:"symbol"`
	Number  string `json:"number"`
	Issuer  string `json:"issuer"`
	Date    string `json:"date"`
	Subject string `json:"subject"`
}
