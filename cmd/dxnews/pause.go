package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dxnews/tts"
)

// speechPause is a speech backend taking a break: after a storm of 429s or
// a quota error the pipeline stops asking it until Until, leaves the speech
// owed, and every run before then crawls and indexes without speaking. It is
// kept in pauseFile in the data folder, so status shows it and the next
// process honours it.
type speechPause struct {
	Backend string    `json:"backend"`
	Until   time.Time `json:"until"`
	Reason  string    `json:"reason"`
	// Count is how many times speech has been paused since it last
	// succeeded.
	Count int `json:"count"`
}

const pauseFile = "speech-paused.json"

// Pauses after a failure that says the service is overloaded or the account
// has run out, when the server does not say how long to wait. Each pause in
// a row doubles, up to maxPause.
const (
	ratePause  = 10 * time.Minute
	quotaPause = time.Hour
	maxPause   = 6 * time.Hour
)

var httpStatus = regexp.MustCompile(`HTTP (\d{3})\b`)

// pauseFor says whether a speech error means the backend should be left
// alone for a while, and for how long. Rate limiting that outlasted the
// retries (429) and exhausted quotas or credit (402, 403, or a message
// naming a quota) pause it; other failures are the article's own.
func pauseFor(err error) (time.Duration, bool) {
	if err == nil {
		return 0, false
	}
	msg := strings.ToLower(err.Error())
	var after time.Duration
	if re := (*tts.RetryableError)(nil); errors.As(err, &re) {
		after = re.RetryAfter
	}
	code := 0
	if m := httpStatus.FindStringSubmatch(err.Error()); m != nil {
		code, _ = strconv.Atoi(m[1])
	}
	switch {
	case code == 429 || strings.Contains(msg, "too many requests") || strings.Contains(msg, "rate limit"):
		if after > 0 {
			return after, true
		}
		return ratePause, true
	case code == 402 || code == 403 || strings.Contains(msg, "quota") || strings.Contains(msg, "insufficient credit") || strings.Contains(msg, "out of credit"):
		if after > 0 {
			return after, true
		}
		return quotaPause, true
	}
	return 0, false
}

func readPause(dir string) (speechPause, bool) {
	var p speechPause
	if found, err := readJSON(filepath.Join(dir, pauseFile), &p); !found || err != nil {
		return speechPause{}, false
	}
	return p, true
}

func writePause(dir string, p speechPause) error {
	return writeJSON(filepath.Join(dir, pauseFile), p)
}

func clearPause(dir string) {
	os.Remove(filepath.Join(dir, pauseFile))
}

func (p speechPause) String() string {
	return fmt.Sprintf("speech with %s paused until %s: %s", p.Backend, p.Until.Local().Format("2006-01-02 15:04:05"), p.Reason)
}
