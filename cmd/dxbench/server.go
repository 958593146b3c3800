package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"dxnews/internal/loopback"
	"dxnews/internal/memlimit"
)

// server is the dxnews serve process under test.
type server struct {
	cmd    *exec.Cmd
	cg     *memCgroup // nil without -memlimit
	anon   *anonPeak
	exited chan struct{} // closed when the process has exited
}

// startServer starts dxnews serve over o.data, in a memory cgroup when
// o.memlimit is set.
func startServer(ctx context.Context, o loadOptions, stderr io.Writer) (*server, error) {
	if err := loopback.Check(o.addr); err != nil {
		return nil, err
	}
	// Another server on the address would be measured in its place.
	l, err := net.Listen("tcp", o.addr)
	if err != nil {
		return nil, fmt.Errorf("-addr %s: %w (is another server running there?)", o.addr, err)
	}
	l.Close()
	s := &server{exited: make(chan struct{}), cmd: exec.CommandContext(ctx, o.server, "serve", "-data", o.data, "-addr", o.addr)}
	s.cmd.Stderr = stderr
	s.cmd.Env = append(os.Environ(), "DXNEWS_LOG_LEVEL=warn")
	if o.memlimit != "" {
		limit, err := parseBytes(o.memlimit)
		if err != nil {
			return nil, fmt.Errorf("-memlimit: %w", err)
		}
		if s.cg, err = newMemCgroup(limit); err != nil {
			return nil, err
		}
		if os.Getenv("GOMEMLIMIT") == "" {
			// The server joins the group after it starts, too late to
			// read the limit itself; it is given the soft limit it
			// would take.
			s.cmd.Env = append(s.cmd.Env, fmt.Sprintf("GOMEMLIMIT=%d", memlimit.Soft(limit)))
		}
	}
	// In a cgroup the data folder is always evicted: pages cached by
	// whoever wrote it (the generator) would be charged to that process,
	// not to the server.
	if s.cg != nil || !o.warm {
		t := time.Now()
		n, err := evictDataFolder(o.data)
		if err != nil {
			if s.cg != nil {
				s.cg.remove()
			}
			return nil, fmt.Errorf("evicting %s from the page cache: %w", o.data, err)
		}
		keep := " (-warm to keep them)"
		if s.cg != nil {
			keep = ""
		}
		fmt.Fprintf(stderr, "page cache: %d files of %s evicted in %s, so the server starts cold%s\n", n, o.data, time.Since(t).Round(10*time.Millisecond), keep)
	}
	if err := s.cmd.Start(); err != nil {
		if s.cg != nil {
			s.cg.remove()
		}
		return nil, fmt.Errorf("starting %s: %w", o.server, err)
	}
	go func() { s.cmd.Wait(); close(s.exited) }()
	s.anon = watchAnon(s.cmd.Process.Pid, 100*time.Millisecond)
	if s.cg != nil {
		if err := s.cg.add(s.cmd.Process.Pid); err != nil {
			s.stop()
			return nil, fmt.Errorf("-memlimit: %w", err)
		}
	}
	return s, nil
}

// stop interrupts the server, kills it after 10 s, and removes its cgroup.
func (s *server) stop() {
	interrupt(s.cmd.Process, s.exited, 10*time.Second)
	if s.cg != nil {
		s.cg.remove()
	}
}

// interrupt interrupts process p, kills it if it has not exited (closed
// exited) after grace, and waits for it.
func interrupt(p *os.Process, exited <-chan struct{}, grace time.Duration) {
	p.Signal(os.Interrupt)
	select {
	case <-exited:
	case <-time.After(grace):
		p.Kill()
		<-exited
	}
}

// running returns an error once the server has exited.
func (s *server) running() error {
	select {
	case <-s.exited:
		return fmt.Errorf("the server exited: %s", s.cmd.ProcessState)
	default:
		return nil
	}
}

// report prints the server's memory: peak RSS, peak anonymous memory
// and, with a cgroup, its peak charge and any OOM kill.
func (s *server) report(stdout io.Writer) {
	if mem, err := procMemory(s.cmd.Process.Pid); err == nil {
		fmt.Fprintf(stdout, "server memory: peak RSS %s (peak anonymous %d kB, sampled every 100 ms); at the end RSS %s (anonymous %s, file-backed %s)\n",
			mem["VmHWM"], s.anon.peak(), mem["VmRSS"], mem["RssAnon"], mem["RssFile"])
	} else {
		fmt.Fprintf(stdout, "server memory: the server is gone (%v)\n", err)
	}
	if s.cg != nil {
		fmt.Fprintln(stdout, "server memory:", s.cg.report())
	}
}

// startPlainServer is the baseline: a plain Go file server, in its own
// process (dxbench fileserver; see positionIndependent), serving a copy of
// the MP3 at audioURL. It returns the copy's URL, the server's process ID
// and a function that stops the server.
func startPlainServer(ctx context.Context, client *http.Client, audioURL string, stderr io.Writer) (string, int, func(), error) {
	dir, err := os.MkdirTemp("", "dxbench-audio-")
	if err != nil {
		return "", 0, nil, err
	}
	fail := func(err error) (string, int, func(), error) { os.RemoveAll(dir); return "", 0, nil, err }
	if err := download(ctx, client, audioURL, filepath.Join(dir, "a.mp3")); err != nil {
		return fail(err)
	}
	self, err := os.Executable()
	if err != nil {
		return fail(err)
	}
	if pie, err := positionIndependent(self); err == nil && !pie {
		fmt.Fprintf(stderr, "warning: %s is not position-independent, so the baseline file server runs at the load generator's code addresses, which favours it at concurrency 1; build dxbench with -buildmode=pie, as make does\n", self)
	}
	fsAddr, err := loopback.FreeAddr()
	if err != nil {
		return fail(err)
	}
	fsrv := exec.CommandContext(ctx, self, "fileserver", "-dir", dir, "-addr", fsAddr)
	fsrv.Stderr = stderr
	if err := fsrv.Start(); err != nil {
		return fail(err)
	}
	stop := func() { fsrv.Process.Kill(); fsrv.Wait(); os.RemoveAll(dir) }
	if err := loopback.WaitHealthy(ctx, client, "http://"+fsAddr+"/a.mp3", 30*time.Second); err != nil {
		stop()
		return "", 0, nil, err
	}
	return "http://" + fsAddr + "/a.mp3", fsrv.Process.Pid, stop, nil
}

// procMemory reads the memory lines of /proc/PID/status.
func procMemory(pid int) (map[string]string, error) {
	b, err := os.ReadFile(path.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && (strings.HasPrefix(k, "Vm") || strings.HasPrefix(k, "Rss")) {
			out[k] = strings.Join(strings.Fields(v), " ")
		}
	}
	return out, nil
}

// runFileServer serves a folder with net/http's file server: the baseline
// audio is measured against.
func runFileServer(ctx context.Context, args []string, stderr io.Writer) error {
	fl := newFlagSet("fileserver", stderr)
	dir := fl.String("dir", ".", "folder to serve")
	addr := fl.String("addr", "127.0.0.1:0", "loopback address")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if err := loopback.Check(*addr); err != nil {
		return err
	}
	srv := &http.Server{Addr: *addr, Handler: http.FileServer(http.Dir(*dir)), ReadHeaderTimeout: 10 * time.Second}
	go func() { <-ctx.Done(); srv.Close() }()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
