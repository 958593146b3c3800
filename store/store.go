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
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"dxnews/article"
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

	mu  sync.Mutex
	seq int64
	log *os.File
	// logSize is the length of the change log's well-formed prefix: an
	// append that fails part-way is cut back to it.
	logSize   int64
	ledgerNew bool
	// readOnly stores opened with OpenReadOnly refuse Put.
	readOnly bool
}

// Open opens (creating when needed) the store in dir.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("store: empty data folder")
	}
	for _, d := range []string{dir, filepath.Join(dir, "articles"), filepath.Join(dir, "audio")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("store: data folder %s is not writable: %w", dir, err)
		}
	}
	probe := filepath.Join(dir, ".write-test")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		return nil, fmt.Errorf("store: data folder %s is not writable: %w", dir, err)
	}
	os.Remove(probe)

	s := &Store{dir: dir}
	atomicfile.RemoveTemps(filepath.Join(dir, "articles"))
	if _, err := os.Stat(s.ledgerStamp()); errors.Is(err, os.ErrNotExist) {
		names, _ := filepath.Glob(filepath.Join(dir, "articles", "*.json"))
		if len(names) > 0 {
			s.ledgerNew = true
		} else if err := s.writeFileAtomic(s.ledgerStamp(), []byte("1\n")); err != nil {
			return nil, fmt.Errorf("store: data folder %s is not writable: %w", dir, err)
		}
	}
	entries, validLen, bad, err := s.readLog()
	if err != nil {
		return nil, err
	}
	if len(entries) > 0 {
		s.seq = entries[len(entries)-1].seq
	}
	f, err := os.OpenFile(s.logPath(), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("store: opening change log: %w", err)
	}
	s.log, s.logSize = f, validLen
	if st, err := f.Stat(); err == nil && st.Size() > validLen {
		s.NoteRepair("the change log ended in a torn line (a write cut short)", "dropped the torn line; its article is logged again when stored")
	}
	if bad > 0 {
		// Rewrite the log with its good lines only.
		var b strings.Builder
		for _, e := range entries {
			fmt.Fprintf(&b, "%d\t%s\n", e.seq, e.id)
		}
		f.Close()
		if err := s.writeFileAtomic(s.logPath(), []byte(b.String())); err != nil {
			return nil, fmt.Errorf("store: repairing change log in %s: %w", dir, err)
		}
		if f, err = os.OpenFile(s.logPath(), os.O_RDWR, 0o644); err != nil {
			return nil, fmt.Errorf("store: opening change log: %w", err)
		}
		s.log, s.logSize = f, int64(b.Len())
		s.NoteRepair(fmt.Sprintf("the change log had %d damaged lines", bad), "dropped them and logged again every article left without a line")
	}
	// Drop a torn last line left by a crash mid-append.
	if err := f.Truncate(s.logSize); err != nil {
		f.Close()
		return nil, fmt.Errorf("store: repairing change log: %w", err)
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		f.Close()
		return nil, fmt.Errorf("store: opening change log: %w", err)
	}
	if bad > 0 {
		logged := make(map[string]bool, len(entries))
		for _, e := range entries {
			logged[e.id] = true
		}
		names, _ := filepath.Glob(filepath.Join(dir, "articles", "*.json"))
		sort.Strings(names)
		for _, n := range names {
			id := strings.TrimSuffix(filepath.Base(n), ".json")
			if validID.MatchString(id) && !logged[id] {
				if err := s.appendLog(s.seq+1, id); err != nil {
					f.Close()
					return nil, err
				}
				s.seq++
			}
		}
	}
	return s, nil
}

// Dir returns the data folder.
func (s *Store) Dir() string { return s.dir }

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

