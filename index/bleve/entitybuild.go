package bleve

import (
	"context"
	"fmt"
	"slices"
	"time"

	"dxnews/article"
	"dxnews/index"

	bleveindex "github.com/blevesearch/bleve_index_api"
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
	t, err := func() (*entityTable, error) {
		r, err := i.reader()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		return scanReader(ctx, r)
	}()
	if err != nil && ctx.Err() == nil {
		return nil, fmt.Errorf("bleve: entity table: %w", err)
	}
	return t, err
}

// reader opens a reader of the index as it is now.
func (i *Index) reader() (bleveindex.IndexReader, error) {
	adv, err := i.idx.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// scanReader fills a new table from the doc values of r's articles.
func scanReader(ctx context.Context, r bleveindex.IndexReader) (*entityTable, error) {
	fresh := newEntityTable()
	if n, err := r.DocCount(); err == nil {
		fresh.reserve(int(n))
	}
	dv, err := r.DocValueReader(scanFields())
	if err != nil {
		return nil, err
	}
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer all.Close()
	for n := 0; ; n++ {
		if n%1000 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		iid, err := all.Next()
		if err != nil {
			return nil, err
		}
		if iid == nil {
			fresh.link()
			return fresh, nil
		}
		scan := docScan{d: newDocEntities()}
		if err := dv.VisitDocValues(iid, scan.visit); err != nil {
			return nil, err
		}
		if scan.id != "" {
			fresh.put(scan.id, scan.d)
		}
	}
}

// scanFields are the fields whose doc values make a table entry.
func scanFields() []string {
	fields := []string{fieldID, fieldSource, fieldNewest, fieldRoles}
	for _, typ := range index.EntityTypes {
		fields = append(fields, nameField(typ))
	}
	return fields
}

// docScan gathers one article's entry from its doc values.
type docScan struct {
	id string
	d  docEntities
}

func (s *docScan) visit(field string, term []byte) {
	switch field {
	case fieldID:
		s.id = string(term)
	case fieldSource:
		s.d.source = string(term)
	case fieldNewest:
		if t, err := time.Parse(sortKeyLayout, string(term)); err == nil {
			s.d.published = t.UnixNano()
		}
	case fieldRoles:
		s.d.addRole(string(term))
	default:
		if k := slices.IndexFunc(index.EntityTypes, func(typ string) bool { return nameField(typ) == field }); k >= 0 {
			s.d.names[k] = append(s.d.names[k], string(term))
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
