package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
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

func hasVoice(audio []article.Audio, voice string) bool {
	for _, au := range audio {
		if au.Voice == voice {
			return true
		}
	}
	return false
}

// isStoreFull reports whether err is a full disk, after which no stage can
// make progress.
func isStoreFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
