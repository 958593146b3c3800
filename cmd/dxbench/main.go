// Command dxbench measures dxnews search and serving at scale.
//
//	dxbench search [-n 10000,30000,100000] [-queries 200] [-dir DIR]
//	    indexes synthetic archives (index/indextest.Archive) of each size on
//	    disk and prints docs/s, size on disk and p50/p95/p99 of text,
//	    person, decision, date, facet and entity queries.
//	dxbench gen -n N -data DIR
//	    writes a synthetic archive of N articles into a dxnews data folder
//	    (store and index), for serving and load tests.
//	dxbench load -server BIN -data DIR [-c 1,16,64] [-d 5s] [-warm]
//	    starts BIN serve on a loopback port over DIR and measures rps and
//	    p50/p99 of search, entities, article pages and audio Range requests
//	    at each concurrency, with a plain Go file server on the same audio
//	    bytes as the baseline (dxbench fileserver, in its own process), and
//	    the server's peak memory. The data folder is evicted from the page
//	    cache first, so the server starts cold (-warm keeps the cache).
//	dxbench instr -server BIN -data DIR [-n 5000]
//	    runs BIN serve over DIR and then the plain file server on one of its
//	    MP3s under callgrind (valgrind), and prints the user-space
//	    instructions each executes per audio Range request, a figure the
//	    machine's load does not move.
//
// Figures depend on the machine and its load; compare ratios taken in the
// same run.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: dxbench search|gen|load|instr [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "search":
		err = runSearchBench(ctx, os.Args[2:], os.Stdout, os.Stderr)
	case "gen":
		err = runGen(ctx, os.Args[2:], os.Stdout, os.Stderr)
	case "load":
		err = runLoad(ctx, os.Args[2:], os.Stdout, os.Stderr)
	case "instr":
		err = runInstr(ctx, os.Args[2:], os.Stdout, os.Stderr)
	case "fileserver":
		err = runFileServer(ctx, os.Args[2:], os.Stderr)
	default:
		fmt.Fprintf(os.Stderr, "dxbench: unknown command %q (want search, gen, load or instr)\n", os.Args[1])
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dxbench:", err)
		os.Exit(1)
	}
}

// newFlagSet returns the flag set of dxbench cmd, which writes its usage and
// errors to stderr and returns errors instead of exiting.
func newFlagSet(cmd string, stderr io.Writer) *flag.FlagSet {
	fl := flag.NewFlagSet("dxbench "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	return fl
}
