package elastic

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"dxnews/article"
	"dxnews/index"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// maxEntityArticles bounds the articles read to rebuild the entity
// documents one write touches.
const maxEntityArticles = 10000

// entityDoc is one document of the entities index: an entity of one type
// with everything the articles say of it. It is built from the articles by
// buildEntities alone, so another resolver can replace it later.
type entityDoc struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Name      string    `json:"name"`
	Key       string    `json:"key"`     // index.FoldKey(Name), for look-ups
	Aliases   []string  `json:"aliases"` // other written forms that find it
	Count     int       `json:"count"`   // articles naming it
	Articles  []string  `json:"articles"`
	FirstSeen string    `json:"first_seen,omitempty"` // YYYY-MM-DD of the oldest dated article
	LastSeen  string    `json:"last_seen,omitempty"`
	RoleNames []string  `json:"role_names"`
	Roles     []roleDoc `json:"roles"`

	// Decisions.
	Kind   string `json:"kind,omitempty"`
	Number string `json:"number,omitempty"`
	Symbol string `json:"symbol,omitempty"`
	Issuer string `json:"issuer,omitempty"`
	Date   string `json:"date,omitempty"`
	// Targets.
	Value  string `json:"value,omitempty"`
	Metric string `json:"metric,omitempty"`
	Year   string `json:"year,omitempty"`
	Scope  string `json:"scope,omitempty"`
}

// roleDoc is one role of a person, with when and where it was stated.
type roleDoc struct {
	Role      string   `json:"role"`
	FirstSeen string   `json:"first_seen,omitempty"`
	LastSeen  string   `json:"last_seen,omitempty"`
	Articles  []string `json:"articles"`
}

// buildEntities returns the entity documents of every entity the articles
// name, keyed by ID.
func buildEntities(arts []article.Article) map[string]*entityDoc {
	arts = append([]article.Article(nil), arts...)
	slices.SortStableFunc(arts, index.NewestFirst)
	out := map[string]*entityDoc{}
	for _, a := range arts {
		day := ""
		if !a.Published.IsZero() {
			day = a.Published.Format(time.DateOnly)
		}
		for _, typ := range entityTypes {
			for _, n := range index.EntityNames(a.Entities, typ) {
				id := EntityID(typ, n)
				e := out[id]
				if e == nil {
					e = &entityDoc{ID: id, Type: typ, Name: n, Key: index.FoldKey(n), Aliases: []string{}, Articles: []string{}, RoleNames: []string{}, Roles: []roleDoc{}}
					out[id] = e
				}
				e.Count++
				e.Articles = append(e.Articles, a.ID)
				e.FirstSeen, e.LastSeen = article.WidenSpan(e.FirstSeen, e.LastSeen, day)
				e.fill(a, typ, day)
			}
		}
	}
	for _, e := range out {
		sort.Strings(e.RoleNames)
		sort.Slice(e.Roles, func(x, y int) bool { return e.Roles[x].Role < e.Roles[y].Role })
		sort.Strings(e.Aliases)
	}
	return out
}

// fill adds what article a says of the entity: roles of a person, the
// fields of a decision or target.
func (e *entityDoc) fill(a article.Article, typ, day string) {
	switch typ {
	case index.TypePerson:
		for _, p := range a.Entities.People {
			if index.Clean(p.Name) != e.Name {
				continue
			}
			for _, r := range p.Roles {
				if r = index.Clean(r); r != "" {
					e.addRole(r, a.ID, day)
				}
			}
		}
	case index.TypeDecision:
		for _, d := range a.Entities.Decisions {
			if index.DecisionName(d) != e.Name {
				continue
			}
			setOnce(&e.Kind, d.Kind)
			setOnce(&e.Number, d.Number)
			setOnce(&e.Symbol, d.Symbol)
			setOnce(&e.Issuer, index.Clean(d.Issuer))
			setOnce(&e.Date, d.Date)
			for _, k := range index.DecisionKeys(d) {
				if k != e.Key {
					e.Aliases = index.AppendUnique(e.Aliases, k)
				}
			}
		}
	case index.TypeTarget:
		for _, t := range a.Entities.Targets {
			if index.TargetName(t) != e.Name {
				continue
			}
			setOnce(&e.Value, t.Value)
			setOnce(&e.Metric, index.Clean(t.Metric))
			setOnce(&e.Year, t.Year)
			setOnce(&e.Scope, index.Clean(t.Scope))
		}
	}
}

func (e *entityDoc) addRole(role, id, day string) {
	e.RoleNames = index.AppendUnique(e.RoleNames, role)
	for k := range e.Roles {
		r := &e.Roles[k]
		if r.Role == role {
			r.Articles = index.AppendUnique(r.Articles, id)
			r.FirstSeen, r.LastSeen = article.WidenSpan(r.FirstSeen, r.LastSeen, day)
			return
		}
	}
	e.Roles = append(e.Roles, roleDoc{Role: role, Articles: []string{id}, FirstSeen: day, LastSeen: day})
}

