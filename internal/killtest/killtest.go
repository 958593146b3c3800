// Package killtest runs one test of the running test binary as a child
// process and kills it with SIGKILL at a chosen point, for tests that show
// a run killed mid-work loses nothing and repeats little.
package killtest

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Child returns a command that runs only the test named test of the running
// test binary, with env added to this process's environment.
func Child(test string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// KillWhen starts cmd, waits until reached is closed and then settle more,
// kills it with SIGKILL and waits for it to exit. A child that does not get
// there within limit is killed and fails the test, showing what it wrote
// unless its output goes elsewhere.
func KillWhen(t testing.TB, cmd *exec.Cmd, reached <-chan struct{}, settle, limit time.Duration) {
	t.Helper()
	var out bytes.Buffer
	if cmd.Stdout == nil && cmd.Stderr == nil {
		cmd.Stdout, cmd.Stderr = &out, &out
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-reached:
	case <-time.After(limit):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("%s never got where it is killed within %v:\n%s", strings.Join(cmd.Args, " "), limit, out.String())
	}
	time.Sleep(settle)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
}
