package tts

import (
	"fmt"
	"strconv"
	"strings"

	"dxnews/article"
	"dxnews/internal/envvar"
)

// Env reads one backend's DXNEWS_* variables for its ConfigFromEnv, each
// by its declaration in the [envvar] registry. An unset variable leaves its
// Config field zero, which the backend's New turns into the default the
// declaration shows (both name the same constant). Errors start with the
// backend's name and name the variable. The first error sticks: later reads
// do nothing, and [Env.Err] returns it.
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

// Finish ends a ConfigFromEnv: it returns cfg when every read succeeded,
// else the zero Config and the first error met.
func Finish[C any](e *Env, cfg C) (C, error) {
	if e.err != nil {
		var zero C
		return zero, e.err
	}
	return cfg, nil
}

// Get returns the variable's value, "" when unset.
func (e *Env) Get(v envvar.Var) string { return e.getenv(v.Name) }

// Required returns the variable's value, failing when it is unset or empty.
func (e *Env) Required(v envvar.Var) string {
	s := e.getenv(v.Name)
	if e.err == nil && s == "" {
		e.err = fmt.Errorf("%s: %s is not set", e.backend, v.Name)
	}
	return s
}

// Voices reads a voice map (see [ParseVoiceMap]) applied over defaults.
func (e *Env) Voices(v envvar.Var, defaults map[string]string) map[string]string {
	if e.err != nil {
		return nil
	}
	voices, err := ParseVoiceMap(e.getenv(v.Name), defaults)
	if err != nil {
		e.err = fmt.Errorf("%s: %s: %w", e.backend, v.Name, err)
	}
	return voices
}

// Float sets *dst to the variable's value when it is set; the value must be
// a number from lo to hi.
func (e *Env) Float(v envvar.Var, lo, hi float64, dst *float64) {
	s := e.getenv(v.Name)
	if e.err != nil || s == "" {
		return
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < lo || f > hi {
		e.err = fmt.Errorf("%s: %s=%q is not a number from %g to %g", e.backend, v.Name, s, lo, hi)
		return
	}
	*dst = f
}

// Int sets *dst to the variable's value when it is set; the value must be
// an integer from lo to hi.
func (e *Env) Int(v envvar.Var, lo, hi int, dst *int) {
	s := e.getenv(v.Name)
	if e.err != nil || s == "" {
		return
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		e.err = fmt.Errorf("%s: %s=%q is not an integer from %d to %d", e.backend, v.Name, s, lo, hi)
		return
	}
	*dst = n
}

// MinInt sets *dst to the variable's value when it is set; the value must
// be an integer of at least lo.
func (e *Env) MinInt(v envvar.Var, lo int, dst *int) {
	s := e.getenv(v.Name)
	if e.err != nil || s == "" {
		return
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo {
		e.err = fmt.Errorf("%s: %s=%q is not an integer of at least %d", e.backend, v.Name, s, lo)
		return
	}
	*dst = n
}

// VoiceMapDoc writes a voice map as a voice map variable takes it, in the
// order of [article.AllVoices]: the documented default of such a variable.
func VoiceMapDoc(voices map[string]string) string {
	var parts []string
	for _, v := range article.AllVoices() {
		if name, ok := voices[v.ID]; ok {
			parts = append(parts, v.ID+"="+name)
		}
	}
	return strings.Join(parts, ",")
}

// The declarations every service backend makes, so that they read alike:
// each takes the variable's full name and the service's name for the docs.

// DeclareRequired declares the setting a service backend cannot do
// without: its credential, or the server when there is no default.
func DeclareRequired(name, what, backend string) envvar.Var {
	return envvar.Declare(envvar.Var{Name: name, Meaning: what + " (required with -backend " + backend + ")", Commands: envvar.Speech})
}

// DeclareURL declares the endpoint of a service backend and its default.
func DeclareURL(name, service, def string) envvar.Var {
	return envvar.Declare(envvar.Var{Name: name, Default: def, Meaning: service + " synthesis endpoint", Commands: envvar.Speech})
}

// DeclareVoices declares the voice map of a backend over its defaults.
func DeclareVoices(name, service string, defaults map[string]string) envvar.Var {
	return envvar.Declare(envvar.Var{Name: name, DefaultDoc: VoiceMapDoc(defaults),
		Meaning: service + " voice map: voice=name pairs over the defaults; an empty name removes a voice", Commands: envvar.Speech})
}

// DeclareSpeed declares the speed of a backend, its default and its range.
func DeclareSpeed(name, service, def, span string) envvar.Var {
	return envvar.Declare(envvar.Var{Name: name, Default: def, Meaning: service + " speed, " + span, Commands: envvar.Speech})
}
