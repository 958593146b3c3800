package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"dxnews/index"
	"dxnews/store"
)

var (
	crashSeed  = flag.Uint64("crash.seed", 0, "random seed of TestCrashAnywhere (0: from the clock)")
	crashKills = flag.Int("crash.kills", 6, "fewest kills TestCrashAnywhere makes (make crash: 24; -short: 4)")
)

// buildBinary builds dxnews into a temporary folder and returns its path.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dxnews")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// childEnv is the process environment without DXNEWS_* variables, plus
// extra.
func childEnv(extra ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DXNEWS_") {
			out = append(out, kv)
		}
	}
	return append(out, extra...)
}

// lockedBuffer is a bytes.Buffer a child process can write while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
	// onLine, when set, sees every complete line as it arrives.
	onLine func(string)
	part   []byte
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.onLine != nil {
		l.part = append(l.part, p...)
		for {
			i := bytes.IndexByte(l.part, '\n')
			if i < 0 {
				break
			}
			l.onLine(string(l.part[:i]))
			l.part = l.part[i+1:]
		}
	}
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// stageOf names the stage a killed run was in from the last debug record it
// wrote.
func stageOf(stderr string) string {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		switch {
		case strings.Contains(l, `msg="audio stored"`), strings.Contains(l, `msg="speech assembled"`):
			return "audio assembly and storing"
		case strings.Contains(l, `msg="tts chunk synthesised"`), strings.Contains(l, "msg=speaking"):
			return "speech"
		case strings.Contains(l, "msg=stored"):
			return "index"
		case strings.Contains(l, "msg=extracting"):
			return "extract"
		case strings.Contains(l, "msg=indexed"), strings.Contains(l, `msg="host ready"`):
			return "crawl"
		}
	}
	return "start-up"
}

// Debug records after which a run can be killed, so that kills land in every
// stage and not mostly in the longest: the crawl's come first in a phase,
// the only run that has new pages, speech's in the runs after.
var (
	crawlTriggers  = []string{`msg="host ready"`, "msg=extracting", "msg=stored"}
	speechTriggers = []string{"msg=speaking", `msg="tts chunk synthesised"`, `msg="speech assembled"`}
)

// TestCrashAnywhere runs the real binary (run -once, speech on) over a local
// site that publishes new and changed articles, SIGKILLs it at random
// moments and restarts it, phase after phase, and checks that the data
// folder ends equal to that of a run never killed: same articles and
// entities, each indexed once, every MP3 whole with its timings, nothing
// owed, and an export that replays every article once. It kills 6 times by
// default, and -crash.kills sets it (make crash: 24); -short skips it.
func TestCrashAnywhere(t *testing.T) {
	long(t)
	needSpeech(t)
	target := *crashKills
	seed := *crashSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (rerun with -crash.seed=%d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))

	bin := buildBinary(t)
	site := newTestSite(t)
	cfg := site.config(t)
	clean, killed := t.TempDir(), t.TempDir()
	voices := []string{"north-female", "south-male"}
	env := childEnv("DXNEWS_VOICES="+strings.Join(voices, ","), "DXNEWS_ESPEAK_MAX_CHUNK=90", "DXNEWS_LOG_LEVEL=debug")
	args := func(dir string) []string { return []string{"run", "-once", "-config", cfg, "-data", dir} }

	kills, runs, triggered := 0, 0, 0
	stages := map[string]int{}
	for phase := 0; kills < target || phase < 2; phase++ {
		if phase == 2*target {
			t.Fatalf("only %d kills in %d phases", kills, phase)
		}
		// Each phase publishes two new stories and changes an older one.
		site.put(2*phase, 0)
		site.put(2*phase+1, 0)
		if phase > 0 {
			site.put(rng.IntN(2*phase), phase)
		}

		start := time.Now()
		cmd := exec.Command(bin, args(clean)...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("clean run, phase %d: %v\n%s", phase, err, out)
		}
		took := time.Since(start)

		for attempt := 0; ; attempt++ {
			var stderr lockedBuffer
			cmd := exec.Command(bin, args(killed)...)
			cmd.Env, cmd.Stderr = env, &stderr
			// The first run of a phase is killed a random moment after a
			// crawl stage's n-th record; of the later runs, half at a random
			// time, half just after a speech stage's record.
			var timer *time.Timer
			fired := false
			if attempt == 0 || attempt < 8 && rng.IntN(2) == 0 {
				trigger := speechTriggers[triggered%len(speechTriggers)]
				if attempt == 0 {
					trigger = crawlTriggers[phase%len(crawlTriggers)]
				} else {
					triggered++
				}
				skip := rng.IntN(2)
				after := time.Duration(rng.IntN(1000)) * time.Microsecond
				stderr.onLine = func(l string) {
					if fired || !strings.Contains(l, trigger) {
						return
					}
					if skip > 0 {
						skip--
						return
					}
					fired = true
					timer = time.AfterFunc(after, func() { cmd.Process.Signal(syscall.SIGKILL) })
				}
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			runs++
			if attempt < 8 && stderr.onLine == nil {
				delay := time.Duration(rng.Float64() * float64(took))
				timer = time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) })
			}
			err := cmd.Wait()
			stderr.mu.Lock()
			stopped := timer == nil || timer.Stop()
			stderr.mu.Unlock()
			if stopped || err == nil {
				if err != nil {
					t.Fatalf("phase %d: a run after %d kills failed: %v\n%s", phase, attempt, err, stderr.String())
				}
				break // the phase is done
			}
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || ws.Signal() != syscall.SIGKILL {
				t.Fatalf("phase %d: run ended with %v, not killed:\n%s", phase, err, stderr.String())
			}
			kills++
			stages[stageOf(stderr.String())]++
		}
	}
	t.Logf("%d kills over %d runs: %v", kills, runs, stages)
	compareFolders(t, clean, killed, voices)
}

