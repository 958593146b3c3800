package crawler

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// stateFile is the crawl state's name inside Config.StateDir; legacyStateFile
// is the append-only log earlier versions kept, imported on first open.
const (
	stateFile       = "crawl-state.db"
	legacyStateFile = "crawl-state.jsonl"
	// damagedSuffix names the copy of a damaged state kept for inspection.
	damagedSuffix = ".damaged"
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
//
// The run changes the state only through the methods that say what
// happened (MarkSeen, MarkDone, Judge, Record, …; see state_urls.go); the
// state takes its own lock.
type state struct {
	mu       sync.Mutex
	db       *bolt.DB
	mem      *overlay // changes not yet committed
	flushing *overlay // changes being committed
	claims   *overlay // articles being emitted, never written
	// repair says what opening found damaged and how it was repaired;
	// nil when the state was sound.
	repair *StateRepair

	kick    chan struct{}
	stop    chan struct{}
	stopped chan struct{}
	// flushMu serialises commits.
	flushMu  sync.Mutex
	flushErr error
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

// openState opens the state under dir ("" = in memory only), repairing a
// damaged database and importing the log of earlier versions.
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
		db, s.repair, err = repairDB(path, db, problem)
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

// repaired says what opening found damaged and how it was repaired, in one
// line; "" when the state was sound.
func (s *state) repaired() string {
	if s.repair == nil {
		return ""
	}
	return s.repair.String()
}

// close commits what is buffered and closes the database.
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
	return s.getDB(u)
}

// view runs f in a read transaction when there is a database.
func (s *state) view(f func(tx *bolt.Tx)) {
	if s.db == nil {
		return
	}
	s.db.View(func(tx *bolt.Tx) error { f(tx); return nil })
}
