package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/unicode/norm"

	"dxnews/article"
	"dxnews/crawler"
	"dxnews/extract"
	"dxnews/tts"
)

// maxInput bounds what extract, normalize and speak read: 16 MiB.
const maxInput = 16 << 20

func readInput(e *env, args []string) (string, string, error) {
	r, name, err := e.openInput(args)
	if err != nil {
		return "", "", err
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return "", "", fmt.Errorf("reading %s: %w", name, err)
	}
	if len(b) > maxInput {
		return "", "", fmt.Errorf("%s is larger than %d MiB", name, maxInput>>20)
	}
	return string(b), name, nil
}

func runExtract(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	format := fs.String("format", "text", "input format: text (first line = title), html (a news page) or json (an article record)")
	explain := fs.Bool("explain", false, "add an \"evidence\" array (the cue, lead-in or heading and the year source of each target, as byte offsets) and print one line per target on stderr")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	raw, name, err := readInput(e, fs.Args())
	if err != nil {
		return err
	}
	var text string
	switch *format {
	case "text":
		text = norm.NFC.String(raw)
	case "html":
		a, err := crawler.ParseArticle(strings.NewReader(raw), "file:///"+name, "text/html")
		if err != nil {
			return fmt.Errorf("parsing %s: %w", name, err)
		}
		text = a.Text()
	case "json":
		var a article.Article
		if err := json.Unmarshal([]byte(raw), &a); err != nil {
			return fmt.Errorf("%s is not an article record: %w", name, err)
		}
		text = norm.NFC.String(a.Text())
	default:
		return usagef("unknown -format %q (want text, html or json)", *format)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if !*explain {
		ents := extract.Entities(text)
		ents.Normalize()
		return enc.Encode(ents)
	}
	ents, evidence := extract.Explain(text)
	ents.Normalize()
	writeEvidence(e.stderr, ents.Targets, evidence)
	return enc.Encode(struct {
		article.Entities
		Evidence []extract.Evidence `json:"evidence"`
	}{ents, evidence})
}

// writeEvidence prints one line per target: its value and year, the cue or
// scope that made it a goal, where its year came from, and the headings and
// lead-ins above it, with byte offsets.
func writeEvidence(w io.Writer, targets []article.Target, evidence []extract.Evidence) {
	span := func(s extract.Span) string {
		if s.Text == "" {
			return s.Kind
		}
		return fmt.Sprintf("%s %q [%d,%d)", s.Kind, s.Text, s.Start, s.End)
	}
	for i, t := range targets {
		if i >= len(evidence) {
			break
		}
		ev := evidence[i]
		year := "no year"
		if t.Year != "" {
			year = t.Year + " from " + span(ev.YearFrom)
		}
		fmt.Fprintf(w, "%s %s %q: goal by %s; %s", t.Value, t.Qualifier, t.Metric, span(ev.Cue), year)
		for _, s := range ev.Scopes {
			fmt.Fprintf(w, "; under %s", span(s))
		}
		fmt.Fprintln(w)
	}
}

func runEval(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	articles := fs.String("articles", "", "folder of article .txt files")
	gold := fs.String("gold", "", "folder of annotation .json files")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *articles == "" || *gold == "" {
		return usagef("both -articles and -gold are required")
	}
	for _, d := range []string{*articles, *gold} {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return fmt.Errorf("%s: not a folder", d)
		}
	}
	rep, err := extract.Eval(*articles, *gold)
	if err != nil {
		return err
	}
	return rep.WriteText(e.stdout)
}

func runNormalize(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	voiceID := fs.String("voice", "north-female", "voice whose region the spoken forms follow")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if _, err := article.LookupVoice(*voiceID); err != nil {
		return usageError{err.Error()}
	}
	raw, _, err := readInput(e, fs.Args())
	if err != nil {
		return err
	}
	spoken, err := tts.Spoken(raw, *voiceID)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, spoken)
	return err
}

func runSpeak(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	voiceID := fs.String("voice", "", "voice: north-female, north-male, south-female, south-male (central-* where the backend has them)")
	backend := e.envFlag(fs, varTTSBackend, "speech backend: "+backends)
	out := fs.String("o", "", "output MP3 file (default: standard output); timings go beside it as .json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *voiceID == "" {
		return usagef("-voice is required")
	}
	if _, err := article.LookupVoice(*voiceID); err != nil {
		return usageError{err.Error()}
	}
	raw, _, err := readInput(e, fs.Args())
	if err != nil {
		return err
	}
	if strings.TrimSpace(raw) == "" {
		return fmt.Errorf("nothing to speak: the input is empty")
	}
	sp, err := newSpeaker(e, *backend, "")
	if err != nil {
		return err
	}
	// The first line is the title, as for extract: the MP3 is tagged and
	// has chapters like a published reading.
	title, body, _ := strings.Cut(strings.TrimSpace(norm.NFC.String(raw)), "\n")
	a := article.Article{Title: strings.TrimSpace(title), Body: strings.TrimSpace(body), Source: "dxnews"}
	speech, err := sp.Speak(ctx, a.Text(), *voiceID)
	if err == nil {
		speech, err = speech.ForArticle(a)
	}
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = e.stdout.Write(speech.MP3)
		return err
	}
	if err := os.WriteFile(*out, speech.MP3, 0o644); err != nil {
		return err
	}
	tj, _ := json.MarshalIndent(speech.Timings, "", "  ")
	if err := os.WriteFile(strings.TrimSuffix(*out, ".mp3")+".json", tj, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s: %.1f s, %d bytes, %d sentences\n", *out, float64(speech.DurationMS)/1000, len(speech.MP3), len(speech.Timings))
	return nil
}
