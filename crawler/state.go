package crawler

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"math/bits"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"

	"dxnews/article"
)

// stateFile is the crawl state's name inside Config.StateDir; legacyStateFile
// is the append-only log earlier versions kept, imported on first open.
const (
	stateFile       = "crawl-state.db"
	legacyStateFile = "crawl-state.jsonl"
	// damagedSuffix names the copy of a damaged state kept for inspection.
	damagedSuffix = ".damaged"
)

// record is what the state knows about one URL. "seen" records a URL put on
// the frontier; "done" records a URL fully handled, with what the next run
// needs: validators for conditional requests, the article ID and hashes.
type record struct {
	Kind         string    `json:"k"`
	URL          string    `json:"u"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"lm,omitempty"`
	Article      bool      `json:"a,omitempty"`
	ID           string    `json:"id,omitempty"`
	Hash         string    `json:"h,omitempty"`
	Sim          uint64    `json:"sim,omitempty"`
	Kept         bool      `json:"kept,omitempty"`
	Skip         string    `json:"skip,omitempty"`
	Fetched      time.Time `json:"t,omitzero"`
}

// idEntry is what the state knows about one article ID.
type idEntry struct {
	URL  string `json:"u"`
	Hash string `json:"h,omitempty"`
}

// Buckets of the state database.
var (
	bucketURLs    = []byte("urls")    // URL → record (JSON)
	bucketPending = []byte("pending") // URL seen but not done → nothing
	bucketIDs     = []byte("ids")     // article ID → idEntry (JSON)
	bucketHashes  = []byte("hashes")  // content hash → article ID
	bucketSims    = []byte("sims")    // band, band value, SimHash, ID → nothing
	bucketHosts   = []byte("hosts")   // host → hostRecord (JSON), while failing
	bucketMeta    = []byte("meta")    // "version" → stateVersion
	allBuckets    = [][]byte{bucketURLs, bucketPending, bucketIDs, bucketHashes, bucketSims, bucketHosts, bucketMeta}
	stateVersion  = []byte("1")
)

// state is the crawl's memory across runs, kept on disk in a bbolt database
// so memory stays flat however many URLs history holds: the process keeps
// only the changes of the last syncEvery (a write buffer), claims taken by
// articles being emitted, and bbolt's page cache, which is the kernel's.
//
// Changes are buffered in order and committed together, in one transaction,
// every syncEvery, so what survives a SIGKILL or power cut is always a
// prefix of the changes made: at most syncEvery of work is lost and redone
// by the next run, which emits its articles again (emit is idempotent).
// With no directory the state lives in memory only, in the same buffer.
type state struct {
	mu       sync.Mutex
	db       *bolt.DB
	mem      *overlay // changes not yet committed
	flushing *overlay // changes being committed
	claims   *overlay // articles being emitted, never written
	// repaired says what opening found damaged and how it was repaired.
	repaired string

	kick    chan struct{}
	stop    chan struct{}
	stopped chan struct{}
	// flushMu serialises commits.
	flushMu  sync.Mutex
	flushErr error
}

// overlay is a set of changes in order, indexed like the buckets.
type overlay struct {
	recs   []record
	urls   map[string]*record
	ids    map[string]idEntry
	hashes map[string]string
	sims   *simIndex
}

func newOverlay() *overlay {
	return &overlay{urls: map[string]*record{}, ids: map[string]idEntry{}, hashes: map[string]string{}, sims: newSimIndex()}
}

// apply records r in o, with the semantics the buckets have.
func (o *overlay) apply(r *record, known bool) {
	switch r.Kind {
	case "seen":
		if _, ok := o.urls[r.URL]; ok || known {
			return
		}
		cp := record{Kind: "seen", URL: r.URL}
		o.urls[r.URL] = &cp
		o.recs = append(o.recs, cp)
	case "done":
		cp := *r
		o.urls[r.URL] = &cp
		o.recs = append(o.recs, cp)
		if r.Article && r.ID != "" {
			o.ids[r.ID] = idEntry{URL: r.URL, Hash: r.Hash}
			if r.Hash != "" {
				o.hashes[r.Hash] = r.ID
			}
			if r.Sim != 0 {
				o.sims.add(r.Sim, r.ID)
			}
		}
	}
}

// syncEvery is the commit interval of the state; maxBuffered commits early
// when that many changes are waiting.
const (
	syncEvery   = 100 * time.Millisecond
	maxBuffered = 4096
)

// stateLockTimeout is how long opening waits for another process's lock.
var stateLockTimeout = 5 * time.Second

