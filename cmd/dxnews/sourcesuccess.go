package main

import (
	"path/filepath"
	"time"
)

// sourcesFile keeps the last successful fetch per source host in the data
// folder, so the gauge survives restarts and a serve process reports the
// crawls of another.
const sourcesFile = "sources-last-success.json"

// loadSourceSuccess reads sourcesFile; a missing file is an empty map.
func loadSourceSuccess(dir string) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	if _, err := readJSON(filepath.Join(dir, sourcesFile), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// saveSourceSuccess merges fresh into sourcesFile, keeping the later time
// of each host, and replaces the file atomically.
func saveSourceSuccess(dir string, fresh map[string]time.Time) error {
	if len(fresh) == 0 {
		return nil
	}
	all, err := loadSourceSuccess(dir)
	if err != nil {
		all = map[string]time.Time{}
	}
	for h, t := range fresh {
		if t.After(all[h]) {
			all[h] = t.UTC()
		}
	}
	return writeJSON(filepath.Join(dir, sourcesFile), all)
}