// Put stores a, replacing any earlier version with the same ID. It reports
// whether anything changed; storing an identical article (the fetch time
// aside) changes nothing and leaves the change log alone. When it changes
// something, each of the stages in owed is recorded as owing the article
// (see Owe) before the new version is written.
func (s *Store) Put(ctx context.Context, a article.Article, owed ...string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if !validID.MatchString(a.ID) {
		return false, fmt.Errorf("store: invalid article id %q", a.ID)
	}
	a.Normalize()
	data, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return false, fmt.Errorf("store: encoding article %s: %w", a.ID, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return false, errors.New("store: opened read-only (another dxnews process writes this data folder)")
	}
	if s.log == nil {
		return false, errors.New("store: closed")
	}
	if old, err := s.get(a.ID); err == nil && sameContent(old, a) {
		return false, nil
	}
	// The work owed first, then the log, then the file: a crash between
	// any two leaves work owed on an older version (harmless, redone) or a
	// log entry whose file is old or missing, and the next Put of the same
	// article writes it and logs it again. Nothing is lost.
	if err := s.owe(a.ID, owed); err != nil {
		return false, err
	}
	if s.seq >= maxSeq {
		return false, fmt.Errorf("store: the change log of %s has run out of sequence numbers", s.dir)
	}
	if err := s.appendLog(s.seq+1, a.ID); err != nil {
		return false, err
	}
	s.seq++
	if err := s.writeFileAtomic(s.articlePath(a.ID), data); err != nil {
		return false, fmt.Errorf("store: writing article %s in %s: %w", a.ID, filepath.Dir(s.articlePath(a.ID)), err)
	}
	return true, nil
}

// appendLog appends one change to the log and syncs it. A write that fails
// part-way (a full disk) is cut back, so the log never holds a torn line
// followed by good ones.
func (s *Store) appendLog(seq int64, id string) error {
	line := fmt.Sprintf("%d\t%s\n", seq, id)
	w := wfile{s.log, &s.fs}
	if _, err := w.Write([]byte(line)); err != nil {
		s.cutLog()
		return fmt.Errorf("store: appending change log in %s: %w", s.dir, err)
	}
	if err := s.log.Sync(); err != nil {
		s.cutLog()
		return fmt.Errorf("store: syncing change log in %s: %w", s.dir, err)
	}
	s.logSize += int64(len(line))
	return nil
}

func (s *Store) cutLog() {
	if err := s.log.Truncate(s.logSize); err == nil {
		s.log.Seek(s.logSize, io.SeekStart)
	}
}