// compareFolders checks that the data folder got equals want.
func compareFolders(t *testing.T, want, got string, voices []string) {
	t.Helper()
	ctx := context.Background()
	e, dw := openTestData(t, want)
	defer dw.Close()
	dg, err := openData(context.Background(), e, got, modeOwn)
	if err != nil {
		t.Fatalf("the killed folder does not open: %v", err)
	}
	defer dg.Close()

	wantArts, err := dw.store.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	gotArts, err := dg.store.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(gotArts) != len(wantArts) {
		t.Fatalf("%d articles stored, a clean run stored %d", len(gotArts), len(wantArts))
	}
	for i := range wantArts {
		w, g := wantArts[i], gotArts[i]
		w.Fetched, g.Fetched = time.Time{}, time.Time{}
		// The speaker aims each reading's loudness with what it learnt from
		// the readings before it in the same process, so a run restarted
		// mid-way may publish a gain a fraction of a decibel apart: those
		// are compared within a tolerance, the rest exactly.
		if len(w.Audio) == len(g.Audio) {
			w.Audio, g.Audio = slices.Clone(w.Audio), slices.Clone(g.Audio)
			for j := range w.Audio {
				for _, pair := range [][2]float64{{w.Audio[j].LoudnessLUFS, g.Audio[j].LoudnessLUFS}, {w.Audio[j].TruePeakDBTP, g.Audio[j].TruePeakDBTP}, {w.Audio[j].GainDB, g.Audio[j].GainDB}} {
					if math.Abs(pair[0]-pair[1]) > 1 {
						t.Fatalf("article %s %s: loudness figures %v apart from a clean run's", w.ID, w.Audio[j].Voice, pair)
					}
				}
				w.Audio[j].LoudnessLUFS, w.Audio[j].TruePeakDBTP, w.Audio[j].GainDB = 0, 0, 0
				g.Audio[j].LoudnessLUFS, g.Audio[j].TruePeakDBTP, g.Audio[j].GainDB = 0, 0, 0
			}
		}
		wj, _ := json.Marshal(w)
		gj, _ := json.Marshal(g)
		if !bytes.Equal(wj, gj) {
			t.Fatalf("article differs from a clean run's:\nclean  %s\nkilled %s", wj, gj)
		}
		for _, v := range voices {
			mp3 := dw.store.AudioPath(w.ID, v)
			rel, _ := filepath.Rel(want, mp3)
			wb, err1 := os.ReadFile(store.TimingsPath(mp3))
			gb, err2 := os.ReadFile(store.TimingsPath(filepath.Join(got, rel)))
			if err1 != nil || err2 != nil || !bytes.Equal(wb, gb) {
				t.Fatalf("timings of %s differ from a clean run's (%v, %v)", rel, err1, err2)
			}
			ws, err1 := os.Stat(mp3)
			gs, err2 := os.Stat(filepath.Join(got, rel))
			if err1 != nil || err2 != nil || ws.Size() != gs.Size() {
				t.Fatalf("%s differs in size from a clean run's (%v, %v)", rel, err1, err2)
			}
		}
	}

	// The index holds each article once, with the stored version.
	n, err := dg.index.Count(ctx)
	if err != nil || n != len(gotArts) {
		t.Fatalf("index counts %d documents (%v), want %d", n, err, len(gotArts))
	}
	seen := map[string]int{}
	res, err := dg.index.Search(ctx, index.Query{Size: index.MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Articles {
		seen[a.ID]++
	}
	for _, a := range gotArts {
		if seen[a.ID] != 1 {
			t.Fatalf("article %s found %d times by search", a.ID, seen[a.ID])
		}
		ia, err := dg.index.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ia.Entities, a.Entities) || len(ia.Audio) != len(a.Audio) {
			t.Fatalf("index holds an older version of %s", a.ID)
		}
	}
	for _, typ := range []string{index.TypePerson, index.TypeDecision, index.TypeOrganization, index.TypeLocation, index.TypeTarget} {
		we, err1 := dw.index.Entities(ctx, index.EntityQuery{Type: typ, Size: 1000})
		ge, err2 := dg.index.Entities(ctx, index.EntityQuery{Type: typ, Size: 1000})
		if err1 != nil || err2 != nil || !reflect.DeepEqual(we, ge) {
			t.Fatalf("%s entities differ from a clean run's (%v, %v):\nclean  %+v\nkilled %+v", typ, err1, err2, we, ge)
		}
	}

	// Nothing is owed, and no half-written file is left in sight.
	if owed, err := dg.store.OwedStages(); err != nil || len(owed) != 0 {
		t.Fatalf("work still owed after a complete run: %v %v", owed, err)
	}
	for _, sub := range []string{"articles", "audio"} {
		filepath.WalkDir(filepath.Join(got, sub), func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".tmp") {
				t.Errorf("half-written file left: %s", p)
			}
			return nil
		})
	}

	// The export replays every article exactly once, in pages.
	exported := map[string]int{}
	cursor := ""
	for range 1000 {
		page, next, err := dg.store.Since(ctx, cursor, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range page {
			exported[a.ID]++
		}
		if next == cursor {
			break
		}
		cursor = next
	}
	var ids []string
	for _, a := range gotArts {
		ids = append(ids, a.ID)
		if exported[a.ID] != 1 {
			t.Fatalf("export gave article %s %d times", a.ID, exported[a.ID])
		}
	}
	if len(exported) != len(gotArts) {
		t.Fatalf("export gave %d articles, %d are stored", len(exported), len(gotArts))
	}
	sort.Strings(ids)
	dg.Close()
	checkAudio(t, got, len(ids), voices)
}
