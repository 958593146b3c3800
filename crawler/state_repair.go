package crawler

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// StateRepair says what was found damaged in a crawl state and what
// repaired it.
type StateRepair struct {
	// File is the state database found damaged.
	File string
	// Problem is what was wrong with it: "cannot be opened: …", "was
	// empty" or "damaged: …".
	Problem string
	// DamagedCopy is where the damaged file was moved, kept for inspection.
	DamagedCopy string
	// Salvaged is the number of records still readable in it, copied into
	// the new state that replaced it.
	Salvaged int
}

// String says in one line what was damaged and what repaired it.
func (r StateRepair) String() string {
	return fmt.Sprintf("crawl state %s %s; kept %d readable records, damaged copy in %s", r.File, r.Problem, r.Salvaged, r.DamagedCopy)
}

// repairDB moves a damaged state aside (keeping it for inspection as
// crawl-state.db.damaged), creates a new one and copies into it every
// record still readable from the old one. The articles the state no longer
// knows are recognised again by RebuildState from the stored articles, or
// fetched and emitted again by the next run (emit is idempotent).
func repairDB(path string, old *bolt.DB, problem string) (*bolt.DB, *StateRepair, error) {
	aside := path + damagedSuffix
	if old != nil {
		old.Close()
	}
	if err := os.Rename(path, aside); err != nil {
		return nil, nil, fmt.Errorf("crawler: move damaged state aside: %w", err)
	}
	db, problem2, err := openDB(path)
	if err != nil {
		return nil, nil, err
	}
	if problem2 != "" {
		if db != nil {
			db.Close()
		}
		return nil, nil, fmt.Errorf("crawler: new state %s: %s", path, problem2)
	}
	rep := &StateRepair{File: path, Problem: problem, DamagedCopy: aside, Salvaged: salvage(aside, db)}
	return db, rep, nil
}

// salvage copies the readable records of the damaged database at path into
// db and returns how many it copied.
func salvage(path string, db *bolt.DB) (n int) {
	var old *bolt.DB
	func() {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() { recover() }()
		old, _ = bolt.Open(path, 0o444, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	}()
	if old == nil {
		return 0
	}
	defer old.Close()
	for _, name := range allBuckets[:len(allBuckets)-1] {
		n += salvageBucket(old, db, name)
	}
	return n
}

// salvageBucket copies the readable records of one bucket, in batches, up
// to the first damaged page.
func salvageBucket(old, db *bolt.DB, name []byte) (n int) {
	var kvs [][2][]byte
	func() {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() { recover() }()
		old.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(name)
			if b == nil {
				return nil
			}
			return b.ForEach(func(k, v []byte) error {
				kvs = append(kvs, [2][]byte{bytes.Clone(k), bytes.Clone(v)})
				if len(kvs) >= 10000 {
					n += putAll(db, name, kvs)
					kvs = kvs[:0]
				}
				return nil
			})
		})
	}()
	return n + putAll(db, name, kvs)
}

func putAll(db *bolt.DB, bucket []byte, kvs [][2][]byte) int {
	if len(kvs) == 0 {
		return 0
	}
	err := db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		for _, kv := range kvs {
			if err := b.Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0
	}
	return len(kvs)
}

// importLegacy replays the JSON-lines log of earlier versions into the
// database, then removes it. Killed midway, the next open imports it again.
func (s *state) importLegacy(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("crawler: open old state: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	batch := newOverlay()
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			break // a torn last line is dropped
		}
		if err != nil {
			return fmt.Errorf("crawler: read old state: %w", err)
		}
		var r record
		if json.Unmarshal(bytes.TrimSpace(line), &r) != nil {
			continue
		}
		batch.recs = append(batch.recs, r)
		if len(batch.recs) >= 10000 {
			if err := s.commit(batch); err != nil {
				return err
			}
			batch = newOverlay()
		}
	}
	if err := s.commit(batch); err != nil {
		return err
	}
	f.Close()
	return os.Remove(path)
}
