package main

import (
	"context"
	"errors"
	"time"

	"dxnews/article"
	"dxnews/store"
)

// speakArticle reads article id in voices, then stores its audio, re-indexes
// it and clears the speech it was owed. It returns how many voices were
// spoken; the error is only for what stops the run (storing or indexing),
// never for one voice's failed speech.
func (p *pipeline) speakArticle(ctx context.Context, id string, voices []string, tick func()) (int, error) {
	a, err := p.data.store.Get(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		for _, v := range voices {
			if err := p.data.store.Done(id, store.StageSpeech(v)); err != nil {
				return 0, err
			}
		}
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var fresh []article.Audio
	for _, v := range voices {
		p.mu.Lock()
		paused := p.paused != nil
		p.mu.Unlock()
		if ctx.Err() != nil || paused {
			break
		}
		au, err := p.speakOne(ctx, a, v)
		var se storeError
		if errors.As(err, &se) {
			return 0, se.err // a full disk stops the run; the voice stays owed
		}
		p.mu.Lock()
		if err != nil && ctx.Err() == nil {
			p.failed++
			p.failures = append(p.failures, failure{Article: id, Voice: v, Error: oneLine(err.Error())})
			p.logger.Error("speech failed", "article", id, "voice", v, "err", err)
			if d, ok := pauseFor(err); ok && p.paused == nil {
				prev, _ := readPause(p.data.store.Dir())
				n := prev.Count + 1
				d = min(d<<min(n-1, 10), maxPause)
				p.paused = &speechPause{Backend: p.speaker.Backend.Name(), Until: time.Now().Add(d).Truncate(time.Second), Reason: oneLine(err.Error()), Count: n}
				p.newPause = true
				p.logger.Warn("speech paused: the owed speech waits", "backend", p.paused.Backend, "until", p.paused.Until, "reason", p.paused.Reason)
			}
		} else if err == nil {
			p.audio++
			fresh = append(fresh, au)
		}
		p.mu.Unlock()
		tick()
	}
	if len(fresh) == 0 {
		return 0, nil
	}
	articleMu.Lock()
	defer articleMu.Unlock()
	// A newer version stored while this one was read owes its own speech:
	// this audio is not stored for it.
	cur, err := p.data.store.Get(ctx, id)
	if err != nil || cur.Text() != a.Text() {
		return 0, nil
	}
	a = cur
	a.Audio = mergeAudio(a.Audio, fresh)
	if _, err := p.data.store.Put(ctx, a); err != nil {
		return 0, err
	}
	n, err := p.syncStored(ctx)
	if err != nil {
		return 0, err
	}
	p.mu.Lock()
	p.indexed += n
	p.mu.Unlock()
	for _, au := range fresh {
		if err := p.data.store.Done(id, store.StageSpeech(au.Voice)); err != nil {
			return 0, err
		}
	}
	return len(fresh), nil
}

func (p *pipeline) speakOne(ctx context.Context, a article.Article, voice string) (article.Audio, error) {
	p.logger.Debug("speaking", "article", a.ID, "voice", voice)
	sp, err := p.speaker.Speak(ctx, a.Text(), voice)
	if p.speaker.Backend != nil {
		p.metrics.spoke(p.speaker.Backend.Name(), voice, sp.DurationMS, sp.Cached, err)
	}
	if err == nil {
		sp, err = sp.ForArticle(a) // chapters and ID3 tags
	}
	if err != nil {
		return article.Audio{}, err
	}
	p.logger.Debug("speech assembled", "article", a.ID, "voice", voice)
	if err := p.data.store.WriteAudio(a.ID, voice, sp.MP3, sp.Timings); err != nil {
		return article.Audio{}, storeError{err}
	}
	p.logger.Debug("audio stored", "article", a.ID, "voice", voice)
	return sp.Audio(article.AudioURL(a.ID, voice)), nil
}

// mergeAudio replaces the entries of old whose voice appears in fresh, keeping
// the voices order of article.Voices.
func mergeAudio(old, fresh []article.Audio) []article.Audio {
	byVoice := map[string]article.Audio{}
	for _, a := range old {
		byVoice[a.Voice] = a
	}
	for _, a := range fresh {
		byVoice[a.Voice] = a
	}
	out := []article.Audio{}
	for _, v := range article.AllVoices() {
		if a, ok := byVoice[v.ID]; ok {
			out = append(out, a)
		}
	}
	return out
}

// failure is one article and voice whose speech failed.
type failure struct {
	Article string `json:"article"`
	Voice   string `json:"voice"`
	Error   string `json:"error"`
}

// storeError marks a failure to store speech, which stops the run, from a
// failure to make it, which is counted and retried by a later run.
type storeError struct{ err error }

func (e storeError) Error() string { return e.err.Error() }
