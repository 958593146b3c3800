package crawler

import (
	"encoding/json"

	bolt "go.etcd.io/bbolt"
)

// Judge decides what to do with rec, the done record of a parsed article
// (ID, content hash and SimHash set). For an article to be emitted or
// recorded as off-topic it claims the ID, hash and SimHash in the same
// step, so two copies crawled at the same moment cannot both be emitted;
// Record drops the claim.
func (s *state) Judge(rec record, relevant bool) outcome {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := decide(rec, s.lookupLocked(rec.ID, rec.Hash, rec.Sim), relevant)
	if o == outcomeEmit || o == outcomeOffTopic {
		s.claimLocked(rec)
	}
	return o
}

// Record records an article handled (emitted, or off-topic), with its
// validators, ID, content hash and SimHash, and drops its claim.
func (s *state) Record(rec record) error {
	return s.append(rec)
}

// RecordUnchanged records an article whose content did not change: only
// when its validators did, so an unchanged crawl writes nothing.
func (s *state) RecordUnchanged(rec record) error {
	s.mu.Lock()
	old, _ := s.getLocked(rec.URL)
	if old.ETag == rec.ETag && old.LastModified == rec.LastModified {
		s.mu.Unlock()
		return nil
	}
	rec.Kept = old.Kept
	full, err := s.appendLocked(rec)
	s.mu.Unlock()
	s.kickIf(full)
	return err
}

// RecordCopy records an article page that copies another one (reason:
// duplicate or near-duplicate). Its validators are kept so the next run
// asks conditionally; nothing else about it is.
func (s *state) RecordCopy(rec record, reason outcome) error {
	rec.ID, rec.Hash, rec.Sim, rec.Kept, rec.Skip = "", "", 0, false, reason.String()
	return s.appendIf(rec, func(old record) bool {
		return old.Kind != kindDone || old.Skip != rec.Skip || old.ETag != rec.ETag || old.LastModified != rec.LastModified
	})
}

// knowsArticle reports whether the state holds the article ID.
func (s *state) knowsArticle(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lookupLocked(id, "", 0).haveID
}

// lookupLocked returns what the state knows about an article about to be
// handled: the ID's entry, the article owning the content hash, and an
// article other than id whose SimHash is within nearDupDistance of sim.
// The caller holds s.mu.
func (s *state) lookupLocked(id, hash string, sim uint64) known {
	var k known
	for _, o := range []*overlay{s.claims, s.mem, s.flushing} {
		if o == nil {
			continue
		}
		if e, ok := o.ids[id]; ok && !k.haveID {
			k.prev, k.haveID = e, true
		}
		if h, ok := o.hashes[hash]; ok && k.hashOwner == "" {
			k.hashOwner = h
		}
		if n := o.sims.near(sim, id); n != "" && k.near == "" {
			k.near = n
		}
	}
	s.view(func(tx *bolt.Tx) {
		if !k.haveID {
			if v := tx.Bucket(bucketIDs).Get([]byte(id)); v != nil && json.Unmarshal(v, &k.prev) == nil {
				k.haveID = true
			}
		}
		if k.hashOwner == "" && hash != "" {
			k.hashOwner = string(tx.Bucket(bucketHashes).Get([]byte(hash)))
		}
		if k.near == "" && sim != 0 {
			k.near = nearInDB(tx, sim, id)
		}
	})
	return k
}

// claimLocked takes an article's ID, content hash and SimHash for the time
// it is being emitted, without recording it: a copy crawled meanwhile is
// then a duplicate, and a run killed before the article is recorded
// fetches it again. The caller holds s.mu.
func (s *state) claimLocked(r record) {
	r.Kind, r.Article = kindDone, true
	s.claims.apply(&r, false)
}

// unclaimLocked drops the claim on id once the article is recorded.
func (s *state) unclaimLocked(id string) {
	if id == "" || len(s.claims.ids) == 0 {
		return
	}
	if _, ok := s.claims.ids[id]; !ok {
		return
	}
	// Claims are few (articles being emitted right now): rebuild without id.
	rest := newOverlay()
	for i := range s.claims.recs {
		if r := &s.claims.recs[i]; r.ID != id {
			rest.apply(r, false)
		}
	}
	s.claims = rest
}
