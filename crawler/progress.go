package crawler

import (
	"fmt"
	"time"
)

// progress prints a line every ProgressEvery until stopped.
func (r *run) progress() func() {
	w := r.c.cfg.Progress
	if w == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(r.c.cfg.ProgressEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				r.mu.Lock()
				line := r.stats.summary()
				r.mu.Unlock()
				fmt.Fprintln(w, line)
			}
		}
	}()
	return func() { close(done); <-finished }
}
