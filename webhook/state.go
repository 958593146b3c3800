package webhook

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"dxnews/article"
	"dxnews/internal/atomicfile"
)

// state is one webhook's progress, kept in <StateDir>/<hash of URL>.json.
type state struct {
	URL string `json:"url"`
	// Cursor is the change-log cursor up to which every event was
	// acknowledged.
	Cursor string `json:"cursor"`
	// Batch holds the events after Cursor already acknowledged (article
	// ID → content hash), so a restart does not repeat them.
	Batch        map[string]string `json:"batch,omitempty"`
	Delivered    int64             `json:"delivered"`
	LastDelivery time.Time         `json:"last_delivery,omitzero"`
	LastError    string            `json:"last_error,omitempty"`
	LastErrorAt  time.Time         `json:"last_error_at,omitzero"`
}

// acked reports whether this version of a was delivered after the cursor.
func (st *state) acked(a article.Article) bool {
	h, ok := st.Batch[a.ID]
	return ok && h == a.ContentHash
}

func statePath(dir, hookURL string) string {
	sum := sha256.Sum256([]byte(hookURL))
	return filepath.Join(dir, hex.EncodeToString(sum[:8])+".json")
}

func loadState(dir, hookURL string) (*state, error) {
	b, err := os.ReadFile(statePath(dir, hookURL))
	if errors.Is(err, os.ErrNotExist) {
		return &state{URL: hookURL}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("webhook: reading cursor: %w", err)
	}
	var st state
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("webhook: cursor file %s is corrupt: %w", statePath(dir, hookURL), err)
	}
	st.URL = hookURL
	return &st, nil
}

// save replaces the state file atomically and durably.
func (st *state) save(dir string) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	// 0600: the URL may carry credentials.
	if err := atomicfile.Write(statePath(dir, st.URL), b, 0o600); err != nil {
		return fmt.Errorf("webhook: saving cursor: %w", err)
	}
	return nil
}
