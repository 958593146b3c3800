package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"
)

// lastRun is what status shows of the latest crawl: lastRunFile in the data
// folder.
type lastRun struct {
	Finished time.Time      `json:"finished"`
	Summary  string         `json:"summary"`
	Error    string         `json:"error,omitempty"`
	Skipped  map[string]int `json:"skipped"`
	Failures []failure      `json:"speech_failures"`
}

const lastRunFile = "last-run.json"

func writeLastRun(dir string, r crawlResult, runErr error) error {
	lr := lastRun{Finished: time.Now(), Summary: r.summary(), Skipped: r.stats.Skipped, Failures: r.failures}
	if runErr != nil {
		lr.Error = oneLine(runErr.Error())
	}
	if lr.Failures == nil {
		lr.Failures = []failure{}
	}
	b, err := json.MarshalIndent(lr, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, lastRunFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, lastRunFile))
}
