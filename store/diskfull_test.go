package store

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestDiskFullLeavesNothingHalfWritten fails each write of the store in turn
// as a full disk would and checks that the error names the folder, that no
// half-written article, log line or MP3 is visible, and that the same write
// succeeds once space returns.
func TestDiskFullLeavesNothingHalfWritten(t *testing.T) {
	ctx := context.Background()
	for _, target := range []string{"articles.log", "articles" + string(filepath.Separator), "pending", "audio"} {
		t.Run(strings.Trim(target, "/"), func(t *testing.T) {
			dir := t.TempDir()
			s := openStore(t, dir)
			old := sample(0, "Bản đầu")
			put(t, s, old, StageIndex)
			if err := s.WriteAudio(old.ID, "north-female", []byte("ID3-old-mp3"), []int{1}); err != nil {
				t.Fatal(err)
			}
			full := true
			s.fs.fail = func(path string) error {
				rel, _ := filepath.Rel(dir, path)
				if full && strings.HasPrefix(rel, target) {
					return syscall.ENOSPC
				}
				return nil
			}
			up := old
			up.Title = "Bản sửa, dài hơn nhiều so với bản đầu để việc ghi không vừa"
			_, perr := s.Put(ctx, up, StageSpeech("north-female"))
			werr := s.WriteAudio(old.ID, "north-female", []byte("ID3-new-mp3-longer"), []int{1, 2})
			err := errors.Join(perr, werr)
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("writes into a full %s did not fail with ENOSPC: %v", target, err)
			}
			if !strings.Contains(err.Error(), dir) {
				t.Fatalf("the error does not name the folder %s: %v", dir, err)
			}
			// What a reader sees is the old version or the new, whole.
			got, err := s.Get(ctx, old.ID)
			if err != nil || (got.Title != old.Title && got.Title != up.Title) {
				t.Fatalf("after a failed write Get = %q, %v", got.Title, err)
			}
			if mp3, _ := os.ReadFile(s.AudioPath(old.ID, "north-female")); string(mp3) != "ID3-old-mp3" && string(mp3) != "ID3-new-mp3-longer" {
				t.Fatalf("half-written MP3: %q", mp3)
			}
			var tim []int
			if b, _ := os.ReadFile(TimingsPath(s.AudioPath(old.ID, "north-female"))); json.Unmarshal(b, &tim) != nil {
				t.Fatalf("half-written timings: %q", b)
			}
			for _, sub := range []string{"articles", filepath.Join("audio", old.ID)} {
				if tmps, _ := filepath.Glob(filepath.Join(dir, sub, ".*.tmp")); len(tmps) > 0 {
					t.Fatalf("temporary files left in sight: %v", tmps)
				}
			}
			x, bad, _ := readLogFile(s.logPath())
			if bad != 0 || len(x.entries) < 1 || x.size != s.changes.size || x.head() != s.changes.head() {
				t.Fatalf("change log after a failed append: %d entries, %d bad, %d bytes (%d in memory)", len(x.entries), bad, x.size, s.changes.size)
			}

			// Space returns: the same writes succeed and the log goes on.
			full = false
			put(t, s, up, StageSpeech("north-female"))
			if err := s.WriteAudio(old.ID, "north-female", []byte("ID3-new-mp3-longer"), []int{1, 2}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			s2 := openStore(t, dir)
			page, _, err := s2.Since(ctx, "", 10)
			if err != nil || len(page) != 1 || page[0].Title != up.Title {
				t.Fatalf("export after recovery: %+v, %v", page, err)
			}
			if owed, _ := s2.Owed(StageSpeech("north-female")); len(owed) != 1 {
				t.Fatalf("speech owed after recovery: %v", owed)
			}
			if reps, _ := s2.Repairs(10); len(reps) != 0 {
				t.Fatalf("a clean recovery needed repairs: %+v", reps)
			}
		})
	}
}
