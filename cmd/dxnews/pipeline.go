package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"sync"
	"syscall"
	"time"

	"golang.org/x/text/unicode/norm"

	"dxnews/article"
	"dxnews/extract"
	"dxnews/store"
	"dxnews/tts"
)

// pipeline takes crawled articles through extraction, storage, indexing and
// speech. Stages never call each other; this is the only place they meet.
//
// Every new version of an article is stored together with the work it is
// owed (indexing, speech in each voice) in the store's ledger, and each
// stage clears its entry only when done, so work a run skipped (a crawl
// without -speak) or lost (a process killed mid-way) is found and finished
// by the next run: catchUp indexes, speakOwed speaks.
type pipeline struct {
	data    *data
	speaker *tts.Speaker // nil: no speech this run
	// voices are the voices every article is read in. A new version owes
	// speech in each of them even when this run does not speak.
	voices   []string
	logger   *slog.Logger
	progress io.Writer
	// tty redraws one progress line in place; otherwise a line is printed
	// every tenth of the work.
	tty bool

	mu      sync.Mutex
	stored  int
	indexed int
	audio   int
	failed  int
	// indexPending counts stored articles the index has not taken yet.
	indexPending int
	// failures lists the speech that failed, for status.
	failures []failure
	// paused is set when the speech backend is taking a break (see
	// speechPause); newPause when this run started it.
	paused   *speechPause
	newPause bool
	// metrics counts extraction and speech; nil records nothing.
	metrics *pipelineMetrics
}

// prepare NFC-normalises a and extracts its entities.
func (p *pipeline) prepare(a article.Article) article.Article {
	a.Title = norm.NFC.String(a.Title)
	a.Sapo = norm.NFC.String(a.Sapo)
	a.Body = norm.NFC.String(a.Body)
	p.logger.Debug("extracting", "article", a.ID)
	start := time.Now()
	ents, authors := extract.EntitiesWithAuthors(a.Text())
	p.metrics.extracted(time.Since(start))
	a.Entities = ents
	if len(a.Authors) == 0 {
		a.Authors = authors
	}
	a.Normalize()
	return a
}

// add extracts the entities of a and stores it with the speech it is owed.
// The index follows the store: a changed article is indexed at once (Bleve)
// or with the next batch (Elasticsearch); an index failure is logged and the
// article waits in the store's change log for the next catch-up.
func (p *pipeline) add(ctx context.Context, a article.Article) error {
	a = p.prepare(a)
	// A new version and the audio of an older one are stored one at a
	// time (run speaks while it crawls).
	articleMu.Lock()
	defer articleMu.Unlock()
	old, err := p.data.store.Get(ctx, a.ID)
	haveOld := err == nil
	if haveOld {
		a.Audio = old.Audio // keep audio already made; speech refreshes it
	}
	var owed []string
	for _, v := range p.voices {
		if !haveOld || old.Text() != a.Text() || !hasVoice(old.Audio, v) {
			owed = append(owed, store.StageSpeech(v))
		}
	}
	changed, err := p.data.store.Put(ctx, a, owed...)
	if err != nil {
		return err
	}
	p.logger.Debug("stored", "article", a.ID, "changed", changed)
	n := 0
	if changed {
		if n, err = p.syncStored(ctx); err != nil {
			return err
		}
	}
	p.data.resolver.Add(a)
	p.mu.Lock()
	defer p.mu.Unlock()
	if changed {
		p.stored++
	}
	p.indexed += n
	return nil
}

// syncStored tells the index of one stored change; it indexes when a batch
// is due. A panic inside the index (Bleve has been seen to panic on a
// segment left behind by a full disk) marks the index damaged, to be rebuilt
// from the store by the next catch-up (healingIndex) or when dxnews next
// opens it, and stops this crawl with an error instead of a crash.
func (p *pipeline) syncStored(ctx context.Context) (n int, err error) {
	defer p.recoverIndex(&err)
	return p.data.sync.stored(ctx), nil
}

