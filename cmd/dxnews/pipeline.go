package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/text/unicode/norm"

	"dxnews/article"
	"dxnews/extract"
	"dxnews/store"
	"dxnews/tts"
)

// pipeline takes crawled articles through extraction, storage, indexing and
// speech. Stages never call each other; this is the only place they meet.
type pipeline struct {
	data     *data
	speaker  *tts.Speaker // nil: no speech
	voices   []string
	logger   *slog.Logger
	progress io.Writer
	// tty redraws one progress line in place; otherwise a line is printed
	// every tenth of the work.
	tty bool

	mu      sync.Mutex
	kept    []article.Article
	stored  int
	indexed int
	audio   int
	failed  int
	// indexPending counts stored articles the index has not taken yet.
	indexPending int
	// failures lists the speech that failed, for status.
	failures []failure
}

// prepare NFC-normalises a and extracts its entities, keeping the audio
// already made for it.
func (p *pipeline) prepare(ctx context.Context, a article.Article) (article.Article, error) {
	a.Title = norm.NFC.String(a.Title)
	a.Sapo = norm.NFC.String(a.Sapo)
	a.Body = norm.NFC.String(a.Body)
	ents, authors := extract.EntitiesWithAuthors(a.Text())
	a.Entities = ents
	if len(a.Authors) == 0 {
		a.Authors = authors
	}
	if old, err := p.data.store.Get(ctx, a.ID); err == nil {
		a.Audio = old.Audio // keep audio already made; speak refreshes it
	} else if !errors.Is(err, store.ErrNotFound) {
		return a, err
	}
	a.Normalize()
	return a, nil
}

// add extracts the entities of a and stores it. The index follows the
// store: a changed article is indexed at once (Bleve) or with the next
// batch (Elasticsearch); an index failure is logged and the article waits
// in the store's change log for the next catch-up.
func (p *pipeline) add(ctx context.Context, a article.Article) error {
	a, err := p.prepare(ctx, a)
	if err != nil {
		return err
	}
	changed, err := p.data.store.Put(ctx, a)
	if err != nil {
		return err
	}
	n := 0
	if changed {
		n = p.data.sync.stored(ctx)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.kept = append(p.kept, a)
	if changed {
		p.stored++
	}
	p.indexed += n
	return nil
}

// flushIndex sends every stored change still waiting to the index. A
// failure is logged and counted in the summary; the changes stay pending.
func (p *pipeline) flushIndex(ctx context.Context) {
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
	}
}

// speakAll reads every kept article aloud in every voice, two at a time,
// then stores and re-indexes the articles with their audio. A failed voice is
// logged and counted; the other voices and articles go on.
func (p *pipeline) speakAll(ctx context.Context) error {
	if p.speaker == nil || len(p.kept) == 0 {
		return nil
	}
	type job struct {
		art   int
		voice string
	}
	jobs := make(chan job)
	results := make([][]article.Audio, len(p.kept))
	var wg sync.WaitGroup
	total := len(p.kept) * len(p.voices)
	done := 0
	start := time.Now()
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				au, err := p.speakOne(ctx, p.kept[j.art], j.voice)
				p.mu.Lock()
				done++
				if err != nil {
					p.failed++
					p.failures = append(p.failures, failure{Article: p.kept[j.art].ID, Voice: j.voice, Error: oneLine(err.Error())})
					p.logger.Error("speech failed", "article", p.kept[j.art].ID, "voice", j.voice, "err", err)
				} else {
					p.audio++
					results[j.art] = append(results[j.art], au)
				}
				if p.progress != nil && (p.tty || done == total || done%max(1, total/10) == 0) {
					prefix, suffix := "", "\n"
					if p.tty {
						prefix, suffix = "\r", ""
					}
					fmt.Fprintf(p.progress, "%sspeak: %d/%d audio files (%d failed) %s%s", prefix, done, total, p.failed, time.Since(start).Round(100*time.Millisecond), suffix)
				}
				p.mu.Unlock()
			}
		}()
	}
feed:
	for i := range p.kept {
		for _, v := range p.voices {
			select {
			case jobs <- job{i, v}:
			case <-ctx.Done():
				break feed
			}
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
	for i, a := range p.kept {
		a.Audio = mergeAudio(a.Audio, results[i])
		if _, err := p.data.store.Put(ctx, a); err != nil {
			return err
		}
		p.kept[i] = a
	}
	p.flushIndex(ctx)
	return nil
}

func (p *pipeline) speakOne(ctx context.Context, a article.Article, voice string) (article.Audio, error) {
	sp, err := p.speaker.Speak(ctx, a.Text(), voice)
	if err != nil {
		return article.Audio{}, err
	}
	if err := p.data.store.WriteAudio(a.ID, voice, sp.MP3, sp.Timings); err != nil {
		return article.Audio{}, err
	}
	return article.Audio{
		Voice:      voice,
		URL:        "/api/audio/" + a.ID + "/" + voice + ".mp3",
		DurationMS: sp.DurationMS,
		Bytes:      int64(len(sp.MP3)),
		Backend:    sp.Backend,
	}, nil
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
