package main

import (
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
	return writeJSON(filepath.Join(dir, lastRunFile), lr)
}
