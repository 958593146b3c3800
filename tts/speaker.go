package tts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/unicode/norm"

	"dxnews/article"
	"dxnews/tts/loudness"
	"dxnews/tts/mp3"
	"dxnews/tts/normalize"
)

// DefaultMaxChunk is the chunk limit used when neither the Speaker nor the
// backend sets one.
const DefaultMaxChunk = 2000

// Speaker turns an article text into one MP3 per voice with sentence
// timings. The zero value is not usable: Backend must be set.
type Speaker struct {
	Backend Synthesizer
	// MaxChunk caps each request's size as measured by ChunkSize. 0 means the
	// backend's own limit ([ChunkLimiter]) or DefaultMaxChunk.
	MaxChunk int
	// ChunkSize measures a chunk; nil counts runes.
	ChunkSize func(string) int
	// Cache, when set, is consulted before and filled after synthesis.
	Cache *Cache
	// Concurrency bounds the chunks in flight for one Speak call; 0 means 2.
	Concurrency int
	// Logger receives per-chunk debug records; nil discards them.
	Logger *slog.Logger
	// OnChunk, when set, is called with each chunk's audio as the backend
	// returned it, in order, as soon as that chunk and all before it are
	// ready: the first call is the first playable audio. The published MP3
	// is these chunks joined, loudness-normalised and encoded once.
	OnChunk func(index int, audio Audio)
	// Encoder encodes the normalised audio; nil means [mp3.Lame] with its
	// defaults (64 kbit/s mono).
	Encoder mp3.Encoder
	// Loudness is the target every published MP3 meets; the zero value
	// means [PodcastLoudness].
	Loudness Loudness
}

// Loudness is a published loudness target.
type Loudness struct {
	// Integrated loudness in LUFS (BS.1770-4, gated).
	Integrated float64
	// TruePeak is the highest true peak allowed, in dBTP.
	TruePeak float64
}

// PodcastLoudness is what podcast apps and platforms expect of speech:
// −16 LUFS integrated, true peak at most −1 dBTP.
var PodcastLoudness = Loudness{Integrated: -16, TruePeak: -1}

// normaliseVersion names the normalisation algorithm in the cache key;
// bump it when the limiter or the measurement changes.
const normaliseVersion = "bs1770-limiter-1"

// Timing places one sentence in the audio.
type Timing struct {
	StartMS int64  `json:"start_ms"`
	EndMS   int64  `json:"end_ms"`
	Text    string `json:"text"`
	// Paragraph is the index of the sentence's paragraph in the spoken text
	// (paragraphs are separated by blank lines); -1 when unknown.
	Paragraph int `json:"paragraph"`
}

// Speech is one article read in one voice.
type Speech struct {
	MP3        []byte
	Timings    []Timing
	DurationMS int64
	Backend    string
	Voice      string
	// Key is the content address of this speech (see [CacheKey]).
	Key string
	// Cached is true when the speech came from the cache.
	Cached bool
	// Chunks is how many requests the backend served (0 when cached).
	Chunks int
	// Loudness is measured on the published MP3 as decoded.
	Loudness loudness.Measurement
	// GainDB is the gain normalisation applied before limiting.
	GainDB float64
	// Chapters are set by [Speech.ForArticle].
	Chapters []article.Chapter
}

// Audio describes the speech for an article record, served at url.
func (s Speech) Audio(url string) article.Audio {
	return article.Audio{
		Voice: s.Voice, URL: url, DurationMS: s.DurationMS, Bytes: int64(len(s.MP3)), Backend: s.Backend,
		LoudnessLUFS: round2(s.Loudness.Integrated), TruePeakDBTP: round2(s.Loudness.TruePeak),
		GainDB: round2(s.GainDB), Chapters: s.Chapters,
	}
}

func round2(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0
	}
	return math.Round(v*100) / 100
}

// Spoken returns exactly the text a backend is given for text in voice:
// NFC, then spoken-form normalisation for the voice's region.
func Spoken(text, voice string) (string, error) {
	v, err := article.LookupVoice(voice)
	if err != nil {
		return "", fmt.Errorf("tts: %w", err)
	}
	return strings.TrimSpace(normalize.Text(norm.NFC.String(text), v.Region)), nil
}

