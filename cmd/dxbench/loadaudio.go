package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// audioSide is one server of the audio comparison: its scenario, what its
// turns saw, and, when its process is known, the CPU time it spent in them.
type audioSide struct {
	sc      scenario
	pid     int // 0 when not known (-url)
	m       measurement
	cpu     time.Duration
	turnRPS []float64
}

// turn runs the side's scenario for d, reading its process's CPU time
// around it.
func (s *audioSide) turn(ctx context.Context, client *http.Client, base string, c int, d time.Duration) {
	before, okBefore := procCPU(s.pid)
	m := s.sc.run(ctx, client, base, c, d)
	after, okAfter := procCPU(s.pid)
	if okBefore && okAfter {
		s.cpu += after - before
	}
	s.m.add(m)
	s.turnRPS = append(s.turnRPS, float64(len(m.lats))/m.elapsed.Seconds())
}

// cpuPerRequest is the side's CPU time per request, 0 when not known.
func (s *audioSide) cpuPerRequest() time.Duration {
	if s.cpu <= 0 || len(s.m.lats) == 0 {
		return 0
	}
	return s.cpu / time.Duration(len(s.m.lats))
}

// compareAudio measures audio Range against the plain file server at each
// concurrency. The two take turns in short slices, in alternating order, so
// both see the same load on a shared machine and neither always follows the
// other. It prints each side's row, then the ratio of their rps, the median
// of the ratios of paired turns (steadier when other work comes and goes)
// and, when both processes are known, each one's CPU time per request.
func compareAudio(ctx context.Context, client *http.Client, o loadOptions, base string, p plan, plain string, pids [2]int, stdout io.Writer) error {
	const turns = 10
	for _, c := range o.levels {
		a := &audioSide{sc: scenario{name: "audio-range", urls: []string{p.audio}, ranged: p.audioSize}, pid: pids[0]}
		b := &audioSide{sc: scenario{name: "audio-plain-fileserver", urls: []string{plain}, ranged: p.audioSize, absolute: true}, pid: pids[1]}
		for i := range turns {
			first, second := a, b
			if i%2 == 1 {
				first, second = b, a
			}
			first.turn(ctx, client, base, c, o.dur/turns)
			second.turn(ctx, client, base, c, o.dur/turns)
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		sa, sb := a.m.summary(), b.m.summary()
		printRow(stdout, a.sc.name, c, sa)
		printRow(stdout, b.sc.name, c, sb)
		ratios := make([]float64, turns)
		for i := range ratios {
			ratios[i] = a.turnRPS[i] / b.turnRPS[i]
		}
		slices.Sort(ratios)
		line := fmt.Sprintf("%-24s %5d %10.2f   median of %d turns %.2f", "audio-range/plain", c, sa.rps/sb.rps, turns, (ratios[turns/2-1]+ratios[turns/2])/2)
		if ca, cb := a.cpuPerRequest(), b.cpuPerRequest(); ca > 0 && cb > 0 {
			line += fmt.Sprintf("; server CPU per request %.1f µs, plain %.1f µs", us(ca), us(cb))
		}
		fmt.Fprintln(stdout, line)
	}
	return nil
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 }

// procCPU returns the user and system CPU time process pid has used, from
// /proc/PID/stat, whose clock ticks are 1/100 s on Linux.
func procCPU(pid int) (time.Duration, bool) {
	if pid <= 0 {
		return 0, false
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	// The command name, in parentheses, may hold spaces: fields count
	// from after its closing one; utime and stime are the 14th and 15th.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond, true
}
