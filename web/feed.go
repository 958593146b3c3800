package web

import (
	"cmp"
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"dxnews/article"
	"dxnews/index"
)

// Feed bounds: how many index pages are scanned for readings, and how many
// items a feed carries.
const (
	feedScanPages = 20
	feedItems     = 100
)

type rssFeed struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	ITunes  string     `xml:"xmlns:itunes,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	Author      string    `xml:"itunes:author"`
	Explicit    string    `xml:"itunes:explicit"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string       `xml:"title"`
	Link        string       `xml:"link"`
	Description string       `xml:"description"`
	GUID        rssGUID      `xml:"guid"`
	PubDate     string       `xml:"pubDate,omitempty"`
	Enclosure   rssEnclosure `xml:"enclosure"`
	Duration    string       `xml:"itunes:duration,omitempty"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length int64  `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

// handleFeed serves /feeds/{voice}.xml: a podcast of the newest articles
// read in that voice.
func (s *server) handleFeed(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	voiceID, ok := strings.CutSuffix(file, ".xml")
	if !ok {
		s.fail(w, r, http.StatusNotFound, "no such feed "+file+" (want VOICE.xml)", nil)
		return
	}
	voice, err := article.LookupVoice(voiceID)
	if err != nil {
		s.badRequest(w, r, "voice", err.Error())
		return
	}
	arts, err := s.readings(r.Context(), voice.ID)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot build feed", err)
		return
	}
	base := s.origin(r)
	feed := rssFeed{
		Version: "2.0",
		ITunes:  "http://www.itunes.com/dtds/podcast-1.0.dtd",
		Channel: rssChannel{
			Title:       "dxnews — " + voice.Label,
			Link:        base + "/",
			Description: "Tin chuyển đổi số đọc bằng giọng " + voice.Label + ".",
			Language:    "vi",
			Author:      "dxnews",
			Explicit:    "false",
			Items:       []rssItem{},
		},
	}
	for _, a := range arts {
		au, _ := findAudio(a, voice.ID)
		it := rssItem{
			Title:       a.Title,
			Link:        base + "/articles/" + a.ID,
			Description: a.Sapo,
			GUID:        rssGUID{IsPermaLink: "false", Value: a.ID + "/" + voice.ID},
			Enclosure:   rssEnclosure{URL: base + au.URL, Length: au.Bytes, Type: "audio/mpeg"},
		}
		if isAbsoluteURL(au.URL) {
			it.Enclosure.URL = au.URL
		}
		if !a.Published.IsZero() {
			it.PubDate = a.Published.Format(time.RFC1123Z)
		}
		if au.DurationMS > 0 {
			sec := au.DurationMS / 1000
			it.Duration = fmt.Sprintf("%02d:%02d:%02d", sec/3600, sec/60%60, sec%60)
		}
		feed.Channel.Items = append(feed.Channel.Items, it)
	}
	b, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot encode feed", err)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(b)
	w.Write([]byte("\n"))
}

// readings returns the newest articles that have a reading in voice, newest
// first, at most feedItems of them.
func (s *server) readings(ctx context.Context, voice string) ([]article.Article, error) {
	var out []article.Article
	for page := 1; page <= feedScanPages; page++ {
		res, err := s.index.Search(ctx, index.Query{Page: page, Size: index.MaxSize})
		if err != nil {
			return nil, fmt.Errorf("web: listing articles: %w", err)
		}
		for _, a := range res.Articles {
			a = s.withAudio(a)
			if _, ok := findAudio(a, voice); ok {
				out = append(out, a)
			}
		}
		if len(res.Articles) == 0 || page*index.MaxSize >= res.Total {
			break
		}
	}
	slices.SortStableFunc(out, func(a, b article.Article) int {
		return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(a.ID, b.ID))
	})
	if len(out) > feedItems {
		out = out[:feedItems]
	}
	return out, nil
}

func findAudio(a article.Article, voice string) (article.Audio, bool) {
	for _, au := range a.Audio {
		if au.Voice == voice {
			return au, true
		}
	}
	return article.Audio{}, false
}

// origin returns the public origin absolute URLs start with.
func (s *server) origin(r *http.Request) string {
	if s.baseURL != "" {
		return strings.TrimRight(s.baseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
