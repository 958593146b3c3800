package resolve

import (
	"strings"
	"time"
	"unique"

	"dxnews/article"
)

// vietnam is the zone article dates are given in (+07:00, no DST).
var vietnam = time.FixedZone("ICT", 7*60*60)

// Doc is the part of an article resolution reads: where it came from,
// when, and its entities without offsets. FromArticle makes one.
type Doc struct {
	ID        string
	Title     string
	URL       string
	Source    string
	Host      string
	Published time.Time
	People    []DocPerson
	Decisions []article.Decision
	Targets   []article.Target
	Orgs      []string
	Locations []string
}

// DocPerson is a person as one article names them.
type DocPerson struct {
	Name  string
	Roles []DocRole
}

// DocRole is a role one article gives a person; Former is set when the
// article states it only as a past role ("từng giữ chức …", "nguyên …").
type DocRole struct {
	Role   string
	Former bool
}

// formerCues precede a role the article says the person no longer holds.
var formerCues = []string{"từng giữ chức", "từng là", "từng làm", "nguyên", "cựu", "trước đây là", "trước đó là"}

// FromArticle keeps what resolution needs from a, so a large collection
// can be held in memory without its text.
func FromArticle(a article.Article) Doc {
	d := Doc{
		ID: a.ID, Title: clean(a.Title), URL: a.URL, Source: intern(a.Source), Host: intern(a.Host),
		Published: a.Published,
	}
	if d.URL == "" {
		d.URL = a.CanonicalURL
	}
	if d.Host == "" {
		d.Host = d.Source
	}
	if d.Published.IsZero() {
		d.Published = a.Fetched
	}
	var text string
	for _, p := range a.Entities.People {
		dp := DocPerson{Name: intern(clean(p.Name))}
		for _, r := range p.Roles {
			r = clean(r)
			if r == "" {
				continue
			}
			if text == "" {
				text = a.Text()
			}
			dp.Roles = append(dp.Roles, DocRole{Role: intern(r), Former: statedAsFormer(text, r)})
		}
		d.People = append(d.People, dp)
	}
	for _, x := range a.Entities.Decisions {
		x.Mentions = nil
		x.Kind, x.Number, x.Symbol, x.Issuer, x.Date = intern(x.Kind), intern(x.Number), intern(x.Symbol), intern(x.Issuer), intern(x.Date)
		d.Decisions = append(d.Decisions, x)
	}
	for _, t := range a.Entities.Targets {
		t.Mentions = nil
		t.Value, t.Qualifier, t.Metric, t.Year, t.Scope = intern(t.Value), intern(t.Qualifier), intern(t.Metric), intern(t.Year), intern(t.Scope)
		d.Targets = append(d.Targets, t)
	}
	for _, o := range a.Entities.Organizations {
		d.Orgs = append(d.Orgs, intern(clean(o.Name)))
	}
	for _, l := range a.Entities.Locations {
		d.Locations = append(d.Locations, intern(clean(l.Name)))
	}
	return d
}

// intern returns one shared copy of s: across a large collection the same
// names, roles and sources recur in thousands of articles, and each
// decoded article holds its own copy of them.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

// statedAsFormer reports whether every place text names role is preceded
// by a cue saying the role is a past one. A role not found verbatim (the
// extractor joined it from parts) counts as current.
func statedAsFormer(text, role string) bool {
	seen := false
	for from := 0; ; {
		i := strings.Index(text[from:], role)
		if i < 0 {
			break
		}
		i += from
		seen = true
		if !containsAny(text[max(0, i-40):i], formerCues) {
			return false
		}
		from = i + len(role)
	}
	return seen
}

// date is the article's day in Vietnam, "" when unknown. A collection has
// a few thousand days and the graph keeps a day for each article, role and
// target naming it: one shared copy of each saves 7 MB at 100,000 articles.
func (d *Doc) date() string {
	if d.Published.IsZero() {
		return ""
	}
	return intern(d.Published.In(vietnam).Format("2006-01-02"))
}
