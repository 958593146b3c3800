package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestDiskFullCrawl runs crawl -speak into a data folder on a small tmpfs
// filled so that the disk runs out at different moments (articles, index,
// speech), and checks each time that the command stops with one line naming
// the folder, that nothing half-written is visible, and that the next run
// after space returns ends equal to a run that never ran out. It needs root
// to mount the tmpfs and skips without it; store's fault-injection test
// covers every write path everywhere.
func TestDiskFullCrawl(t *testing.T) {
	long(t)
	needSpeech(t)
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	_, cfg := siteWith(t, 4)
	// The real binary runs each crawl, so that a panic in any stage is
	// this test's failure with its message, not the end of the test process.
	bin := buildBinary(t)
	run := func(t *testing.T, _ map[string]string, args ...string) (int, string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = childEnv("DXNEWS_VOICES=north-female")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		code := 0
		if err != nil {
			code = -1
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			}
		}
		return code, "", stderr.String()
	}
	env := map[string]string{}
	clean := t.TempDir()
	if code, _, stderr := run(t, env, "crawl", "-speak", "-config", cfg, "-data", clean); code != 0 {
		t.Fatalf("clean crawl: exit %d: %s", code, stderr)
	}
	want := storedArticles(t, clean)

	failedAt := map[string]bool{}
	for _, free := range []int64{8 << 10, 64 << 10, 160 << 10, 320 << 10, 640 << 10} {
		mnt := t.TempDir()
		if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=4m"); err != nil {
			t.Skipf("cannot mount a tmpfs: %v", err)
		}
		t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })
		dir := filepath.Join(mnt, "data")
		filler := filepath.Join(mnt, "filler")
		var st syscall.Statfs_t
		if err := syscall.Statfs(mnt, &st); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filler, make([]byte, int64(st.Bavail)*st.Bsize-free), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := run(t, env, "crawl", "-speak", "-config", cfg, "-data", dir)
		last := lastLine(stderr)
		if code == 0 {
			t.Logf("free %d KiB: the crawl fitted", free>>10)
		} else {
			if code != 1 || len(missing(last, dir, "no space left")) > 0 {
				if i := strings.Index(stderr, "panic: "); i >= 0 {
					t.Fatalf("free %d KiB: the crawl panicked:\n%s", free>>10, stderr[i:min(len(stderr), i+1500)])
				}
				t.Fatalf("free %d KiB: exit %d, last line %q", free>>10, code, last)
			}
			t.Logf("free %d KiB: %s", free>>10, last)
			for _, stage := range []string{"articles", "index", "audio", "tts-cache", "crawl", "pending", "articles.log"} {
				if strings.Contains(last, filepath.Join(dir, stage)) {
					failedAt[stage] = true
				}
			}
		}
		// Nothing half-written in sight: every article decodes, every MP3
		// is whole (checked by checkAudio after the rerun), no temporary
		// file lies among them.
		for _, sub := range []string{"articles", "audio"} {
			filepath.WalkDir(filepath.Join(dir, sub), func(p string, d fs.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".tmp") {
					t.Errorf("free %d KiB: half-written file left: %s", free>>10, p)
				}
				return nil
			})
		}
		os.Remove(filler)
		if code, _, stderr := run(t, env, "crawl", "-speak", "-config", cfg, "-data", dir); code != 0 {
			t.Fatalf("free %d KiB: the crawl after space returned: exit %d: %s", free>>10, code, stderr)
		}
		got := storedArticles(t, dir)
		for id, w := range want {
			if got[id] != w {
				t.Fatalf("free %d KiB: article %s differs from a clean run's:\nclean %s\ngot   %s", free>>10, id, w, got[id])
			}
		}
		if len(got) != len(want) {
			t.Fatalf("free %d KiB: %d articles, a clean run has %d", free>>10, len(got), len(want))
		}
		checkAudio(t, dir, len(want), []string{"north-female"})
	}
	t.Logf("the disk ran out while writing: %v", failedAt)
}