// ErrStateLocked is returned when another process (a running crawl) holds
// the state.
var ErrStateLocked = errors.New("crawler: crawl state is in use by another process")

func openState(dir string) (*state, error) {
	s := &state{mem: newOverlay(), claims: newOverlay()}
	if dir == "" {
		return s, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("crawler: state dir: %w", err)
	}
	path := filepath.Join(dir, stateFile)
	db, problem, err := openDB(path)
	if err != nil {
		return nil, err
	}
	if problem != "" {
		db, err = s.repair(path, db, problem)
		if err != nil {
			return nil, err
		}
	}
	s.db = db
	if err := s.importLegacy(filepath.Join(dir, legacyStateFile)); err != nil {
		db.Close()
		return nil, err
	}
	s.kick = make(chan struct{}, 1)
	s.stop, s.stopped = make(chan struct{}), make(chan struct{})
	go s.syncLoop()
	return s, nil
}

// openDB opens the database at path and checks it. A database that cannot
// be opened or fails its check is returned as a problem, with the database
// when it opened at all; only a lock held by another process or an I/O
// error is an error.
func openDB(path string) (db *bolt.DB, problem string, err error) {
	st, serr := os.Stat(path)
	empty := serr == nil && st.Size() == 0
	func() {
		// A damaged file can make bbolt read past its mapping: turn the
		// fault into a panic and the panic into a problem.
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("%v", p)
			}
		}()
		db, err = bolt.Open(path, 0o644, &bolt.Options{Timeout: stateLockTimeout, FreelistType: bolt.FreelistMapType})
	}()
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, "", fmt.Errorf("%w: %s", ErrStateLocked, path)
	case errors.Is(err, syscall.ENOSPC):
		return nil, "", fmt.Errorf("crawler: open state: %w", err)
	case err != nil:
		if _, serr := os.Stat(path); serr != nil {
			return nil, "", fmt.Errorf("crawler: open state: %w", err)
		}
		return nil, fmt.Sprintf("cannot be opened: %v", err), nil
	case empty:
		// bbolt makes an empty file a new database; ours are never empty.
		db.Close()
		return nil, "was empty", nil
	}
	if problem := checkDB(db); problem != "" {
		return db, problem, nil
	}
	return db, "", nil
}

// checkDB verifies the database's pages and buckets, and creates missing
// buckets in a new one. It reports a problem instead of panicking on a
// damaged file.
func checkDB(db *bolt.DB) (problem string) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			problem = fmt.Sprintf("damaged: %v", p)
		}
	}()
	fresh := false
	err := db.View(func(tx *bolt.Tx) error {
		// Read every record, where a panic on a damaged page is recovered
		// (bbolt's own Tx.Check panics in a goroutine of its own).
		if err := tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
			return b.ForEach(func(_, _ []byte) error { return nil })
		}); err != nil {
			return err
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			if tx.Bucket(bucketURLs) != nil {
				return errors.New("version record missing")
			}
			fresh = true
			return nil
		}
		if v := meta.Get([]byte("version")); !bytes.Equal(v, stateVersion) {
			return fmt.Errorf("unknown version %q", v)
		}
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil {
				return fmt.Errorf("bucket %s missing", b)
			}
		}
		return nil
	})
	if err == nil && fresh {
		err = db.Update(func(tx *bolt.Tx) error {
			for _, b := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			return tx.Bucket(bucketMeta).Put([]byte("version"), stateVersion)
		})
	}
	if err != nil {
		return "damaged: " + err.Error()
	}
	return ""
}

// repair moves a damaged state aside (keeping it for inspection as
// crawl-state.db.damaged), creates a new one and copies into it every
// record still readable from the old one. The articles the state no longer
// knows are recognised again by RebuildState from the stored articles, or
// fetched and emitted again by the next run (emit is idempotent).
func (s *state) repair(path string, old *bolt.DB, problem string) (*bolt.DB, error) {
	aside := path + damagedSuffix
	if old != nil {
		old.Close()
	}
	if err := os.Rename(path, aside); err != nil {
		return nil, fmt.Errorf("crawler: move damaged state aside: %w", err)
	}
	db, problem2, err := openDB(path)
	if err != nil {
		return nil, err
	}
	if problem2 != "" {
		if db != nil {
			db.Close()
		}
		return nil, fmt.Errorf("crawler: new state %s: %s", path, problem2)
	}
	n := salvage(aside, db)
	s.repaired = fmt.Sprintf("crawl state %s %s; kept %d readable records, damaged copy in %s", path, problem, n, aside)
	return db, nil
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
		n += putAll(db, name, kvs)
	}
	return n
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

