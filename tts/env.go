package tts

import (
	"fmt"
	"strconv"
)

// Env reads one backend's DXNEWS_* variables for its ConfigFromEnv. Errors
// start with the backend's name and name the variable. The first error
// sticks: later reads do nothing, and [Env.Err] returns it.
type Env struct {
	backend string
	getenv  func(string) string
	err     error
}

// NewEnv reads variables through getenv for the named backend.
func NewEnv(backend string, getenv func(string) string) *Env {
	return &Env{backend: backend, getenv: getenv}
}

// Err returns the first error met, or nil.
func (e *Env) Err() error { return e.err }

// Get returns the variable's value, "" when unset.
func (e *Env) Get(key string) string { return e.getenv(key) }

// Required returns the variable's value, failing when it is unset or empty.
func (e *Env) Required(key string) string {
	v := e.getenv(key)
	if e.err == nil && v == "" {
		e.err = fmt.Errorf("%s: %s is not set", e.backend, key)
	}
	return v
}

// Voices reads a voice map (see [ParseVoiceMap]) applied over defaults.
func (e *Env) Voices(key string, defaults map[string]string) map[string]string {
	if e.err != nil {
		return nil
	}
	voices, err := ParseVoiceMap(e.getenv(key), defaults)
	if err != nil {
		e.err = fmt.Errorf("%s: %s: %w", e.backend, key, err)
	}
	return voices
}

// Float sets *dst to the variable's value when it is set; the value must be
// a number from lo to hi.
func (e *Env) Float(key string, lo, hi float64, dst *float64) {
	v := e.getenv(key)
	if e.err != nil || v == "" {
		return
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < lo || f > hi {
		e.err = fmt.Errorf("%s: %s=%q is not a number from %g to %g", e.backend, key, v, lo, hi)
		return
	}
	*dst = f
}

// Int sets *dst to the variable's value when it is set; the value must be
// an integer from lo to hi.
func (e *Env) Int(key string, lo, hi int, dst *int) {
	v := e.getenv(key)
	if e.err != nil || v == "" {
		return
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		e.err = fmt.Errorf("%s: %s=%q is not an integer from %d to %d", e.backend, key, v, lo, hi)
		return
	}
	*dst = n
}

// MinInt sets *dst to the variable's value when it is set; the value must
// be an integer of at least lo.
func (e *Env) MinInt(key string, lo int, dst *int) {
	v := e.getenv(key)
	if e.err != nil || v == "" {
		return
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo {
		e.err = fmt.Errorf("%s: %s=%q is not an integer of at least %d", e.backend, key, v, lo)
		return
	}
	*dst = n
}
