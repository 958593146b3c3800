package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/resolve"
	"dxnews/store"
)

// dataFlag defines -index and -data on fs and returns -data.
func dataFlag(e *env, fs *flag.FlagSet) *string {
	e.backend = e.envFlag(fs, varIndex, "search index: "+indexBackends)
	return e.envFlag(fs, varData, "data folder")
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dir := dataFlag(e, fs)
	person := fs.String("person", "", "only articles naming this person")
	decision := fs.String("decision", "", "only articles citing this decision number or symbol")
	org := fs.String("org", "", "only articles naming this organisation")
	size := fs.Int("n", 10, "number of results")
	asJSON := fs.Bool("json", false, "print the results as JSON")
	d, err := parseAndOpen(ctx, e, fs, args, dir, modeRead)
	if err != nil {
		return err
	}
	defer d.Close()
	res, err := d.index.Search(ctx, index.Query{
		Text: strings.Join(fs.Args(), " "), Person: *person, Decision: *decision, Org: *org, Size: *size,
	})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	fmt.Fprintf(e.stdout, "%d articles\n", res.Total)
	for _, a := range res.Articles {
		date := ""
		if !a.Published.IsZero() {
			date = a.Published.Format("2006-01-02")
		}
		fmt.Fprintf(e.stdout, "\n%s  %s  %s\n  %s\n", a.ID, date, a.Source, a.Title)
		var names []string
		for _, p := range a.Entities.People {
			names = append(names, p.Name)
		}
		if len(names) > 0 {
			fmt.Fprintf(e.stdout, "  people: %s\n", strings.Join(names, ", "))
		}
	}
	return nil
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dir := dataFlag(e, fs)
	since := fs.String("since", "", "cursor printed by the previous export (default: from the start)")
	limit := fs.Int("limit", 1000, "most articles to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit <= 0 {
		return usagef("-limit must be positive, got %d", *limit)
	}
	if err := existingData(*dir); err != nil {
		return err
	}
	st, err := openStore(*dir, modeRead, e.indexBackend())
	if err != nil {
		return err
	}
	defer st.Close()
	arts, next, err := st.Since(ctx, *since, *limit)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "exported %d articles; next cursor: %s\n", len(arts), next)
	return nil
}

