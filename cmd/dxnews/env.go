package main

import (
	"flag"
	"io"
	"log/slog"
	"os"
	"strings"

	"dxnews/internal/envvar"
)

// env carries what every command needs from the process: streams, the
// environment and a logger. It is filled once in Main.
type env struct {
	cmd     string
	usage   string // the command's synopsis, for -h
	summary string
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	getenv  func(string) string
	logger  *slog.Logger
	// tty is true when stderr is a terminal, where progress redraws in place.
	tty bool
	// metrics is the process's metrics registry, served by /metrics.
	metrics *pipelineMetrics
	// backend is the -index flag, once dataFlag has defined it.
	backend *string
}

// indexBackend returns the index backend: -index, DXNEWS_INDEX, or bleve.
func (e *env) indexBackend() string {
	if e.backend != nil {
		return strings.ToLower(strings.TrimSpace(*e.backend))
	}
	return strings.ToLower(e.get(varIndex))
}

// The variables the commands read; each backend declares its own beside
// its Config (tts/*/config.go, index/elastic/config.go). envvar.All lists
// them all for dxnews help env and the unknown-variable warning.
var (
	varData = envvar.Declare(envvar.Var{Name: "DXNEWS_DATA", Default: "./dxnews-data", Flag: "-data DIR",
		Meaning: "data folder: articles, index, audio, speech cache, crawl state", Commands: envvar.Data})
	varAddr = envvar.Declare(envvar.Var{Name: "DXNEWS_ADDR", Default: "127.0.0.1:8080", Flag: "-addr A",
		Meaning: "listen address of the web UI and API", Commands: "serve, demo, run"})
	varConfig = envvar.Declare(envvar.Var{Name: "DXNEWS_CONFIG", DefaultDoc: "built-in sources", Flag: "-config FILE",
		Meaning: "sources to crawl (JSON, format in crawler/README.md), whose rules parse applies too", Commands: "crawl, run, parse"})
	varTTSBackend = envvar.Declare(envvar.Var{Name: "DXNEWS_TTS_BACKEND", Default: "espeak", Flag: "-backend B",
		Meaning: "speech backend: " + backends, Commands: envvar.Speech})
	varInterval = envvar.Declare(envvar.Var{Name: "DXNEWS_CRAWL_INTERVAL", Default: "1h", Flag: "-interval D",
		Meaning: "time between crawls", Commands: "run"})
	varIndex = envvar.Declare(envvar.Var{Name: "DXNEWS_INDEX", Default: "bleve", Flag: "-index I",
		Meaning: "search index: bleve (embedded, in the data folder) or elastic", Commands: envvar.Index})
	varVoices = envvar.Declare(envvar.Var{Name: "DXNEWS_VOICES", DefaultDoc: "the four regional voices",
		Meaning: "comma-separated voices to synthesise", Commands: "crawl, demo, run"})
	varLogLevel = envvar.Declare(envvar.Var{Name: "DXNEWS_LOG_LEVEL", Default: "info",
		Meaning: "debug, info, warn or error", Commands: "all"})
	varLogFormat = envvar.Declare(envvar.Var{Name: "DXNEWS_LOG_FORMAT", Default: "text",
		Meaning: "text or json", Commands: "all"})
	varWebhookURL = envvar.Declare(envvar.Var{Name: "DXNEWS_WEBHOOK_URL",
		Meaning: "comma-separated URLs that receive a signed POST per new or changed article (see Webhooks)", Commands: "crawl, run, status"})
	varWebhookSecret = envvar.Declare(envvar.Var{Name: "DXNEWS_WEBHOOK_SECRET",
		Meaning: "HMAC-SHA256 key of X-Dxnews-Signature; required with DXNEWS_WEBHOOK_URL", Commands: "crawl, run"})
	varFeedEmail = envvar.Declare(envvar.Var{Name: "DXNEWS_FEED_EMAIL", DefaultDoc: "podcast@<host>",
		Meaning: "podcast owner address in the feeds (itunes:email), which directories use to verify the show", Commands: "serve, demo, run"})
)

func newEnv(cmd string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *env {
	level := slog.LevelInfo
	switch strings.ToLower(varLogLevel.Get(getenv)) {
	case "debug":
		level = slog.LevelDebug
	case "warn":
		level = slog.LevelWarn
	case "error":
		level = slog.LevelError
	}
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler = slog.NewTextHandler(stderr, opts)
	if strings.ToLower(varLogFormat.Get(getenv)) == "json" {
		h = slog.NewJSONHandler(stderr, opts)
	}
	return &env{cmd: cmd, stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, logger: slog.New(h), tty: isTerminal(stderr), metrics: newPipelineMetrics()}
}

// get returns the variable's value, or its default when unset.
func (e *env) get(v envvar.Var) string { return v.Get(e.getenv) }

// envFlag defines on fs the string flag that wins over v (v.Flag, e.g.
// "-addr A"), whose default is v's value.
func (e *env) envFlag(fs *flag.FlagSet, v envvar.Var, usage string) *string {
	name, _, _ := strings.Cut(strings.TrimPrefix(v.Flag, "-"), " ")
	return fs.String(name, e.get(v), usage+" (env "+v.Name+")")
}

// openInput opens a FILE|- argument.
func (e *env) openInput(args []string) (io.ReadCloser, string, error) {
	if len(args) != 1 {
		return nil, "", usagef("want exactly one FILE argument (or - for standard input), got %d", len(args))
	}
	if args[0] == "-" {
		return io.NopCloser(e.stdin), "standard input", nil
	}
	f, err := os.Open(args[0])
	if err != nil {
		if os.IsNotExist(err) {
			return nil, "", &fileError{args[0], "no such file"}
		}
		return nil, "", err
	}
	return f, args[0], nil
}

type fileError struct{ path, what string }

func (f *fileError) Error() string { return f.path + ": " + f.what }

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	if l, ok := w.(*lockedWriter); ok {
		w = l.w
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