// commit writes o's changes to the database in one transaction.
func (s *state) commit(o *overlay) error {
	if len(o.recs) == 0 {
		return nil
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		urls, pending := tx.Bucket(bucketURLs), tx.Bucket(bucketPending)
		ids, hashes, sims := tx.Bucket(bucketIDs), tx.Bucket(bucketHashes), tx.Bucket(bucketSims)
		for i := range o.recs {
			r := &o.recs[i]
			if r.URL == "" {
				continue
			}
			k := []byte(r.URL)
			if len(k) > bolt.MaxKeySize {
				continue
			}
			switch r.Kind {
			case "seen":
				if urls.Get(k) != nil {
					continue
				}
				if err := pending.Put(k, nil); err != nil {
					return err
				}
			case "done":
				if err := pending.Delete(k); err != nil {
					return err
				}
			default:
				continue
			}
			v, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if err := urls.Put(k, v); err != nil {
				return err
			}
			if r.Kind != "done" || !r.Article || r.ID == "" {
				continue
			}
			e, _ := json.Marshal(idEntry{URL: r.URL, Hash: r.Hash})
			if err := ids.Put([]byte(r.ID), e); err != nil {
				return err
			}
			if r.Hash != "" {
				if err := hashes.Put([]byte(r.Hash), []byte(r.ID)); err != nil {
					return err
				}
			}
			if r.Sim != 0 {
				for band := range 4 {
					if err := sims.Put(simKey(band, r.Sim, r.ID), nil); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("crawler: write state: %w", err)
	}
	return nil
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

// append records r; it reaches the disk within syncEvery.
func (s *state) append(r record) error {
	s.mu.Lock()
	known := false
	if r.Kind == "seen" {
		_, known = s.getLocked(r.URL)
	}
	s.mem.apply(&r, known)
	if r.Kind == "done" && r.Article {
		s.unclaimLocked(r.ID)
	}
	full := len(s.mem.recs) >= maxBuffered
	err := s.flushErr
	s.mu.Unlock()
	if full && s.kick != nil {
		select {
		case s.kick <- struct{}{}:
		default:
		}
	}
	return err
}

func (s *state) syncLoop() {
	defer close(s.stopped)
	t := time.NewTicker(syncEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		case <-s.kick:
		}
		s.flush()
	}
}

// flush commits the buffered changes. A failed commit keeps them buffered
// and is reported by the next append and by close.
func (s *state) flush() error {
	if s.db == nil {
		return nil
	}
	s.flushMu.Lock()
	defer s.flushMu.Unlock()
	s.mu.Lock()
	if len(s.mem.recs) == 0 {
		s.mu.Unlock()
		return nil
	}
	s.flushing, s.mem = s.mem, newOverlay()
	s.mu.Unlock()
	err := s.commit(s.flushing)
	s.mu.Lock()
	if err != nil {
		// Put the changes back in front of the ones made meanwhile.
		for i := range s.mem.recs {
			s.flushing.apply(&s.mem.recs[i], false)
		}
		s.mem = s.flushing
		s.flushErr = err
	} else {
		s.flushErr = nil
	}
	s.flushing = nil
	s.mu.Unlock()
	return err
}

// get returns a copy of the URL's record.
func (s *state) get(u string) (record, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.getLocked(u)
}

func (s *state) getLocked(u string) (record, bool) {
	for _, o := range []*overlay{s.mem, s.flushing} {
		if o == nil {
			continue
		}
		if r, ok := o.urls[u]; ok {
			return *r, true
		}
	}
	var r record
	found := false
	s.view(func(tx *bolt.Tx) {
		if v := tx.Bucket(bucketURLs).Get([]byte(u)); v != nil {
			found = json.Unmarshal(v, &r) == nil
		}
	})
	return r, found
}

// view runs f in a read transaction when there is a database.
func (s *state) view(f func(tx *bolt.Tx)) {
	if s.db == nil {
		return
	}
	s.db.View(func(tx *bolt.Tx) error { f(tx); return nil })
}

// lookupLocked returns what the state knows about an article about to be
// handled: the ID's entry, the article owning the content hash, and an
// article other than id whose SimHash is within nearDupDistance of sim.
// The caller holds s.mu.
func (s *state) lookupLocked(id, hash string, sim uint64) (prev idEntry, haveID bool, hashOwner, near string) {
	layers := []*overlay{s.claims, s.mem, s.flushing}
	for _, o := range layers {
		if o == nil {
			continue
		}
		if e, ok := o.ids[id]; ok && !haveID {
			prev, haveID = e, true
		}
		if h, ok := o.hashes[hash]; ok && hashOwner == "" {
			hashOwner = h
		}
		if n := o.sims.near(sim, id); n != "" && near == "" {
			near = n
		}
	}
	s.view(func(tx *bolt.Tx) {
		if !haveID {
			if v := tx.Bucket(bucketIDs).Get([]byte(id)); v != nil && json.Unmarshal(v, &prev) == nil {
				haveID = true
			}
		}
		if hashOwner == "" && hash != "" {
			hashOwner = string(tx.Bucket(bucketHashes).Get([]byte(hash)))
		}
		if near == "" && sim != 0 {
			near = nearInDB(tx, sim, id)
		}
	})
	return prev, haveID, hashOwner, near
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

// claimLocked takes an article's ID, content hash and SimHash for the time
// it is being emitted, without recording it: a copy crawled meanwhile is
// then a duplicate, and a run killed before the article is recorded
// fetches it again. The caller holds s.mu.
func (s *state) claimLocked(r record) {
	r.Kind, r.Article = "done", true
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

// pending lists URLs seen but not done, for a run to resume.
func (s *state) pending() []string {
	s.flush()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	if s.db == nil {
		for u, r := range s.mem.urls {
			if r.Kind == "seen" {
				out = append(out, u)
			}
		}
		return out
	}
	s.view(func(tx *bolt.Tx) {
		tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
			u := string(k)
			if _, ok := s.mem.urls[u]; !ok {
				out = append(out, u)
			}
			return nil
		})
	})
	for u, r := range s.mem.urls {
		if r.Kind == "seen" {
			out = append(out, u)
		}
	}
	return out
}

func (s *state) close() error {
	if s.db == nil {
		return nil
	}
	close(s.stop)
	<-s.stopped
	err := s.flush()
	if cerr := s.db.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("crawler: close state: %w", cerr)
	}
	return err
}

// StateInfo describes the crawl state under a Config.StateDir.
type StateInfo struct {
	// File is the state database.
	File string
	// URLs is the number of URLs known; Pending of them were found but not
	// yet handled; Articles is the number of article IDs known.
	URLs, Pending, Articles int
	// Repaired says what was found damaged and how it was repaired, when
	// opening the state did so; "" otherwise.
	Repaired string
}

// InspectState opens the crawl state under dir, repairing it when damaged
// (see Stats.StateRepaired), and counts what it holds. It fails while a
// crawl holds the state.
func InspectState(dir string) (StateInfo, error) {
	s, err := openState(dir)
	if err != nil {
		return StateInfo{}, err
	}
	info := s.info()
	return info, s.close()
}

func (s *state) info() StateInfo {
	info := StateInfo{Repaired: s.repaired}
	if s.db == nil {
		return info
	}
	info.File = s.db.Path()
	s.flush()
	s.view(func(tx *bolt.Tx) {
		info.URLs = tx.Bucket(bucketURLs).Stats().KeyN
		info.Pending = tx.Bucket(bucketPending).Stats().KeyN
		info.Articles = tx.Bucket(bucketIDs).Stats().KeyN
	})
	return info
}

// RebuildState records stored articles in the crawl state under dir, for a
// state that was lost or repaired with records missing: each article whose
// ID the state does not know is recorded as fetched and kept, with its
// content hash and SimHash, so the next run recognises it as unchanged
// instead of emitting it again. It returns what the state holds afterwards.
func RebuildState(dir string, articles iter.Seq[article.Article]) (StateInfo, error) {
	s, err := openState(dir)
	if err != nil {
		return StateInfo{}, err
	}
	for a := range articles {
		u := normalizeURL(nil, a.CanonicalURL)
		if u == "" {
			u = normalizeURL(nil, a.URL)
		}
		if a.ID == "" || u == "" {
			continue
		}
		s.mu.Lock()
		_, known, _, _ := s.lookupLocked(a.ID, "", 0)
		s.mu.Unlock()
		if known {
			continue
		}
		rec := record{Kind: "done", URL: u, Article: true, Kept: true, ID: a.ID, Hash: a.ContentHash,
			Sim: simHash(a.Title + " " + a.Body), Fetched: a.Fetched.UTC()}
		if err := s.append(rec); err != nil {
			s.close()
			return StateInfo{}, err
		}
	}
	info := s.info()
	if err := s.close(); err != nil {
		return info, err
	}
	return info, nil
}
