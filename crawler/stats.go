package crawler

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Stats counts what a run did.
type Stats struct {
	// Fetched is the number of HTTP requests answered (any status).
	Fetched int
	// Articles is the number of article pages parsed.
	Articles int
	// Kept articles were relevant and emitted; Dropped were off-topic.
	Kept, Dropped int
	// Unchanged articles needed no work: 304, same content, or an
	// unchanged sitemap lastmod.
	Unchanged int
	Errors    int
	// Skipped counts pages not processed, by reason: robots, off-topic,
	// duplicate, near-duplicate, too-large, off-site.
	Skipped map[string]int
	Elapsed time.Duration
	// HostsDown lists the hosts left alone for failing, each with the end
	// of its backoff; their URLs wait for a later run.
	HostsDown map[string]time.Time
	// StateRepaired says what was found damaged in the crawl state and how
	// it was repaired; "" when the state was sound. Articles the repaired
	// state no longer knows are emitted again unless RebuildState records
	// them first.
	StateRepaired string
}

// summary formats stats as one progress line.
func (s Stats) summary() string {
	var b strings.Builder
	skipped := 0
	for _, n := range s.Skipped {
		skipped += n
	}
	fmt.Fprintf(&b, "fetched %d kept %d skipped %d", s.Fetched, s.Kept, skipped)
	if skipped > 0 {
		b.WriteString(" (")
		first := true
		keys := make([]string, 0, len(s.Skipped))
		for k := range s.Skipped {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if n := s.Skipped[k]; n > 0 {
				if !first {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%s %d", k, n)
				first = false
			}
		}
		b.WriteString(")")
	}
	fmt.Fprintf(&b, " unchanged %d errors %d", s.Unchanged, s.Errors)
	return b.String()
}
