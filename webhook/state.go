package webhook

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
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

// Status is what `dxnews status` shows of one webhook.
type Status struct {
	URL string // credentials and query removed
	// Configured is false for a webhook known only from its cursor file.
	Configured bool
	// Lag is the number of events not yet acknowledged, counted up to
	// maxLag; LagCapped says there are more.
	Lag          int
	LagCapped    bool
	Delivered    int64
	LastDelivery time.Time
	LastError    string
	LastErrorAt  time.Time
}

const maxLag = 10000

// ReadStatus reports every webhook in urls and every one with a cursor file
// in stateDir, ordered by URL.
func ReadStatus(ctx context.Context, stateDir string, urls []string, src Source) ([]Status, error) {
	seen := map[string]bool{}
	all := append([]string(nil), urls...)
	names, _ := filepath.Glob(filepath.Join(stateDir, "*.json"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			continue
		}
		var st state
		if json.Unmarshal(b, &st) == nil && st.URL != "" {
			all = append(all, st.URL)
		}
	}
	sort.Strings(all)
	var out []Status
	for _, u := range all {
		if seen[u] {
			continue
		}
		seen[u] = true
		st, err := loadState(stateDir, u)
		if err != nil {
			return nil, err
		}
		lag, capped, err := pending(ctx, src, st)
		if err != nil {
			return nil, err
		}
		out = append(out, Status{URL: redact(u), Configured: slices.Contains(urls, u), Lag: lag, LagCapped: capped, Delivered: st.Delivered,
			LastDelivery: st.LastDelivery, LastError: st.LastError, LastErrorAt: st.LastErrorAt})
	}
	return out, nil
}

// pending counts the events after st's cursor not yet acknowledged.
func pending(ctx context.Context, src Source, st *state) (int, bool, error) {
	cursor, n := st.Cursor, 0
	for n < maxLag {
		arts, next, err := src.Since(ctx, cursor, 500)
		if err != nil {
			return 0, false, fmt.Errorf("webhook %s: reading the change log: %w", redact(st.URL), err)
		}
		for _, a := range arts {
			if !st.acked(a) {
				n++
			}
		}
		if len(arts) == 0 || next == cursor {
			return n, false, nil
		}
		cursor = next
	}
	return n, true, nil
}
