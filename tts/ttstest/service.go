// Package ttstest helps test speech backends: a fake speech service that
// records what a backend sent, and shared checks that run a backend through
// a tts.Speaker, through a table of unpleasant answers and through its
// ConfigFromEnv.
package ttstest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"unicode/utf8"
)

// Audio returns the named MP3 file from tts/testdata.
func Audio(t testing.TB, name string) []byte {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Contract says how a speech service takes a synthesis request.
type Contract struct {
	// Path is where the service takes synthesis requests, by POST; any other
	// method or path not handled by [Service.Handle] fails the test.
	Path string
	// Header holds the headers every synthesis request must carry, with
	// their values (credentials, content type).
	Header map[string]string
	// Read checks one synthesis request as the real service would (auth,
	// fields, encoding), reporting mismatches with t.Errorf, and returns the
	// text and the service's voice it carries.
	Read func(t *testing.T, r *http.Request) (text, voice string)
	// MaxChars, when set, is the service's limit in characters: TooLong
	// answers a request over it, as the service refuses it. It runs after
	// [Service.Answer].
	MaxChars int
	TooLong  func(w http.ResponseWriter)
	// Reply answers the nth accepted request (1-based, counted over the
	// whole test).
	Reply func(s *Service, w http.ResponseWriter, n int)
}

// Service is a fake speech service on an httptest server. It checks every
// synthesis request through its Contract and records the text and voice of
// those it accepts. Handlers run one at a time.
type Service struct {
	// URL is the server's base URL.
	URL string
	// Answer, when set, may answer the nth synthesis request (1-based) itself,
	// returning true; it sees the request's text.
	Answer func(w http.ResponseWriter, n int, text string) bool

	t   *testing.T
	c   Contract
	mux *http.ServeMux

	mu       sync.Mutex
	posts    int
	accepted int
	texts    []string
	voices   []string
}

// NewService starts a fake service, closed when the test ends.
func NewService(t *testing.T, c Contract) *Service {
	s := &Service{t: t, c: c, mux: http.NewServeMux()}
	s.Handle("/", s.synthesize)
	srv := httptest.NewServer(s.mux)
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// Handle serves another path of the service, such as where its audio is
// downloaded from. h runs under the same lock as every other handler.
func (s *Service) Handle(pattern string, h http.HandlerFunc) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		h(w, r)
	})
}

// Locked runs fn under the handlers' lock, to read state they keep.
func (s *Service) Locked(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn()
}

func (s *Service) synthesize(w http.ResponseWriter, r *http.Request) {
	s.posts++
	if r.Method != http.MethodPost || r.URL.Path != s.c.Path {
		s.t.Errorf("request %s %s", r.Method, r.URL.Path)
	}
	for h, want := range s.c.Header {
		if got := r.Header.Get(h); got != want {
			s.t.Errorf("header %s = %q, want %q", h, got, want)
		}
	}
	text, voice := s.c.Read(s.t, r)
	if s.Answer != nil && s.Answer(w, s.posts, text) {
		return
	}
	if s.c.MaxChars > 0 && utf8.RuneCountInString(text) > s.c.MaxChars {
		s.c.TooLong(w)
		return
	}
	s.texts = append(s.texts, text)
	s.voices = append(s.voices, voice)
	s.accepted++
	s.c.Reply(s, w, s.accepted)
}

// Posts returns how many synthesis requests arrived.
func (s *Service) Posts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.posts
}

// Requests returns the text and voice of each accepted request since the
// last Reset, in arrival order.
func (s *Service) Requests() (texts, voices []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.texts...), append([]string(nil), s.voices...)
}

// Reset forgets the recorded requests; the counts go on.
func (s *Service) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.texts, s.voices = nil, nil
}
