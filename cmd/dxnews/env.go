package main

import (
	"io"
	"log/slog"
	"os"
	"strings"
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
	return strings.ToLower(e.or("DXNEWS_INDEX", "bleve"))
}

// envVars lists the DXNEWS_* variables dxnews reads, with what they set.
var envVars = map[string]string{
	"DXNEWS_DATA":              "data folder (default ./dxnews-data)",
	"DXNEWS_ADDR":              "listen address for serve and demo (default 127.0.0.1:8080)",
	"DXNEWS_CONFIG":            "sources config file for crawl, serve and run",
	"DXNEWS_LOG_LEVEL":         "debug, info, warn or error (default info)",
	"DXNEWS_LOG_FORMAT":        "text or json (default text)",
	"DXNEWS_TTS_BACKEND":       "espeak, fpt, zalo, viettel or openai (default espeak)",
	"DXNEWS_VOICES":            "comma-separated voices to synthesise (default the four regional voices)",
	"DXNEWS_FPT_API_KEY":       "FPT.AI API key",
	"DXNEWS_FPT_URL":           "FPT.AI TTS endpoint",
	"DXNEWS_ZALO_API_KEY":      "Zalo AI API key",
	"DXNEWS_ZALO_URL":          "Zalo AI TTS endpoint",
	"DXNEWS_VIETTEL_TOKEN":     "Viettel AI token",
	"DXNEWS_VIETTEL_URL":       "Viettel AI TTS endpoint",
	"DXNEWS_OPENAI_TTS_URL":    "OpenAI-compatible server base URL",
	"DXNEWS_OPENAI_TTS_KEY":    "OpenAI-compatible API key",
	"DXNEWS_OPENAI_TTS_MODEL":  "OpenAI-compatible model name",
	"DXNEWS_CRAWL_INTERVAL":    "time between crawls for run (default 1h)",
	"DXNEWS_INDEX":             "search index backend: bleve (default) or elastic",
	"DXNEWS_ES_URL":            "Elasticsearch node URLs, comma-separated",
	"DXNEWS_ES_USERNAME":       "Elasticsearch user (with DXNEWS_ES_PASSWORD)",
	"DXNEWS_ES_PASSWORD":       "Elasticsearch password",
	"DXNEWS_ES_API_KEY":        "Elasticsearch API key (base64 id:key), instead of a user",
	"DXNEWS_ES_CA_CERT":        "PEM file of the CA that signed the cluster's certificate",
	"DXNEWS_ES_INDEX_PREFIX":   "prefix of the Elasticsearch indices, aliases and templates (default dxnews)",
	"DXNEWS_ESPEAK_VOICES":     "espeak voice map, e.g. north-female=vi+f4",
	"DXNEWS_ESPEAK_SPEED":      "espeak-ng words per minute",
	"DXNEWS_ESPEAK_MAX_CHUNK":  "espeak chunk limit in characters",
	"DXNEWS_FPT_VOICES":        "FPT.AI voice map",
	"DXNEWS_FPT_SPEED":         "FPT.AI speed",
	"DXNEWS_ZALO_VOICES":       "Zalo AI voice map",
	"DXNEWS_ZALO_SPEED":        "Zalo AI speed",
	"DXNEWS_VIETTEL_VOICES":    "Viettel AI voice map",
	"DXNEWS_VIETTEL_SPEED":     "Viettel AI speed",
	"DXNEWS_VIETTEL_MAX_CHUNK": "Viettel AI chunk limit in characters",
	"DXNEWS_OPENAI_TTS_VOICES": "OpenAI-compatible voice map",
	"DXNEWS_OPENAI_TTS_SPEED":  "OpenAI-compatible speed",
	"DXNEWS_WEBHOOK_URL":       "comma-separated URLs that receive a signed POST per new or changed article",
	"DXNEWS_WEBHOOK_SECRET":    "HMAC-SHA256 key of the X-Dxnews-Signature header (required with DXNEWS_WEBHOOK_URL)",
	"DXNEWS_FEED_EMAIL":        "podcast owner e-mail in the feeds (default podcast@<host>)",
}

func newEnv(cmd string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *env {
	level := slog.LevelInfo
	switch strings.ToLower(getenv("DXNEWS_LOG_LEVEL")) {
	case "debug":
		level = slog.LevelDebug
	case "warn":
		level = slog.LevelWarn
	case "error":
		level = slog.LevelError
	}
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler = slog.NewTextHandler(stderr, opts)
	if strings.ToLower(getenv("DXNEWS_LOG_FORMAT")) == "json" {
		h = slog.NewJSONHandler(stderr, opts)
	}
	return &env{cmd: cmd, stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, logger: slog.New(h), tty: isTerminal(stderr), metrics: newPipelineMetrics()}
}

// unknownEnv returns the DXNEWS_* variables in environ that dxnews does not
// read, which are most likely typos.
func unknownEnv(environ []string) []string {
	var out []string
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "DXNEWS_") {
			if _, ok := envVars[k]; !ok {
				out = append(out, k)
			}
		}
	}
	return out
}

// or returns the environment variable key when set, else def.
func (e *env) or(key, def string) string {
	if v := e.getenv(key); v != "" {
		return v
	}
	return def
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