// setOnce keeps the first non-empty value (articles come newest first).
func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

// entityIDsOf returns the entity IDs the indexed versions of the given
// articles feed, so a write can rebuild the entities an article stops
// naming.
func (i *Index) entityIDsOf(ctx context.Context, ids []string) ([]string, error) {
	var res struct {
		Docs []struct {
			Found  bool `json:"found"`
			Source struct {
				EntityIDs []string `json:"entity_ids"`
			} `json:"_source"`
		} `json:"docs"`
	}
	req := esapi.MgetRequest{
		Index:  i.n.articlesAlias(),
		Body:   jsonBody(map[string]any{"ids": ids}),
		Source: []string{"entity_ids"},
	}
	if err := i.do(ctx, req, &res); err != nil {
		return nil, fmt.Errorf("elastic: read the indexed versions: %w", err)
	}
	var out []string
	for _, d := range res.Docs {
		if d.Found {
			out = append(out, d.Source.EntityIDs...)
		}
	}
	return out, nil
}

// syncEntities rebuilds the entity documents with the given IDs from the
// articles that name them, and deletes those no article names any more.
func (i *Index) syncEntities(ctx context.Context, touched map[string]bool) error {
	if len(touched) == 0 {
		return nil
	}
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	i.entityMu.Lock()
	defer i.entityMu.Unlock()
	body := map[string]any{
		"query":            map[string]any{"terms": map[string]any{"entity_ids": ids}},
		"size":             maxEntityArticles,
		"track_total_hits": true,
		"_source":          []string{"id", "published", "entities"},
		"sort":             []any{map[string]any{"published": map[string]any{"order": "desc", "missing": "_last"}}, map[string]any{"id": "asc"}},
	}
	var res searchResponse
	if err := i.do(ctx, esapi.SearchRequest{Index: []string{i.n.articlesAlias()}, Body: jsonBody(body)}, &res); err != nil {
		return fmt.Errorf("elastic: read articles for entities: %w", err)
	}
	if res.Hits.Total.Value > len(res.Hits.Hits) {
		i.logger.Warn("entity documents built from the newest articles only", "articles", res.Hits.Total.Value, "read", len(res.Hits.Hits))
	}
	arts := make([]article.Article, 0, len(res.Hits.Hits))
	for _, h := range res.Hits.Hits {
		a, err := index.Decode(h.ID, h.Source)
		if err != nil {
			return err
		}
		arts = append(arts, a)
	}
	built := buildEntities(arts)
	ops := make([]op, 0, len(ids))
	for _, id := range ids {
		e, ok := built[id]
		if !ok {
			ops = append(ops, op{action: "delete", id: id})
			continue
		}
		b, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("elastic: encode entity %s: %w", id, err)
		}
		ops = append(ops, op{action: "index", id: id, body: b})
	}
	failed, err := i.bulk(ctx, i.n.entitiesAlias(), ops)
	if err != nil {
		return err
	}
	for id, e := range failed {
		return fmt.Errorf("elastic: entity %s not written (%d more): %w", id, len(failed)-1, e)
	}
	return nil
}

// Entities returns the entities of one type whose folded name contains the
// folded q, most cited first, from the entities index.
func (i *Index) Entities(ctx context.Context, q index.EntityQuery) ([]index.Entity, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	if err := i.acquire(ctx); err != nil {
		return nil, err
	}
	filter := []any{map[string]any{"term": map[string]any{"type": q.Type}}}
	if want := index.FoldKey(q.Q); want != "" {
		filter = append(filter, map[string]any{"wildcard": map[string]any{"key": map[string]any{"value": "*" + escapeWildcard(want) + "*"}}})
	}
	body := map[string]any{
		"query": map[string]any{"bool": map[string]any{"filter": filter}},
		"size":  q.Size,
		"sort":  []any{map[string]any{"count": "desc"}, map[string]any{"name.raw": "asc"}},
	}
	var res searchResponse
	if err := i.do(ctx, esapi.SearchRequest{Index: []string{i.n.entitiesAlias()}, Body: jsonBody(body)}, &res); err != nil {
		return nil, fmt.Errorf("elastic: entities: %w", err)
	}
	out := []index.Entity{}
	for _, h := range res.Hits.Hits {
		var e entityDoc
		if err := json.Unmarshal(h.Source, &e); err != nil {
			return nil, fmt.Errorf("elastic: decode entity %s: %w", h.ID, err)
		}
		ent := index.Entity{Type: e.Type, Name: e.Name, Count: e.Count, Roles: e.RoleNames, Articles: e.Articles}
		if ent.Roles == nil {
			ent.Roles = []string{}
		}
		if ent.Articles == nil {
			ent.Articles = []string{}
		}
		out = append(out, ent)
	}
	return out, nil
}

// escapeWildcard escapes the characters a wildcard pattern gives meaning to.
func escapeWildcard(s string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`).Replace(s)
}
