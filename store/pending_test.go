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
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, b := sample(0, "Một"), sample(1, "Hai")
	speak := StageSpeech("north-female")
	if _, err := s.Put(ctx, a, StageIndex, speak); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, b, StageIndex); err != nil {
		t.Fatal(err)
	}
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
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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

func TestLedgerIsNewForAnOlderFolder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, sample(0, "Một")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// A folder written before the ledger existed has articles and no stamp.
	if err := os.RemoveAll(filepath.Join(dir, "pending")); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !s.LedgerIsNew() {
		t.Fatal("an older folder is not reported")
	}
	if err := s.LedgerComplete(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.LedgerIsNew() {
		t.Fatal("LedgerComplete did not last")
	}
}
