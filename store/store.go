// Package store keeps the articles dxnews has gathered, and their audio, as
// plain files in the data folder. It is the source of truth: the search index
// can be rebuilt from it, and the export cursor walks its change log.
//
// Layout under the data folder:
//
//	articles/<id>.json         the current version of each article
//	articles.log               one "<seq>\t<id>" line per change, append-only
//	pending/<stage>/<id>       work a stage still owes an article (see Owe)
//	audio/<id>/<voice>.mp3     the article read in one voice
//	audio/<id>/<voice>.json    its sentence timings
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"dxnews/internal/atomicfile"
)

// Errors callers can test for with errors.Is.
var (
	ErrNotFound      = errors.New("store: article not found")
	ErrInvalidCursor = errors.New("store: invalid cursor")
	// ErrCorrupt is returned for an article file that does not decode.
	ErrCorrupt = errors.New("store: article file is corrupt")
)

var validID = regexp.MustCompile(`^[0-9a-f]{16}$`)

// Store is a file-backed article store. It is safe for concurrent use within
// one process.
type Store struct {
	dir string
	fs  fsys

	mu sync.Mutex
	// log is the change log open for appending; nil when read-only.
	log *os.File
	// changes is the change log held in memory; see logIndex.
	changes   logIndex
	ledgerNew bool
	// readOnly stores opened with OpenReadOnly refuse Put.
	readOnly bool
}

// Open opens (creating when needed) the store in dir.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("store: empty data folder")
	}
	if err := prepareFolder(dir); err != nil {
		return nil, err
	}
	s := &Store{dir: dir}
	atomicfile.RemoveTemps(filepath.Join(dir, "articles"))
	if err := s.checkLedger(); err != nil {
		return nil, err
	}
	if err := s.openLog(); err != nil {
		return nil, err
	}
	return s, nil
}

// OpenReadOnly opens the store in dir for reading while another process may
// be writing it: it creates nothing, never repairs the change log and
// refuses Put. Readers see each article whole, since writes are atomic
// renames, and the changes the writer logs after they open.
func OpenReadOnly(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("store: empty data folder")
	}
	if _, err := os.Stat(filepath.Join(dir, "articles")); err != nil {
		return nil, fmt.Errorf("store: %s holds no articles folder: %w", dir, err)
	}
	return &Store{dir: dir, readOnly: true}, nil
}

// prepareFolder creates the folders of a store in dir and checks that it
// can write there.
func prepareFolder(dir string) error {
	for _, d := range []string{dir, filepath.Join(dir, "articles"), filepath.Join(dir, "audio")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("store: data folder %s is not writable: %w", dir, err)
		}
	}
	probe := filepath.Join(dir, ".write-test")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		return fmt.Errorf("store: data folder %s is not writable: %w", dir, err)
	}
	os.Remove(probe)
	return nil
}

// Dir returns the data folder.
func (s *Store) Dir() string { return s.dir }

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the change log.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.log == nil {
		return nil
	}
	err := s.log.Close()
	s.log = nil
	return err
}

func (s *Store) logPath() string { return filepath.Join(s.dir, "articles.log") }

func (s *Store) articlePath(id string) string {
	return filepath.Join(s.dir, "articles", id+".json")
}

// articleIDs returns the IDs of the article files, sorted: the names in
// articles/ that articlePath gives, without the folder and ".json".
func (s *Store) articleIDs() ([]string, error) {
	ids, err := idsIn(filepath.Join(s.dir, "articles"), ".json")
	if err != nil {
		return nil, fmt.Errorf("store: listing articles: %w", err)
	}
	return ids, nil
}

// idsIn returns the article IDs that name a file in dir followed by
// suffix, sorted; a missing dir holds none. The folder is read, not
// globbed, so a data folder named "tin [2026]" lists its files too.
func idsIn(dir, suffix string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range ents {
		if id, ok := strings.CutSuffix(e.Name(), suffix); ok && validID.MatchString(id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, nil
}
