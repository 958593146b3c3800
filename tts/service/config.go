package service

import (
	"fmt"
	"time"

	"dxnews/internal/envvar"
)

// Hosted are the defaults for zero Options fields of a speech service
// hosted by its vendor: each exchange bounded by 30 s, at most 2 requests
// in flight.
var Hosted = Options{Timeout: 30 * time.Second, Concurrency: 2}

// Check returns the first of a backend's Config checks that failed,
// prefixed with the backend's name, or nil when all passed. The checks are
// errors already computed, such as [Required] and [Speed] give.
func Check(name string, checks ...error) error {
	for _, err := range checks {
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// Required fails when value, a setting the backend cannot do without, is
// empty; the error names the setting and the variable v that gives it.
func Required(what string, v envvar.Var, value string) error {
	if value == "" {
		return fmt.Errorf("no %s (%s)", what, v.Name)
	}
	return nil
}

// Speed sets a zero *speed to def and fails unless it then lies from lo
// to hi.
func Speed[T int | float64](speed *T, def, lo, hi T) error {
	if *speed == 0 {
		*speed = def
	}
	if *speed < lo || *speed > hi {
		return fmt.Errorf("speed %v outside %v…%v", *speed, lo, hi)
	}
	return nil
}
