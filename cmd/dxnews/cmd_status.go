package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"dxnews/article"
	"dxnews/internal/dirsize"
	"dxnews/store"
)

// runStatus shows, for a data folder, how far each stage has come, what is
// still owed, every problem found and what repaired it, and disk use. Unless
// another process holds the folder it repairs what it finds first.
func runStatus(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	d, err := parseAndOpen(ctx, e, fs, args, modeRead)
	if err != nil {
		return err
	}
	defer d.Close()
	w := e.stdout
	crawlLine, err := statusRepair(ctx, e, d)
	if err != nil {
		return err
	}
	arts, err := d.store.All(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "data folder  %s\n", d.dir)
	fmt.Fprintf(w, "stored       %d articles\n", len(arts))
	if err := statusIndex(ctx, e, d, arts); err != nil {
		return err
	}
	statusAudio(w, arts)
	fmt.Fprintf(w, "crawl state  %s\n", crawlLine)
	voices, err := voicesFromEnv(e)
	if err != nil {
		return err
	}
	if err := statusOwed(w, d.store, voices); err != nil {
		return err
	}
	statusPause(w, d.dir)
	statusLastRun(w, d.dir)
	statusProblems(w, d.store)
	if err := printWebhookStatus(ctx, e, d); err != nil {
		return err
	}
	for _, sub := range []string{"articles", "index", "audio", "tts-cache", "crawl", "pending"} {
		fmt.Fprintf(w, "disk %-9s %s\n", sub, humanBytes(dirsize.Of(filepath.Join(d.dir, sub))))
	}
	return nil
}

// statusRepair repairs the article files and the crawl state, unless
// another process holds the folder, and returns status's crawl state line.
func statusRepair(ctx context.Context, e *env, d *data) (string, error) {
	if d.store.ReadOnly() {
		fmt.Fprintln(e.stdout, "repairs      none attempted: another dxnews process holds this data folder")
		return "not checked: another dxnews process holds this data folder", nil
	}
	if err := repairArticles(ctx, d); err != nil {
		return "", err
	}
	return describeCrawlState(checkCrawlState(ctx, d.store, d.dir)), nil
}

// statusIndex shows the articles extracted and indexed and the index lag,
// indexing first what the index lacks beyond its lag.
func statusIndex(ctx context.Context, e *env, d *data, arts []article.Article) error {
	indexed, err := d.index.Count(ctx)
	if err != nil {
		return err
	}
	if indexed < len(arts) && !d.store.ReadOnly() {
		if err := indexMissing(ctx, e, d, arts, indexed); err != nil {
			return err
		}
		if indexed, err = d.index.Count(ctx); err != nil {
			return err
		}
	}
	lag, lagErr, err := indexLag(ctx, d.store, filepath.Join(d.dir, indexStateFile), d.target())
	if err != nil {
		return err
	}
	withEntities := 0
	for _, a := range arts {
		if len(a.Entities.People)+len(a.Entities.Decisions)+len(a.Entities.Targets) > 0 {
			withEntities++
		}
	}
	w := e.stdout
	fmt.Fprintf(w, "extracted    %d with people, decisions or targets\n", withEntities)
	fmt.Fprintf(w, "indexed      %d (%s)\n", indexed, d.describeIndex(ctx))
	fmt.Fprintf(w, "index lag    %d articles waiting\n", lag)
	if lag > 0 && lagErr != "" {
		fmt.Fprintf(w, "  last index error: %s\n", lagErr)
	}
	return nil
}

// statusAudio shows the audio files, per voice.
func statusAudio(w io.Writer, arts []article.Article) {
	total := 0
	perVoice := map[string]int{}
	for _, a := range arts {
		for _, au := range a.Audio {
			perVoice[au.Voice]++
			total++
		}
	}
	fmt.Fprintf(w, "audio        %d files\n", total)
	for _, v := range article.AllVoices() {
		if n := perVoice[v.ID]; n > 0 || slices.ContainsFunc(article.Voices, func(x article.Voice) bool { return x.ID == v.ID }) {
			fmt.Fprintf(w, "  %-14s %d of %d articles\n", v.ID, n, len(arts))
		}
	}
}

// statusOwed shows the work each stage still owes. Speech owed in a voice
// no longer in DXNEWS_VOICES is kept, blocks nothing, and is said so: it is
// spoken if the voice is configured again.
func statusOwed(w io.Writer, st *store.Store, voices []string) error {
	owed, err := st.OwedStages()
	if err != nil {
		return err
	}
	if len(owed) == 0 {
		fmt.Fprintf(w, "owed         nothing: every stored article is indexed and spoken\n")
	}
	stages := make([]string, 0, len(owed))
	for st := range owed {
		stages = append(stages, st)
	}
	sort.Strings(stages)
	for _, st := range stages {
		what, who := st, "the next crawl or run does it"
		if v := store.SpeechVoice(st); v != "" {
			what, who = "speech in "+v, "the next run or crawl -speak does it"
			if !slices.Contains(voices, v) {
				who = "not in DXNEWS_VOICES: kept, and spoken if the voice is set again"
			}
		}
		fmt.Fprintf(w, "owed         %s: %d articles (%s)\n", what, owed[st], who)
	}
	return nil
}

// statusPause shows a speech pause and when it ends.
func statusPause(w io.Writer, dir string) {
	ps, ok := readPause(dir)
	switch {
	case !ok:
	case time.Now().Before(ps.Until):
		fmt.Fprintf(w, "speech       %s (paused %d times in a row); the owed speech is retried after that\n", ps, ps.Count)
	default:
		fmt.Fprintf(w, "speech       was paused until %s (%s); the next run retries it\n", ps.Until.Local().Format("2006-01-02 15:04:05"), ps.Reason)
	}
}

// statusLastRun shows the latest crawl's summary, error and speech failures.
func statusLastRun(w io.Writer, dir string) {
	var lr lastRun
	found, err := readJSON(filepath.Join(dir, lastRunFile), &lr)
	switch {
	case err != nil:
		fmt.Fprintf(w, "last crawl   unknown: %s; the next crawl rewrites it\n", oneLine(err.Error()))
		return
	case !found:
		return
	}
	fmt.Fprintf(w, "last crawl   %s: %s\n", lr.Finished.Local().Format("2006-01-02 15:04"), lr.Summary)
	if lr.Error != "" {
		fmt.Fprintf(w, "  failed: %s\n", lr.Error)
	}
	for i, f := range lr.Failures {
		if i == 10 {
			fmt.Fprintf(w, "  … and %d more speech failures\n", len(lr.Failures)-10)
			break
		}
		fmt.Fprintf(w, "  speech failed: %s %s: %s\n", f.Article, f.Voice, f.Error)
	}
}

// statusProblems shows the latest problems found and what repaired each.
func statusProblems(w io.Writer, st *store.Store) {
	reps, total := st.Repairs(20)
	if total == 0 {
		fmt.Fprintf(w, "problems     none found\n")
		return
	}
	fmt.Fprintf(w, "problems     %d found and repaired", total)
	if total > len(reps) {
		fmt.Fprintf(w, "; the latest %d", len(reps))
	}
	fmt.Fprintln(w, ":")
	for _, r := range reps {
		fmt.Fprintf(w, "  %s %s: %s\n", r.Time.Local().Format("2006-01-02 15:04"), r.Problem, r.Repair)
	}
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
