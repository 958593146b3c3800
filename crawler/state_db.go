package crawler

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/bits"

	bolt "go.etcd.io/bbolt"
)

// commit writes o's changes to the database in one transaction.
func (s *state) commit(o *overlay) error {
	if len(o.recs) == 0 {
		return nil
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		for i := range o.recs {
			if err := putRecord(tx, &o.recs[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("crawler: write state: %w", err)
	}
	return nil
}

// putRecord writes one record: a seen record of an unknown URL makes it
// pending, a done record ends that, and a done article is indexed by its
// ID, content hash and SimHash bands.
func putRecord(tx *bolt.Tx, r *record) error {
	k := []byte(r.URL)
	if r.URL == "" || len(k) > bolt.MaxKeySize {
		return nil
	}
	urls, pending := tx.Bucket(bucketURLs), tx.Bucket(bucketPending)
	switch r.Kind {
	case kindSeen:
		if urls.Get(k) != nil {
			return nil
		}
		if err := pending.Put(k, nil); err != nil {
			return err
		}
	case kindDone:
		if err := pending.Delete(k); err != nil {
			return err
		}
	default:
		return nil
	}
	v, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := urls.Put(k, v); err != nil {
		return err
	}
	if r.Kind != kindDone || !r.Article || r.ID == "" {
		return nil
	}
	return putArticle(tx, r)
}

// putArticle indexes a done article by ID, content hash and SimHash bands.
func putArticle(tx *bolt.Tx, r *record) error {
	e, _ := json.Marshal(idEntry{URL: r.URL, Hash: r.Hash})
	if err := tx.Bucket(bucketIDs).Put([]byte(r.ID), e); err != nil {
		return err
	}
	if r.Hash != "" {
		if err := tx.Bucket(bucketHashes).Put([]byte(r.Hash), []byte(r.ID)); err != nil {
			return err
		}
	}
	if r.Sim == 0 {
		return nil
	}
	sims := tx.Bucket(bucketSims)
	for band := range 4 {
		if err := sims.Put(simKey(band, r.Sim, r.ID), nil); err != nil {
			return err
		}
	}
	return nil
}

// getDB reads a URL's record from the database.
func (s *state) getDB(u string) (record, bool) {
	var r record
	found := false
	s.view(func(tx *bolt.Tx) {
		if v := tx.Bucket(bucketURLs).Get([]byte(u)); v != nil {
			found = json.Unmarshal(v, &r) == nil
		}
	})
	return r, found
}

// simKey is a key of the sims bucket: the band's number and value first, so
// the hashes sharing a band are one prefix scan.
func simKey(band int, h uint64, id string) []byte {
	k := make([]byte, 0, 11+len(id))
	k = append(k, byte(band))
	k = binary.BigEndian.AppendUint16(k, uint16(h>>(16*uint(band))))
	k = binary.BigEndian.AppendUint64(k, h)
	return append(k, id...)
}

// nearInDB finds a stored SimHash within nearDupDistance of h whose ID is
// not id: by the pigeonhole principle it shares one of four 16-bit bands.
func nearInDB(tx *bolt.Tx, h uint64, id string) string {
	c := tx.Bucket(bucketSims).Cursor()
	for band := range 4 {
		prefix := simKey(band, h, "")[:3]
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) < 11 {
				continue
			}
			other := binary.BigEndian.Uint64(k[3:11])
			if oid := string(k[11:]); oid != id && bits.OnesCount64(other^h) <= nearDupDistance {
				return oid
			}
		}
	}
	return ""
}
