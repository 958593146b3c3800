package store

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestWorkOwedUntilDone(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, dir)
	a, b := sample(0, "Một"), sample(1, "Hai")
	speak := StageSpeech("north-female")
	put(t, s, a, StageIndex, speak)
	put(t, s, b, StageIndex)
	// Storing the same content again owes nothing new.
	if err := s.Done(a.ID, speak); err != nil {
		t.Fatal(err)
	}
	if changed, err := s.Put(ctx, a, speak); err != nil || changed {
		t.Fatalf("Put(same) = %v, %v", changed, err)
	}
	if got, _ := s.Owed(speak); len(got) != 0 {
		t.Fatalf("an unchanged Put owed speech again: %v", got)
	}
	s.Close()

	// The ledger outlives the process.
	s = openStore(t, dir)
	got, err := s.Owed(StageIndex)
	want := []string{a.ID, b.ID}
	if b.ID < a.ID {
		want = []string{b.ID, a.ID}
	}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("Owed(index) = %v, %v; want %v", got, err, want)
	}
	if err := s.Done(a.ID, StageIndex); err != nil {
		t.Fatal(err)
	}
	if err := s.Done(a.ID, StageIndex); err != nil {
		t.Fatalf("Done twice: %v", err)
	}
	stages, err := s.OwedStages()
	if err != nil || !reflect.DeepEqual(stages, map[string]int{StageIndex: 1}) {
		t.Fatalf("OwedStages = %v, %v", stages, err)
	}
	if SpeechVoice(speak) != "north-female" || SpeechVoice(StageIndex) != "" {
		t.Fatal("SpeechVoice does not invert StageSpeech")
	}
	if err := s.Owe(a.ID, "../x"); err == nil {
		t.Fatal("Owe accepted a stage that is a path")
	}
	if s.LedgerIsNew() {
		t.Fatal("a folder that always had a ledger reads as new")
	}
}

// A folder written before the ledger existed has articles and no stamp,
// whatever the folder's name.
func TestLedgerIsNewForAnOlderFolder(t *testing.T) {
	for _, name := range []string{"data", "tin [2026]*"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), name)
			s := openStore(t, dir)
			put(t, s, sample(0, "Một"))
			s.Close()
			if err := os.RemoveAll(filepath.Join(dir, "pending")); err != nil {
				t.Fatal(err)
			}
			s = openStore(t, dir)
			if !s.LedgerIsNew() {
				t.Fatal("an older folder is not reported")
			}
			if err := s.LedgerComplete(); err != nil {
				t.Fatal(err)
			}
			s.Close()
			s = openStore(t, dir)
			if s.LedgerIsNew() {
				t.Fatal("LedgerComplete did not last")
			}
		})
	}
}
