package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/text/unicode/norm"

	"dxnews/article"
	"dxnews/extract"
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
	// failures lists the speech that failed, for status.
	failures []failure
}

// add extracts the entities of a, stores it and indexes it.
func (p *pipeline) add(ctx context.Context, a article.Article) error {
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
	}
	a.Normalize()
	changed, err := p.data.store.Put(ctx, a)
	if err != nil {
		return err
	}
	if err := p.data.index.Index(ctx, a); err != nil {
		return fmt.Errorf("indexing %s: %w", a.URL, err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.kept = append(p.kept, a)
	if changed {
		p.stored++
	}
	p.indexed++
	return nil
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
		if err := p.data.index.Index(ctx, a); err != nil {
			return fmt.Errorf("indexing %s: %w", a.URL, err)
		}
		p.kept[i] = a
	}
	return nil
}

func (p *pipeline) speakOne(ctx context.Context, a article.Article, voice string) (article.Audio, error) {
	sp, err := p.speaker.Speak(ctx, a.Text(), voice)
	if err == nil {
		sp, err = sp.ForArticle(a) // chapters and ID3 tags
	}
	if err != nil {
		return article.Audio{}, err
	}
	if err := p.data.store.WriteAudio(a.ID, voice, sp.MP3, sp.Timings); err != nil {
		return article.Audio{}, err
	}
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