func sameContent(a, b article.Article) bool {
	a.Fetched, b.Fetched = time.Time{}, time.Time{}
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// Get returns the stored article with the given ID.
func (s *Store) Get(ctx context.Context, id string) (article.Article, error) {
	if err := ctx.Err(); err != nil {
		return article.Article{}, err
	}
	return s.get(id)
}

func (s *Store) get(id string) (article.Article, error) {
	if !validID.MatchString(id) {
		return article.Article{}, ErrNotFound
	}
	data, err := os.ReadFile(s.articlePath(id))
	if errors.Is(err, os.ErrNotExist) {
		return article.Article{}, ErrNotFound
	}
	if err != nil {
		return article.Article{}, fmt.Errorf("store: reading article %s: %w", id, err)
	}
	var a article.Article
	if err := json.Unmarshal(data, &a); err != nil || a.ID != id {
		if err == nil {
			err = fmt.Errorf("it holds article %q", a.ID)
		}
		return article.Article{}, fmt.Errorf("%w: %s: %v", ErrCorrupt, s.articlePath(id), err)
	}
	a.Normalize()
	return a, nil
}

// All returns every stored article, ordered by ID, leaving out corrupt
// files (see Corrupt).
func (s *Store) All(ctx context.Context) ([]article.Article, error) {
	arts, _, err := s.Scan(ctx)
	return arts, err
}

// Scan returns every stored article, ordered by ID, and the IDs of the
// article files that do not decode.
func (s *Store) Scan(ctx context.Context) ([]article.Article, []string, error) {
	names, err := filepath.Glob(filepath.Join(s.dir, "articles", "*.json"))
	if err != nil {
		return nil, nil, fmt.Errorf("store: listing articles: %w", err)
	}
	sort.Strings(names)
	out := make([]article.Article, 0, len(names))
	var corrupt []string
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		id := strings.TrimSuffix(filepath.Base(name), ".json")
		a, err := s.get(id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if errors.Is(err, ErrCorrupt) {
			corrupt = append(corrupt, id)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		out = append(out, a)
	}
	return out, corrupt, nil
}

// Quarantine moves the corrupt file of article id out of the store, to
// quarantine/<id>.json, where it can be looked at but is never read.
func (s *Store) Quarantine(id string) error {
	if !validID.MatchString(id) {
		return fmt.Errorf("store: invalid article id %q", id)
	}
	dir := filepath.Join(s.dir, "quarantine")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("store: quarantine in %s: %w", dir, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.Rename(s.articlePath(id), filepath.Join(dir, id+".json")); err != nil {
		return fmt.Errorf("store: quarantine in %s: %w", dir, err)
	}
	return nil
}

// Since returns up to limit articles changed after cursor, oldest change
// first, and the cursor to pass next time. An empty cursor starts at the
// beginning. An article changed several times after cursor is returned once,
// at its latest change, so paging through yields every article exactly once
// per version a reader has not seen. When nothing is left, next == cursor.
func (s *Store) Since(ctx context.Context, cursor string, limit int) ([]article.Article, string, error) {
	var after int64
	if cursor != "" {
		n, err := strconv.ParseInt(cursor, 10, 64)
		if err != nil || n < 0 {
			return nil, "", fmt.Errorf("%w %q", ErrInvalidCursor, cursor)
		}
		after = n
	}
	if limit <= 0 {
		return nil, "", fmt.Errorf("store: invalid limit %d", limit)
	}
	s.mu.Lock()
	entries, _, _, err := s.readLog()
	s.mu.Unlock()
	if err != nil {
		return nil, "", err
	}
	latest := make(map[string]int64)
	for _, e := range entries {
		if e.seq > after {
			latest[e.id] = e.seq
		}
	}
	out := []article.Article{}
	next := after
	for _, e := range entries {
		if e.seq <= after || latest[e.id] != e.seq {
			continue
		}
		if len(out) == limit {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		next = e.seq
		a, err := s.get(e.id)
		if errors.Is(err, ErrNotFound) || errors.Is(err, ErrCorrupt) {
			continue // a corrupt file is logged again once repaired
		}
		if err != nil {
			return nil, "", err
		}
		out = append(out, a)
	}
	return out, strconv.FormatInt(next, 10), nil
}

type logEntry struct {
	seq int64
	id  string
}

// readLog parses the change log and returns its good entries, the byte
// length up to its last complete line, and how many complete lines were
// damaged (not "<seq>\t<id>" with seq above the line before's). A torn last
// line, without its newline, is left out of the length.
// maxSeq bounds change-log sequence numbers far above any real store's, so
// that the next number never overflows; a larger one is a damaged line.
const maxSeq = 1 << 53

func (s *Store) readLog() ([]logEntry, int64, int, error) {
	f, err := os.Open(s.logPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil, 0, 0, nil
	}
	if err != nil {
		return nil, 0, 0, fmt.Errorf("store: reading change log: %w", err)
	}
	defer f.Close()
	var entries []logEntry
	var valid int64
	bad := 0
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break // EOF, or a torn line without its newline
		}
		valid += int64(len(line))
		seqStr, id, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		seq, perr := strconv.ParseInt(seqStr, 10, 64)
		if !ok || perr != nil || !validID.MatchString(id) || seq <= 0 || seq > maxSeq ||
			len(entries) > 0 && seq <= entries[len(entries)-1].seq {
			bad++
			continue
		}
		entries = append(entries, logEntry{seq, id})
	}
	return entries, valid, bad, nil
}

// writeFileAtomic replaces path with data atomically and durably (see
// atomicfile), creating its folder when needed, through the fault hook.
func (s *Store) writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFunc(path, 0o644, func(tmp *os.File) error {
		_, err := wfile{tmp, &s.fs}.Write(data)
		return err
	})
}
