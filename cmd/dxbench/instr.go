package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"dxnews/internal/loopback"
)

// warmRequests are made before counting, so that what is counted is the
// steady state: connections, caches and the heap are in place.
const warmRequests = 300

// runInstr counts, under callgrind, the user-space instructions a dxnews
// server and the plain file server each execute per audio Range request.
// Unlike requests per second, the count does not move with the machine's
// load or with where code sits in the CPU's caches; it does leave out the
// kernel's work, which sendfile makes the same for both.
func runInstr(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlagSet("instr", stderr)
	server := fl.String("server", "bin/dxnews", "dxnews binary to measure")
	data := fl.String("data", "", "data folder with audio, such as the demo's (required)")
	n := fl.Int("n", 5000, "requests counted on each server")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return errors.New("-data is required: a data folder with audio, such as make loadtest's bin/loadtest-data")
	}
	if *n < 1 {
		return fmt.Errorf("-n %d: want at least 1 request", *n)
	}
	if err := haveCallgrind(); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "dxbench-instr-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	client := &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{DisableCompression: true}}

	addr, err := loopback.FreeAddr()
	if err != nil {
		return err
	}
	base := "http://" + addr
	fmt.Fprintf(stderr, "starting %s under callgrind (tens of seconds)\n", *server)
	srv, err := startCallgrind(ctx, filepath.Join(dir, "server"), stderr, *server, "serve", "-data", *data, "-addr", addr)
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := waitResolved(ctx, client, base, 5*time.Minute); err != nil {
		return err
	}
	p, err := discover(ctx, client, base)
	if err != nil {
		return err
	}
	if p.audio == "" {
		return fmt.Errorf("%s lists no audio of more than %d bytes", *data, 2*rangeBytes)
	}
	if err := download(ctx, client, base+p.audio, filepath.Join(dir, "a.mp3")); err != nil {
		return err
	}
	dx, err := srv.count(ctx, client, base+p.audio, p.audioSize, *n)
	if err != nil {
		return err
	}
	srv.stop()

	self, err := os.Executable()
	if err != nil {
		return err
	}
	if addr, err = loopback.FreeAddr(); err != nil {
		return err
	}
	plainURL := "http://" + addr + "/a.mp3"
	plain, err := startCallgrind(ctx, filepath.Join(dir, "plain"), stderr, self, "fileserver", "-dir", dir, "-addr", addr)
	if err != nil {
		return err
	}
	defer plain.stop()
	if err := loopback.WaitHealthy(ctx, client, plainURL, 5*time.Minute); err != nil {
		return err
	}
	fs, err := plain.count(ctx, client, plainURL, p.audioSize, *n)
	if err != nil {
		return err
	}

	fmt.Fprintf(stdout, "# dxbench instr: user-space instructions per audio Range request (callgrind; %d requests after %d)\n", *n, warmRequests)
	fmt.Fprintf(stdout, "%-24s %12d\n", "audio-range", dx/uint64(*n))
	fmt.Fprintf(stdout, "%-24s %12d\n", "audio-plain-fileserver", fs/uint64(*n))
	fmt.Fprintf(stdout, "%-24s %12.2f\n", "audio-range/plain", float64(dx)/float64(fs))
	return nil
}

// haveCallgrind returns an error when valgrind or callgrind_control is
// missing.
func haveCallgrind() error {
	for _, c := range []string{"valgrind", "callgrind_control"} {
		if _, err := exec.LookPath(c); err != nil {
			return fmt.Errorf("%s is not installed (Debian: apt-get install valgrind)", c)
		}
	}
	return nil
}

// callgrindProcess is a program running under valgrind's callgrind.
type callgrindProcess struct {
	cmd    *exec.Cmd
	out    string // callgrind's output files start with this
	dumps  int    // profiles dumped on demand so far
	exited chan struct{}
}

// startCallgrind runs name with args under callgrind, writing its profiles
// to files that start with out. Go's asynchronous preemption is off: its
// signals trip an assertion in callgrind. GOMAXPROCS is 1: callgrind runs
// one thread at a time, and the instructions of a second processor
// spinning in the scheduler for work would be counted with the requests'
// (counts of the same server then varied twofold from run to run).
func startCallgrind(ctx context.Context, out string, stderr io.Writer, name string, args ...string) (*callgrindProcess, error) {
	argv := append([]string{"--tool=callgrind", "--callgrind-out-file=" + out + ".%p"}, name)
	cmd := exec.CommandContext(ctx, "valgrind", append(argv, args...)...)
	cmd.Env = append(os.Environ(), "GODEBUG=asyncpreemptoff=1", "GOMAXPROCS=1", "DXNEWS_LOG_LEVEL=warn")
	logFile, err := os.Create(out + ".log")
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("starting valgrind: %w", err)
	}
	p := &callgrindProcess{cmd: cmd, out: out, exited: make(chan struct{})}
	go func() { cmd.Wait(); logFile.Close(); close(p.exited) }()
	return p, nil
}

// count makes warmRequests Range requests, zeroes callgrind's counters,
// makes n more and returns the instructions executed since the zeroing.
func (p *callgrindProcess) count(ctx context.Context, client *http.Client, u string, size int64, n int) (uint64, error) {
	pid := strconv.Itoa(p.cmd.Process.Pid)
	if err := rangeRequests(ctx, client, u, size, warmRequests); err != nil {
		return 0, err
	}
	if err := exec.CommandContext(ctx, "callgrind_control", "--zero", pid).Run(); err != nil {
		return 0, fmt.Errorf("callgrind_control --zero %s: %w", pid, err)
	}
	if err := rangeRequests(ctx, client, u, size, n); err != nil {
		return 0, err
	}
	if err := exec.CommandContext(ctx, "callgrind_control", "--dump", pid).Run(); err != nil {
		return 0, fmt.Errorf("callgrind_control --dump %s: %w", pid, err)
	}
	// Dumps on demand are numbered from 1.
	p.dumps++
	f, err := os.Open(p.out + "." + pid + "." + strconv.Itoa(p.dumps))
	if err != nil {
		return 0, fmt.Errorf("callgrind's dump: %w (see %s.log)", err, p.out)
	}
	defer f.Close()
	return callgrindTotal(f)
}

// stop interrupts the process, kills it after 30 s and waits for it.
func (p *callgrindProcess) stop() { interrupt(p.cmd.Process, p.exited, 30*time.Second) }

// callgrindTotal reads the instructions counted in a callgrind profile: its
// summary line, or its totals line when there is no summary.
func callgrindTotal(r io.Reader) (uint64, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var total string
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "summary:"); ok {
			total = v
			break
		}
		if v, ok := strings.CutPrefix(line, "totals:"); ok {
			total = v
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	f := strings.Fields(total)
	if len(f) == 0 {
		return 0, errors.New("the callgrind profile has no summary or totals line")
	}
	// The first event is Ir, instructions executed.
	v, err := strconv.ParseUint(f[0], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("the callgrind profile's total %q: %w", f[0], err)
	}
	return v, nil
}

// rangeRequests makes n requests for rangeBytes at random offsets of a
// file of size bytes at u, one after another, and fails on any error or
// answer other than 206.
func rangeRequests(ctx context.Context, client *http.Client, u string, size int64, n int) error {
	r := rand.New(rand.NewPCG(0, 1))
	for range n {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		askRandomRange(req, r, size)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusPartialContent {
			return fmt.Errorf("GET %s: %s, want 206", u, resp.Status)
		}
	}
	return nil
}
