package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/bleve"
	"dxnews/index/indextest"
	"dxnews/store"
)

// withFacets asks for every facet.
func withFacets(q index.Query) index.Query {
	q.Facets = index.FacetNames
	return q
}

// genAudioArticles is how many articles of a generated folder get an MP3,
// and genAudioBytes its size: enough for Range requests to read real files.
const (
	genAudioArticles = 20
	genAudioBytes    = 2 << 20
)

// runGen writes a synthetic archive into a data folder. Only the index
// holds the articles (the store's change log would cost one fsync each);
// the first genAudioArticles also get an MP3 of random bytes in the store's
// audio folder, so audio Range requests have files to read.
func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlagSet("gen", stderr)
	n := fl.Int("n", 10000, "number of articles")
	dir := fl.String("data", "", "data folder to create (must not exist)")
	seed := fl.Uint64("seed", 1, "generator seed")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("-data is required")
	}
	if _, err := os.Stat(*dir); err == nil {
		return fmt.Errorf("-data %s exists; give a new folder", *dir)
	}
	st, err := store.Open(*dir)
	if err != nil {
		return err
	}
	defer st.Close()
	ix, err := bleve.Open(filepath.Join(*dir, "index"), nil)
	if err != nil {
		return err
	}
	start := time.Now()
	// Every article goes to the store too, as a crawl would put it, so a
	// server over this folder holds what a real archive holds (the
	// resolved entities are built from the store).
	stored := func(docs []article.Article) error {
		for _, a := range docs {
			if _, err := st.Put(ctx, a); err != nil {
				return err
			}
		}
		return nil
	}
	if err := indexArchive(ctx, ix, *n, *seed, stored); err != nil {
		ix.Close()
		return err
	}
	withAudio, err := writeAudio(st, *n, *seed)
	if err != nil {
		ix.Close()
		return err
	}
	if err := stored(withAudio); err != nil {
		ix.Close()
		return err
	}
	if err := ix.Index(ctx, withAudio...); err != nil {
		ix.Close()
		return err
	}
	if err := ix.Close(); err != nil {
		return err
	}
	if err := markIndexed(ctx, st, *dir); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d articles indexed in %s (%.0f docs/s), %d with audio, into %s\n",
		*n, time.Since(start).Round(time.Millisecond), float64(*n)/time.Since(start).Seconds(), len(withAudio), *dir)
	return nil
}

// writeAudio gives the first genAudioArticles articles a reading in one
// voice: an MP3 of random bytes in the store's audio folder, and the
// articles with its record, to be stored and indexed again.
func writeAudio(st *store.Store, n int, seed uint64) ([]article.Article, error) {
	r := rand.New(rand.NewPCG(seed, 7))
	audio := make([]byte, genAudioBytes)
	for k := range audio {
		audio[k] = byte(r.Uint32())
	}
	var withAudio []article.Article
	for i := 0; i < min(n, genAudioArticles); i++ {
		a := indextest.Archive(n, i, seed)
		a.Audio = []article.Audio{{Voice: "north-female", Bytes: genAudioBytes, DurationMS: genAudioBytes / 8, Backend: "synthetic"}}
		withAudio = append(withAudio, a)
		p := st.AudioPath(a.ID, "north-female")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, audio, 0o644); err != nil {
			return nil, err
		}
	}
	return withAudio, nil
}

// markIndexed records, as dxnews does after a catch-up, that the Bleve
// index holds every change of the store's log, so a server over the
// folder does not index the archive a second time.
func markIndexed(ctx context.Context, st *store.Store, dir string) error {
	_, head, err := st.Changed(ctx, "")
	if err != nil {
		return err
	}
	state := map[string]any{"bleve": map[string]any{"cursor": head, "retry": []string{}, "updated": time.Now().UTC()}}
	b, err := json.MarshalIndent(state, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index-state.json"), b, 0o644)
}
