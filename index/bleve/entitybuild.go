package bleve

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"dxnews/article"
	"dxnews/index"
)

// ensure builds the table from the index unless it is built already. The
// build reads one snapshot of the index without holding the table's lock,
// so searches go on meanwhile; batches written during it are kept aside
// and applied once it is done (replacing an entry is idempotent).
func (t *entityTable) ensure(ctx context.Context, i *Index) error {
	if t.isBuilt() {
		return nil
	}
	t.buildMu.Lock()
	defer t.buildMu.Unlock()
	if t.isBuilt() {
		return nil
	}
	t.mu.Lock()
	t.pending = []article.Article{}
	t.mu.Unlock()
	fresh, err := scanEntities(ctx, i)
	t.mu.Lock()
	defer t.mu.Unlock()
	pending := t.pending
	t.pending = nil
	if err != nil {
		return err
	}
	t.types, t.ents, t.freeEnt = fresh.types, fresh.ents, fresh.freeEnt
	t.sources, t.strs, t.strNum = fresh.sources, fresh.strs, fresh.strNum
	t.slot, t.slots, t.free = fresh.slot, fresh.slots, fresh.free
	t.published = fresh.published
	t.changes++
	t.built = true
	t.apply(pending)
	i.logger.Debug("entity table built", "articles", len(t.slot), "written meanwhile", len(pending))
	return nil
}

// scanEntities reads what every article of one snapshot of the index names
// into a new table. It reads doc values only: no stored article is
// decoded, and the pages of the index holding them are not read.
func scanEntities(ctx context.Context, i *Index) (*entityTable, error) {
	fresh := newEntityTable()
	fail := func(err error) (*entityTable, error) { return nil, fmt.Errorf("bleve: entity table: %w", err) }
	adv, err := i.idx.Advanced()
	if err != nil {
		return fail(err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fail(err)
	}
	defer r.Close()
	if n, err := r.DocCount(); err == nil {
		fresh.reserve(int(n))
	}
	typeOf := map[string]int{}
	fields := []string{fieldID, fieldSource, fieldNewest, fieldRoles}
	for k, typ := range index.EntityTypes {
		typeOf[nameField(typ)] = k
		fields = append(fields, nameField(typ))
	}
	dv, err := r.DocValueReader(fields)
	if err != nil {
		return fail(err)
	}
	all, err := r.DocIDReaderAll()
	if err != nil {
		return fail(err)
	}
	defer all.Close()
	for n := 0; ; n++ {
		if n%1000 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		iid, err := all.Next()
		if err != nil {
			return fail(err)
		}
		if iid == nil {
			fresh.link()
			return fresh, nil
		}
		var id string
		d := docEntities{published: math.MinInt64, names: make([][]string, len(index.EntityTypes))}
		err = dv.VisitDocValues(iid, func(field string, term []byte) {
			switch field {
			case fieldID:
				id = string(term)
			case fieldSource:
				d.source = string(term)
			case fieldNewest:
				if t, err := time.Parse(sortKeyLayout, string(term)); err == nil {
					d.published = t.UnixNano()
				}
			case fieldRoles:
				d.addRole(string(term))
			default:
				if k, ok := typeOf[field]; ok {
					d.names[k] = append(d.names[k], string(term))
				}
			}
		})
		if err != nil {
			return fail(err)
		}
		if id != "" {
			fresh.put(id, d)
		}
	}
}

// reserve makes room for n articles in an empty table, so that its slots
// take no more memory than they need.
func (t *entityTable) reserve(n int) {
	t.slots = make([]docSlot, 0, n)
	t.published = make([]int64, 0, n)
	t.slot = make(map[string]uint32, n)
}

// link adds every article to the lists of the entities it names, in a
// table filled by put alone: one sort of the slots, then appends in order,
// into lists of the right size.
func (t *entityTable) link() {
	order := make([]uint32, 0, len(t.slot))
	counts := make([]uint32, len(t.ents))
	for s, d := range t.slots {
		if d.id != "" {
			order = append(order, uint32(s))
			for _, n := range d.refs[:d.nents] {
				counts[n]++
			}
		}
	}
	slices.SortFunc(order, t.before)
	for n := range t.ents {
		t.ents[n].articles = make([]uint32, 0, counts[n])
	}
	for _, s := range order {
		d := &t.slots[s]
		for _, n := range d.refs[:d.nents] {
			t.ents[n].articles = append(t.ents[n].articles, s)
		}
	}
}
