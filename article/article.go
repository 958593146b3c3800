// Package article holds the types every stage of dxnews shares: the article
// record, its extracted entities and its audio variants. Data and trivial
// helpers only; no stage logic lives here.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Article is one news article as crawled, extracted, indexed and spoken.
type Article struct {
	// ID is stable: derived from the canonical URL with [IDFor].
	ID           string `json:"id"`
	URL          string `json:"url"`
	CanonicalURL string `json:"canonical_url"`
	// Source is the outlet's name ("VnExpress", "Tuổi Trẻ") from the
	// source profile or the page's og:site_name; the host when neither
	// gives one.
	Source string `json:"source"`
	// Host is the site's host name without "www." ("vnexpress.net").
	Host  string `json:"host"`
	Title string `json:"title"`
	// Sapo is the lead paragraph.
	Sapo string `json:"sapo"`
	// Body holds the paragraphs separated by blank lines.
	Body    string   `json:"body"`
	Authors []string `json:"authors"`
	// Published is the publication time; +07:00 when the page gave local time.
	Published time.Time `json:"published,omitzero"`
	// PublishedFrom says where Published came from ("json-ld", "meta", "text", …).
	PublishedFrom string     `json:"published_from,omitempty"`
	Section       string     `json:"section"`
	Tags          []string   `json:"tags"`
	Images        []string   `json:"images"`
	Fetched       time.Time  `json:"fetched,omitzero"`
	ContentHash   string     `json:"content_hash"`
	Relevance     *Relevance `json:"relevance,omitempty"`
	Entities      Entities   `json:"entities"`
	Audio         []Audio    `json:"audio"`
}

// Relevance records why the crawler kept (or dropped) an article.
type Relevance struct {
	Score float64  `json:"score"`
	Terms []string `json:"terms"`
}

// Audio describes one synthesised reading of an article.
type Audio struct {
	Voice      string `json:"voice"`
	URL        string `json:"url"`
	DurationMS int64  `json:"duration_ms"`
	Bytes      int64  `json:"bytes"`
	Backend    string `json:"backend"`
	// LoudnessLUFS and TruePeakDBTP are measured on the published MP3
	// (BS.1770-4); GainDB is the gain normalisation applied.
	LoudnessLUFS float64 `json:"loudness_lufs,omitempty"`
	TruePeakDBTP float64 `json:"true_peak_dbtp,omitempty"`
	GainDB       float64 `json:"gain_db,omitempty"`
	// Chapters mark the title, the lead and each subheading.
	Chapters []Chapter `json:"chapters,omitempty"`
}

// Chapter is a named part of a reading.
type Chapter struct {
	StartMS int64  `json:"start_ms"`
	EndMS   int64  `json:"end_ms"`
	Title   string `json:"title"`
}

// AudioURL is the path the API serves the MP3 of article id in voice at;
// every link to a reading is built here.
func AudioURL(id, voice string) string {
	return "/api/audio/" + id + "/" + voice + ".mp3"
}

// LowerHex reports whether every byte of s is a lower-case hex digit, as
// IDFor writes them: an ID check without a regular expression, for paths
// that take one on every request.
func LowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// IDFor returns the stable article ID for a canonical URL: the first 16 hex
// digits of its SHA-256.
func IDFor(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:8])
}

// Text returns the text entities are extracted from and offsets point into:
// title, sapo and body separated by blank lines, skipping empty parts.
func (a *Article) Text() string {
	out := a.Title
	for _, part := range []string{a.Sapo, a.Body} {
		if part == "" {
			continue
		}
		if out != "" {
			out += "\n\n"
		}
		out += part
	}
	return out
}

// Normalize replaces nil slices with empty ones so the JSON form carries
// arrays, never null.
func (a *Article) Normalize() {
	a.Authors = nonNil(a.Authors)
	a.Tags = nonNil(a.Tags)
	a.Images = nonNil(a.Images)
	a.Audio = nonNil(a.Audio)
	a.Entities.Normalize()
}

// nonNil returns s, or an empty slice for nil.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