// Key returns the cache key Speak uses for text in voice.
func (s *Speaker) Key(text, voice string) (string, error) {
	spoken, err := Spoken(text, voice)
	if err != nil {
		return "", err
	}
	return s.key(spoken, voice), nil
}

func (s *Speaker) key(spoken, voice string) string {
	l := s.loudness()
	settings := "max_chunk=" + strconv.Itoa(s.maxChunk()) +
		fmt.Sprintf(";loudness=%s;lufs=%.2f;tp=%.2f;", normaliseVersion, l.Integrated, l.TruePeak) + s.encoder().Settings()
	if st, ok := s.Backend.(Settingser); ok {
		settings += ";" + st.Settings()
	}
	return CacheKey(spoken, voice, s.Backend.Name(), settings)
}

func (s *Speaker) loudness() Loudness {
	if s.Loudness == (Loudness{}) {
		return PodcastLoudness
	}
	return s.Loudness
}

func (s *Speaker) encoder() mp3.Encoder {
	if s.Encoder == nil {
		return &mp3.Lame{}
	}
	return s.Encoder
}

func (s *Speaker) maxChunk() int {
	if s.MaxChunk > 0 {
		return s.MaxChunk
	}
	if l, ok := s.Backend.(ChunkLimiter); ok && l.MaxChunk() > 0 {
		return l.MaxChunk()
	}
	return DefaultMaxChunk
}

func (s *Speaker) size(t string) int {
	if s.ChunkSize != nil {
		return s.ChunkSize(t)
	}
	return utf8.RuneCountInString(t)
}

func (s *Speaker) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

// Speak normalises text for the voice's region, splits it into sentences
// and chunks within the backend's limit, synthesises the chunks (the first
// sentence alone and first, so audio starts quickly; at most Concurrency at
// a time), joins them into one MP3 and times every sentence. A chunk that
// fails fails the whole call with an error naming backend, voice and chunk:
// there is never a partial Speech.
func (s *Speaker) Speak(ctx context.Context, text string, voice string) (Speech, error) {
	if s.Backend == nil {
		return Speech{}, errors.New("tts: speaker has no backend")
	}
	name := s.Backend.Name()
	if vl, ok := s.Backend.(VoiceLister); ok && !slices.Contains(vl.Voices(), voice) {
		if _, err := article.LookupVoice(voice); err != nil {
			return Speech{}, fmt.Errorf("tts: %s: %w", name, err)
		}
		return Speech{}, fmt.Errorf("tts: %s has no voice %q (it has %s)", name, voice, strings.Join(vl.Voices(), ", "))
	}
	spoken, err := Spoken(text, voice)
	if err != nil {
		return Speech{}, err
	}
	if spoken == "" {
		return Speech{}, errors.New("tts: nothing to speak: text is empty after normalisation")
	}
	key := s.key(spoken, voice)
	if s.Cache != nil {
		if sp, ok, err := s.Cache.Get(key); err != nil {
			s.logger().Warn("tts cache read failed", slog.String("key", key), slog.Any("error", err))
		} else if ok {
			return sp, nil
		}
	}

	chunks, err := s.plan(spoken)
	if err != nil {
		return Speech{}, fmt.Errorf("tts: %s voice %s: %w", name, voice, err)
	}
	pcms, err := s.synthesize(ctx, chunks, voice)
	if err != nil {
		return Speech{}, err
	}
	joined, durs, err := joinPCM(pcms)
	if err != nil {
		return Speech{}, fmt.Errorf("tts: %s voice %s: %w", name, voice, err)
	}
	pub, err := s.publish(ctx, joined)
	if err != nil {
		return Speech{}, fmt.Errorf("tts: %s voice %s: %w", name, voice, err)
	}
	timings, _ := timeSentences(chunks, durs)
	shiftTimings(timings, pub.delay, pub.duration)
	sp := Speech{
		MP3: pub.mp3, Timings: timings, DurationMS: pub.duration.Milliseconds(),
		Backend: name, Voice: voice, Key: key, Chunks: len(chunks),
		Loudness: pub.measured, GainDB: pub.gainDB,
	}
	if s.Cache != nil {
		if err := s.Cache.Put(key, sp); err != nil {
			s.logger().Warn("tts cache write failed", slog.String("key", key), slog.Any("error", err))
		} else {
			keys := make([]string, len(chunks))
			for i, c := range chunks {
				keys[i] = s.chunkKey(c.text, voice)
			}
			s.Cache.dropChunks(keys)
		}
	}
	return sp, nil
}

