package store

import (
	"fmt"
	"io"
	"os"
)

// openLog reads the change log into memory and opens it for appending,
// repairing what a crash or damage left: a torn last line is cut off, and
// damaged lines are dropped, every article left without a line being logged
// again.
func (s *Store) openLog() error {
	x, bad, err := readLogFile(s.logPath())
	if err != nil {
		return fmt.Errorf("store: reading change log: %w", err)
	}
	s.changes = x
	if x.file != nil && x.file.Size() > x.size {
		s.NoteRepair("the change log ended in a torn line (a write cut short)", "dropped the torn line; its article is logged again when stored")
	}
	if bad > 0 {
		good := x.String()
		if err := s.writeFileAtomic(s.logPath(), []byte(good)); err != nil {
			return fmt.Errorf("store: repairing change log in %s: %w", s.dir, err)
		}
		s.changes.size = int64(len(good))
		s.NoteRepair(fmt.Sprintf("the change log had %d damaged lines", bad), "dropped them and logged again every article left without a line")
	}
	f, err := os.OpenFile(s.logPath(), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("store: opening change log: %w", err)
	}
	// Drop a torn last line left by a crash mid-append.
	if err := f.Truncate(s.changes.size); err != nil {
		f.Close()
		return fmt.Errorf("store: repairing change log: %w", err)
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		f.Close()
		return fmt.Errorf("store: opening change log: %w", err)
	}
	s.log = f
	if bad > 0 {
		if err := s.logUnlogged(); err != nil {
			f.Close()
			return err
		}
	}
	return nil
}

// logUnlogged logs a change for every stored article the change log does
// not name, in ID order.
func (s *Store) logUnlogged() error {
	ids, _ := s.articleIDs()
	for _, raw := range ids {
		id, ok := parseLogID(raw)
		if _, logged := s.changes.latest[id]; ok && !logged {
			if err := s.logChange(id.String()); err != nil {
				return err
			}
		}
	}
	return nil
}

// logChange appends a change of article id to the log, syncs it and adds it
// to the log in memory. A write that fails part-way (a full disk) is cut
// back, so the log never holds a torn line followed by good ones. The
// caller holds s.mu.
func (s *Store) logChange(id string) error {
	seq := s.changes.head() + 1
	if seq > maxSeq {
		return fmt.Errorf("store: the change log of %s has run out of sequence numbers", s.dir)
	}
	lid, ok := parseLogID(id)
	if !ok {
		return fmt.Errorf("store: invalid article id %q", id)
	}
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
	s.changes.size += int64(len(line))
	s.changes.add(seq, lid)
	return nil
}

func (s *Store) cutLog() {
	if err := s.log.Truncate(s.changes.size); err == nil {
		s.log.Seek(s.changes.size, io.SeekStart)
	}
}

// catchUp brings a read-only store's log in memory up to the file, which
// another process appends to: it reads only what was appended since the
// last call, or the whole log again when the writer replaced it (a repair).
// The caller holds s.mu.
func (s *Store) catchUp() error {
	if !s.readOnly {
		return nil // every change went through logChange
	}
	f, err := os.Open(s.logPath())
	if os.IsNotExist(err) {
		s.changes = logIndex{}
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: reading change log: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("store: reading change log: %w", err)
	}
	if s.changes.file == nil || !os.SameFile(s.changes.file, st) || st.Size() < s.changes.size {
		s.changes = logIndex{file: st}
	}
	if st.Size() == s.changes.size {
		return nil
	}
	if _, err := f.Seek(s.changes.size, io.SeekStart); err != nil {
		return fmt.Errorf("store: reading change log: %w", err)
	}
	s.changes.read(f)
	return nil
}