func runReindex(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dir := dataFlag(e, fs)
	d, err := parseAndOpen(ctx, e, fs, args, dir, modeOwn)
	if err != nil {
		return err
	}
	defer d.Close()
	arts, err := d.store.All(ctx)
	if err != nil {
		return err
	}
	p := &pipeline{data: d, logger: e.logger}
	for i, a := range arts {
		arts[i] = p.prepare(a)
		if _, err := d.store.Put(ctx, arts[i]); err != nil {
			return err
		}
		if (i+1)%50 == 0 || i+1 == len(arts) {
			fmt.Fprintf(e.stderr, "\rextract: %d/%d", i+1, len(arts))
		}
	}
	if len(arts) > 0 {
		fmt.Fprintln(e.stderr)
	}
	// Elasticsearch builds the next index generation and swaps the alias;
	// Bleve replaces the documents in place.
	if r, ok := d.index.(interface {
		Rebuild(context.Context, []article.Article) (string, error)
	}); ok {
		name, err := r.Rebuild(ctx, arts)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "built %s and moved the alias to it\n", name)
	} else {
		for start := 0; start < len(arts); start += syncChunk {
			if err := d.index.Index(ctx, arts[start:min(start+syncChunk, len(arts))]...); err != nil {
				return err
			}
		}
	}
	if err := d.sync.markCurrent(ctx); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "reindexed %d articles\n", len(arts))
	// Entities are resolved afresh from the stored articles, never kept
	// from an earlier run.
	start := time.Now()
	d.resolver = resolve.NewResolver()
	d.resolver.Load(arts)
	g, err := d.resolver.Graph(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "resolved %d entities and %d goals across %d articles in %s\n",
		g.Size(), len(g.Goals(resolve.GoalFilter{})), g.Len(), time.Since(start).Round(time.Millisecond))
	return nil
}

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dir := dataFlag(e, fs)
	d, err := parseAndOpen(ctx, e, fs, args, dir, modeRead)
	if err != nil {
		return err
	}
	defer d.Close()
	if d.store.ReadOnly() {
		fmt.Fprintln(e.stdout, "repairs      none attempted: another dxnews process holds this data folder")
	} else if err := repairArticles(ctx, d); err != nil {
		return err
	}
	arts, err := d.store.All(ctx)
	if err != nil {
		return err
	}
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
	lag, lagErr, err := indexLag(ctx, d.store, filepath.Join(*dir, indexStateFile), d.target())
	if err != nil {
		return err
	}
	var withEntities, audioFiles int
	perVoice := map[string]int{}
	for _, a := range arts {
		if len(a.Entities.People)+len(a.Entities.Decisions)+len(a.Entities.Targets) > 0 {
			withEntities++
		}
		for _, au := range a.Audio {
			perVoice[au.Voice]++
			audioFiles++
		}
	}
	fmt.Fprintf(e.stdout, "data folder  %s\n", *dir)
	fmt.Fprintf(e.stdout, "stored       %d articles\n", len(arts))
	fmt.Fprintf(e.stdout, "extracted    %d with people, decisions or targets\n", withEntities)
	fmt.Fprintf(e.stdout, "indexed      %d (%s)\n", indexed, d.describeIndex(ctx))
	fmt.Fprintf(e.stdout, "index lag    %d articles waiting\n", lag)
	if lag > 0 && lagErr != "" {
		fmt.Fprintf(e.stdout, "  last index error: %s\n", lagErr)
	}
	fmt.Fprintf(e.stdout, "audio        %d files\n", audioFiles)
	for _, v := range article.AllVoices() {
		if n := perVoice[v.ID]; n > 0 || containsVoice(article.Voices, v.ID) {
			fmt.Fprintf(e.stdout, "  %-14s %d of %d articles\n", v.ID, n, len(arts))
		}
	}
	owed, err := d.store.OwedStages()
	if err != nil {
		return err
	}
	if len(owed) == 0 {
		fmt.Fprintf(e.stdout, "owed         nothing: every stored article is indexed and spoken\n")
	}
	stages := make([]string, 0, len(owed))
	for st := range owed {
		stages = append(stages, st)
	}
	sort.Strings(stages)
	for _, st := range stages {
		what, who := st, "the next crawl or run"
		if v := store.SpeechVoice(st); v != "" {
			what, who = "speech in "+v, "the next run or crawl -speak"
		}
		fmt.Fprintf(e.stdout, "owed         %s: %d articles (%s does it)\n", what, owed[st], who)
	}
	if ps, ok := readPause(*dir); ok {
		if time.Now().Before(ps.Until) {
			fmt.Fprintf(e.stdout, "speech       %s (paused %d times in a row); the owed speech is retried after that\n", ps, ps.Count)
		} else {
			fmt.Fprintf(e.stdout, "speech       was paused until %s (%s); the next run retries it\n", ps.Until.Local().Format("2006-01-02 15:04:05"), ps.Reason)
		}
	}
	if b, err := os.ReadFile(filepath.Join(*dir, lastRunFile)); err == nil {
		var lr lastRun
		if err := json.Unmarshal(b, &lr); err != nil {
			fmt.Fprintf(e.stdout, "last crawl   unknown: %s does not decode; the next crawl rewrites it\n", lastRunFile)
		} else {
			fmt.Fprintf(e.stdout, "last crawl   %s: %s\n", lr.Finished.Local().Format("2006-01-02 15:04"), lr.Summary)
			if lr.Error != "" {
				fmt.Fprintf(e.stdout, "  failed: %s\n", lr.Error)
			}
			for i, f := range lr.Failures {
				if i == 10 {
					fmt.Fprintf(e.stdout, "  … and %d more speech failures\n", len(lr.Failures)-10)
					break
				}
				fmt.Fprintf(e.stdout, "  speech failed: %s %s: %s\n", f.Article, f.Voice, f.Error)
			}
		}
	}
	if reps, total := d.store.Repairs(20); total == 0 {
		fmt.Fprintf(e.stdout, "problems     none found\n")
	} else {
		fmt.Fprintf(e.stdout, "problems     %d found and repaired", total)
		if total > len(reps) {
			fmt.Fprintf(e.stdout, "; the latest %d", len(reps))
		}
		fmt.Fprintln(e.stdout, ":")
		for _, r := range reps {
			fmt.Fprintf(e.stdout, "  %s %s: %s\n", r.Time.Local().Format("2006-01-02 15:04"), r.Problem, r.Repair)
		}
	}
	if err := printWebhookStatus(ctx, e, d, *dir); err != nil {
		return err
	}
	for _, sub := range []string{"articles", "index", "audio", "tts-cache", "crawl", "pending"} {
		fmt.Fprintf(e.stdout, "disk %-9s %s\n", sub, humanBytes(dirSize(filepath.Join(*dir, sub))))
	}
	return nil
}

func containsVoice(vs []article.Voice, id string) bool {
	for _, v := range vs {
		if v.ID == id {
			return true
		}
	}
	return false
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
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
