// Command dxnews crawls Vietnamese news about digital transformation,
// extracts people, decisions and targets, indexes them for search, reads
// every article aloud in four regional voices, and serves it all over HTTP.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"dxnews/internal/envvar"
)

// command is one subcommand: its name, one-line summary and entry point.
type command struct {
	name    string
	usage   string
	summary string
	run     func(ctx context.Context, env *env, fs *flag.FlagSet, args []string) error
}

var commands = []command{
	{"demo", "[-addr 127.0.0.1:8080] [-data DIR] [-serve=true]", "run the whole pipeline on the bundled sample site, then serve it", runDemo},
	{"crawl", "[-config FILE] [-seed URL]... [-data DIR] [-max N] [-speak]", "fetch, parse, filter, extract and index articles", runCrawl},
	{"parse", "-url URL [-config FILE] FILE|-", "print the article record parsed from a saved page, and on stderr what supplied each field", runParse},
	{"extract", "[-format text|html|json] FILE|-", "print the entities of an article as JSON", runExtract},
	{"eval", "-articles DIR -gold DIR", "score extraction against annotation files", runEval},
	{"normalize", "[-voice VOICE] FILE|-", "print the text the speech backend will be given", runNormalize},
	{"speak", "-voice VOICE [-backend NAME] [-o OUT.mp3] FILE|-", "read a text aloud into an MP3", runSpeak},
	{"search", "[-data DIR] [-index bleve|elastic] [-person NAME] [-decision NUMBER] [-org NAME] [-json] [QUERY]", "search the indexed articles", runSearch},
	{"export", "[-data DIR] [-since CURSOR] [-limit N]", "write articles changed since a cursor as NDJSON", runExport},
	{"serve", "[-addr ADDR] [-data DIR]", "serve the web UI and the JSON API", runServe},
	{"run", "[-config FILE] [-once] [-shard i/n]", "crawl on a schedule, extract, index, speak and serve", runRun},
	{"reindex", "[-data DIR]", "rebuild the search index from stored articles", runReindex},
	{"status", "[-data DIR]", "show articles per stage, failures and disk use", runStatus},
}

func main() {
	setMemoryLimit()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, os.Environ())
	stop()
	os.Exit(code)
}

// Main runs dxnews with the given arguments and streams and returns the exit
// code: 0 on success, 1 when the command failed, 2 on a usage error.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, environ []string) int {
	if len(args) == 0 {
		printUsage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		printUsage(stderr)
		return 0
	case "help":
		return help(args[1:], stdout, stderr)
	}
	var cmd *command
	for i := range commands {
		if commands[i].name == args[0] {
			cmd = &commands[i]
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "dxnews: unknown command %q (run dxnews -h for the list)\n", args[0])
		return 2
	}
	// The logger, progress lines and errors all write to stderr, from
	// several goroutines.
	stderr = &lockedWriter{w: stderr}
	e := newEnv(cmd.name, stdin, stdout, stderr, getenv)
	e.usage, e.summary = cmd.usage, cmd.summary
	for _, w := range envvar.Unknown(environ) {
		e.logger.Warn("unknown environment variable", "name", w)
	}
	err := cmd.run(ctx, e, newFlagSet(e), args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(stderr, "dxnews %s: %v\n", cmd.name, err)
		return 2
	default:
		fmt.Fprintf(stderr, "dxnews %s: %s\n", cmd.name, oneLine(err.Error()))
		return 1
	}
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// usageError marks a mistake in how a command was called.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "dxnews follows Vietnam's digital transformation through its news.")
	fmt.Fprintln(w, "\nUsage: dxnews COMMAND [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'dxnews COMMAND -h' for the flags of one command, 'dxnews help env' for the environment variables.")
}

// newFlagSet returns a flag set for cmd that prints its usage to the
// command's stderr and returns errors instead of exiting.
func newFlagSet(e *env) *flag.FlagSet {
	fs := flag.NewFlagSet("dxnews "+e.cmd, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: dxnews %s %s\n\n%s.\n\nFlags:\n", e.cmd, e.usage, upperFirst(e.summary))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
