package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// checkLedger finds whether the folder predates the ledger of work owed
// (see LedgerIsNew), and stamps a folder without articles as having one.
func (s *Store) checkLedger() error {
	if _, err := os.Stat(s.ledgerStamp()); !errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if ids, _ := s.articleIDs(); len(ids) > 0 {
		s.ledgerNew = true
		return nil
	}
	if err := s.writeFileAtomic(s.ledgerStamp(), []byte("1\n")); err != nil {
		return fmt.Errorf("store: data folder %s is not writable: %w", s.dir, err)
	}
	return nil
}

// LedgerIsNew reports whether this data folder has stored articles but no
// complete ledger of work owed: it was written by a version that kept none,
// and what its articles still owe has to be worked out from them, then
// LedgerComplete called.
func (s *Store) LedgerIsNew() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ledgerNew
}

// LedgerComplete records that the ledger of work owed is complete.
func (s *Store) LedgerComplete() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writeFileAtomic(s.ledgerStamp(), []byte("1\n")); err != nil {
		return fmt.Errorf("store: recording the ledger complete: %w", err)
	}
	s.ledgerNew = false
	return nil
}

func (s *Store) ledgerStamp() string { return filepath.Join(s.dir, "pending", "ledger-version") }
