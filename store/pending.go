package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dxnews/internal/atomicfile"
)

// The ledger of work owed. Every stage after storing (indexing, speech in
// each voice) owes something for an article from the moment a new version of
// it is stored until the stage has finished with it. What is owed is kept as
// one empty file per stage and article, pending/<stage>/<id>, created before
// the article itself is written and removed only once the stage is done, so a
// process killed at any moment, or a run that skipped a stage, leaves the
// work for the next run to find with Owed.
//
// The export cursor needs no entry: the change log line of a version is
// appended before the version's file is written, and the crawler records a
// page as done only after the store has it, so a crash between the two is
// redone by the next crawl and logged again.

// StageIndex is the stage that indexes an article for search.
const StageIndex = "index"

// StageSpeech returns the stage that reads an article aloud in voice.
func StageSpeech(voice string) string { return "speak-" + voice }

// SpeechVoice returns the voice of a speech stage, or "" for another stage.
func SpeechVoice(stage string) string {
	v, ok := strings.CutPrefix(stage, "speak-")
	if !ok {
		return ""
	}
	return v
}

func validStage(stage string) bool { return validVoice(stage) }

func (s *Store) pendingDir(stage string) string {
	return filepath.Join(s.dir, "pending", stage)
}

// owe records that each stage is owed for article id. The caller holds s.mu
// or is Owe.
func (s *Store) owe(id string, stages []string) error {
	for _, st := range stages {
		if err := s.oweAll(st, []string{id}); err != nil {
			return err
		}
	}
	return nil
}

// oweAll records that stage is owed for every article in ids, with one
// sync of the stage's folder at the end.
func (s *Store) oweAll(stage string, ids []string) error {
	if !validStage(stage) {
		return fmt.Errorf("store: invalid stage %q", stage)
	}
	dir := s.pendingDir(stage)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("store: recording work owed in %s: %w", dir, err)
	}
	for _, id := range ids {
		if !validID.MatchString(id) {
			return fmt.Errorf("store: invalid article id %q", id)
		}
		f, err := s.fs.create(filepath.Join(dir, id))
		if err == nil {
			err = f.Close()
		}
		if err != nil {
			return fmt.Errorf("store: recording work owed in %s: %w", dir, err)
		}
	}
	if err := atomicfile.SyncDir(dir); err != nil {
		return fmt.Errorf("store: recording work owed in %s: %w", dir, err)
	}
	return nil
}

// Owe records durably that each stage still has to be done for article id.
func (s *Store) Owe(id string, stages ...string) error {
	if !validID.MatchString(id) {
		return fmt.Errorf("store: invalid article id %q", id)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.owe(id, stages)
}

// Done records that stage has finished with article id. Finishing work that
// was not owed is not an error.
func (s *Store) Done(id, stage string) error {
	if !validID.MatchString(id) || !validStage(stage) {
		return fmt.Errorf("store: invalid work %q/%q", stage, id)
	}
	err := os.Remove(filepath.Join(s.pendingDir(stage), id))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("store: recording work done: %w", err)
	}
	return nil
}

// Owed returns the IDs of the articles stage still owes, in ID order.
func (s *Store) Owed(stage string) ([]string, error) {
	if !validStage(stage) {
		return nil, fmt.Errorf("store: invalid stage %q", stage)
	}
	ids, err := idsIn(s.pendingDir(stage), "")
	if err != nil {
		return nil, fmt.Errorf("store: listing work owed: %w", err)
	}
	return ids, nil
}

// OwedStages returns every stage that owes work, with how many articles it
// owes, for status.
func (s *Store) OwedStages() (map[string]int, error) {
	ents, err := os.ReadDir(filepath.Join(s.dir, "pending"))
	if errors.Is(err, os.ErrNotExist) {
		return map[string]int{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: listing work owed: %w", err)
	}
	out := map[string]int{}
	for _, e := range ents {
		if !e.IsDir() || !validStage(e.Name()) {
			continue
		}
		ids, err := s.Owed(e.Name())
		if err != nil {
			return nil, err
		}
		if len(ids) > 0 {
			out[e.Name()] = len(ids)
		}
	}
	return out, nil
}

// OweMany records that stage is owed for every article in ids, with one
// sync at the end.
func (s *Store) OweMany(stage string, ids []string) error { return s.oweAll(stage, ids) }
