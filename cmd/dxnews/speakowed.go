package main

import (
	"cmp"
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"dxnews/store"
)

// speakOwed reads aloud every stored article still owed speech in one of the
// voices, two articles at a time, then stores each article with its audio
// for the index to follow. A failed voice is logged, counted and stays owed;
// the other voices and articles go on.
func (p *pipeline) speakOwed(ctx context.Context) error {
	if p.speaker == nil {
		return nil
	}
	dir, backend := p.data.store.Dir(), p.speaker.Backend.Name()
	prev, hadPause := readPause(dir)
	if hadPause && prev.Backend == backend && time.Now().Before(prev.Until) {
		p.mu.Lock()
		p.paused = &prev
		p.mu.Unlock()
		p.logger.Warn("speech paused: the owed speech waits", "backend", backend, "until", prev.Until, "reason", prev.Reason)
		return nil
	}
	defer p.recordPause(dir, hadPause)
	ids, owed, total, err := p.owedSpeech()
	if err != nil || total == 0 {
		return err
	}
	p.metrics.speechQueue(total)
	defer p.metrics.speechQueue(0)
	tick := p.speechProgress(total)
	jobs := make(chan string)
	var wg sync.WaitGroup
	var firstErr error
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				if _, err := p.speakArticle(ctx, id, owed[id], tick); err != nil {
					p.mu.Lock()
					firstErr = cmp.Or(firstErr, err)
					p.mu.Unlock()
				}
			}
		}()
	}
feed:
	for _, id := range ids {
		select {
		case jobs <- id:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if p.progress != nil && p.tty {
		fmt.Fprintln(p.progress)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return firstErr
}

// recordPause, at the end of speakOwed, writes the pause this run started,
// or clears an earlier one once speech works again.
func (p *pipeline) recordPause(dir string, hadPause bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.newPause:
		if err := writePause(dir, *p.paused); err != nil {
			p.logger.Warn("could not record the speech pause", "err", err)
		}
	case hadPause && p.audio > 0:
		clearPause(dir)
	}
}

// owedSpeech returns the articles owed speech in p's voices, sorted, the
// voices each is owed, and how many readings that makes.
func (p *pipeline) owedSpeech() (ids []string, owed map[string][]string, total int, err error) {
	owed = map[string][]string{}
	for _, v := range p.voices {
		vids, err := p.data.store.Owed(store.StageSpeech(v))
		if err != nil {
			return nil, nil, 0, err
		}
		for _, id := range vids {
			if owed[id] == nil {
				ids = append(ids, id)
			}
			owed[id] = append(owed[id], v)
			total++
		}
	}
	sort.Strings(ids)
	return ids, owed, total, nil
}

// speechProgress returns the function called after each of total readings:
// it updates the queue gauge and the progress line (redrawn in place on a
// terminal, else printed every tenth of the work).
func (p *pipeline) speechProgress(total int) func() {
	start := time.Now()
	done := 0
	return func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		done++
		p.metrics.speechQueue(total - done)
		if p.progress == nil || !(p.tty || done == total || done%max(1, total/10) == 0) {
			return
		}
		prefix, suffix := "", "\n"
		if p.tty {
			prefix, suffix = "\r", ""
		}
		fmt.Fprintf(p.progress, "%sspeak: %d/%d audio files (%d failed) %s%s", prefix, done, total, p.failed, time.Since(start).Round(100*time.Millisecond), suffix)
	}
}