func (p *pipeline) recoverIndex(err *error) {
	if r := recover(); r != nil {
		markIndexDamaged(p.data.store.Dir(), fmt.Sprint(r))
		*err = fmt.Errorf("the search index failed (%v); it is rebuilt from the stored articles before it is used again", r)
	}
}

// catchUp sends every stored change still waiting to the index. An index
// that is down or refuses articles is logged and counted in the summary;
// the changes stay in the store's change log for the next run.
func (p *pipeline) catchUp(ctx context.Context) (err error) {
	defer p.recoverIndex(&err)
	n, err := p.data.sync.catchUp(ctx)
	p.mu.Lock()
	p.indexed += n
	p.mu.Unlock()
	if err != nil && ctx.Err() == nil {
		lag, _, _ := p.data.sync.lag(ctx)
		p.mu.Lock()
		p.indexPending = lag
		p.mu.Unlock()
		p.logger.Warn("index behind the store; the articles are kept and indexed on the next run", "waiting", lag, "err", oneLine(err.Error()))
		return nil
	}
	p.mu.Lock()
	p.indexPending = 0
	p.mu.Unlock()
	return ctx.Err()
}

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
	defer func() {
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
	}()
	owed := map[string][]string{}
	var ids []string
	total := 0
	for _, v := range p.voices {
		vids, err := p.data.store.Owed(store.StageSpeech(v))
		if err != nil {
			return err
		}
		for _, id := range vids {
			if owed[id] == nil {
				ids = append(ids, id)
			}
			owed[id] = append(owed[id], v)
			total++
		}
	}
	if total == 0 {
		return nil
	}
	sort.Strings(ids)
	jobs := make(chan string)
	var wg sync.WaitGroup
	done := 0
	p.metrics.speechQueue(total)
	defer p.metrics.speechQueue(0)
	start := time.Now()
	var firstErr error
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				_, err := p.speakArticle(ctx, id, owed[id], func() {
					p.mu.Lock()
					done++
					p.metrics.speechQueue(total - done)
					if p.progress != nil && (p.tty || done == total || done%max(1, total/10) == 0) {
						prefix, suffix := "", "\n"
						if p.tty {
							prefix, suffix = "\r", ""
						}
						fmt.Fprintf(p.progress, "%sspeak: %d/%d audio files (%d failed) %s%s", prefix, done, total, p.failed, time.Since(start).Round(100*time.Millisecond), suffix)
					}
					p.mu.Unlock()
				})
				if err != nil {
					p.mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
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

// owedAtUpgrade records the work the articles of a data folder written
// before the ledger existed still owe: speech in every voice they lack.
func (p *pipeline) owedAtUpgrade(ctx context.Context) error {
	if !p.data.store.LedgerIsNew() {
		return nil
	}
	arts, err := p.data.store.All(ctx)
	if err != nil {
		return err
	}
	for _, a := range arts {
		var owed []string
		for _, v := range p.voices {
			if !hasVoice(a.Audio, v) {
				owed = append(owed, store.StageSpeech(v))
			}
		}
		if err := p.data.store.Owe(a.ID, owed...); err != nil {
			return err
		}
	}
	return p.data.store.LedgerComplete()
}

// articleMu makes reading, changing and storing one article a single step
// between the crawl's pipeline and the speech's, which run concurrently in
// dxnews run.
var articleMu sync.Mutex

// storeError marks a failure to store speech, which stops the run, from a
// failure to make it, which is counted and retried by a later run.
type storeError struct{ err error }

func (e storeError) Error() string { return e.err.Error() }

func hasVoice(audio []article.Audio, voice string) bool {
	for _, au := range audio {
		if au.Voice == voice {
			return true
		}
	}
	return false
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

// isStoreFull reports whether err is a full disk, after which no stage can
// make progress.
func isStoreFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