func (s *Speaker) chunkKey(text, voice string) string {
	settings := ""
	if st, ok := s.Backend.(Settingser); ok {
		settings = st.Settings()
	}
	return CacheKey(text, voice, s.Backend.Name(), "chunk;"+settings)
}

// chunkAudio returns one chunk's audio as the backend gave it, from the
// chunk cache when a previous, failed run had already synthesised it.
func (s *Speaker) chunkAudio(ctx context.Context, text, voice string) (a Audio, cached bool, err error) {
	if s.Cache != nil {
		if f, ok := s.Cache.getChunk(s.chunkKey(text, voice)); ok {
			return Audio{Data: f, Format: sniffFormat(f)}, true, nil
		}
	}
	a, err = s.Backend.Synthesize(ctx, Request{Text: text, Voice: voice})
	if err != nil {
		return Audio{}, false, err
	}
	if a.Format != "" && a.Format != "mp3" && a.Format != "wav" {
		return Audio{}, false, fmt.Errorf("got %s audio, want mp3 or wav", a.Format)
	}
	return a, false, nil
}

func sniffFormat(b []byte) string {
	if len(b) >= 4 && string(b[:4]) == "RIFF" {
		return "wav"
	}
	return "mp3"
}

// synthesize runs the backend over the chunks and returns each chunk's
// decoded audio, in order.
func (s *Speaker) synthesize(ctx context.Context, chunks []chunk, voice string) ([]mp3.PCM, error) {
	name := s.Backend.Name()
	log := s.logger()
	n := len(chunks)
	raw := make([]Audio, n)
	pcms := make([]mp3.PCM, n)
	done := make([]bool, n)
	var mu sync.Mutex
	next := 0 // first chunk not yet handed to OnChunk
	// Later chunks wait until the first has been handed to the backend, so
	// the first sentence is always requested first.
	firstStarted := make(chan struct{})

	g, gctx := errgroup.WithContext(ctx)
	limit := s.Concurrency
	if limit <= 0 {
		limit = 2
	}
	g.SetLimit(limit)
	for i, c := range chunks {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if i == 0 {
				close(firstStarted)
			} else {
				select {
				case <-firstStarted:
				case <-gctx.Done():
					return fmt.Errorf("tts: %s voice %s chunk %d of %d: %w", name, voice, i, n, gctx.Err())
				}
			}
			start := time.Now()
			a, fromCache, err := s.chunkAudio(gctx, c.text, voice)
			var p mp3.PCM
			if err == nil {
				p, err = mp3.DecodeAudio(a.Data)
			}
			if err == nil && len(p.Samples) == 0 {
				err = errors.New("no audio")
			}
			if err != nil {
				return fmt.Errorf("tts: %s voice %s chunk %d of %d: %w", name, voice, i, n, err)
			}
			d := p.Duration()
			if s.Cache != nil && !fromCache {
				if err := s.Cache.putChunk(s.chunkKey(c.text, voice), a.Data); err != nil {
					log.Warn("tts chunk cache write failed", slog.Any("error", err))
				}
			}
			log.Debug("tts chunk synthesised", slog.String("backend", name), slog.String("voice", voice),
				slog.Int("chunk", i), slog.Int("chars", utf8.RuneCountInString(c.text)),
				slog.Duration("audio", d), slog.Duration("took", time.Since(start)), slog.Bool("cached", fromCache))
			mu.Lock()
			defer mu.Unlock()
			raw[i], pcms[i], done[i] = a, p, true
			for next < n && done[next] {
				if s.OnChunk != nil {
					s.OnChunk(next, raw[next])
				}
				raw[next] = Audio{}
				next++
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("tts: %s voice %s: %w", name, voice, err)
	}
	return pcms, nil
}
