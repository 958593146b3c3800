package webhook

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

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
	ents, _ := os.ReadDir(stateDir) // read, not globbed: the folder may be named "hooks [1]"
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(stateDir, e.Name()))
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
