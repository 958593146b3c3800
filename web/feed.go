package web

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/tts/cover"
)

// feedItems is how many readings one feed page carries; older ones are on
// the pages that atom:link rel="next" leads to (RFC 5005 paging).
const feedItems = 100

// Namespaces of a podcast feed.
const (
	nsITunes  = "http://www.itunes.com/dtds/podcast-1.0.dtd"
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsPodcast = "https://podcastindex.org/namespace/1.0"
)

type rssFeed struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	ITunes  string     `xml:"xmlns:itunes,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Podcast string     `xml:"xmlns:podcast,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string         `xml:"title"`
	Link        string         `xml:"link"`
	Description string         `xml:"description"`
	Language    string         `xml:"language"`
	Links       []atomLink     `xml:"atom:link"`
	Image       rssImage       `xml:"image"`
	Author      string         `xml:"itunes:author"`
	Owner       itunesOwner    `xml:"itunes:owner"`
	ITunesImage itunesImage    `xml:"itunes:image"`
	Category    itunesCategory `xml:"itunes:category"`
	Explicit    string         `xml:"itunes:explicit"`
	Type        string         `xml:"itunes:type"`
	GUID        string         `xml:"podcast:guid"`
	Items       []rssItem      `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type rssImage struct {
	URL   string `xml:"url"`
	Title string `xml:"title"`
	Link  string `xml:"link"`
}

type itunesOwner struct {
	Name  string `xml:"itunes:name"`
	Email string `xml:"itunes:email"`
}

type itunesImage struct {
	Href string `xml:"href,attr"`
}

type itunesCategory struct {
	Text string          `xml:"text,attr"`
	Sub  *itunesCategory `xml:"itunes:category,omitempty"`
}

type rssItem struct {
	Title       string           `xml:"title"`
	Link        string           `xml:"link"`
	Description string           `xml:"description"`
	GUID        rssGUID          `xml:"guid"`
	PubDate     string           `xml:"pubDate,omitempty"`
	Enclosure   rssEnclosure     `xml:"enclosure"`
	Duration    string           `xml:"itunes:duration,omitempty"`
	EpisodeType string           `xml:"itunes:episodeType"`
	Image       itunesImage      `xml:"itunes:image"`
	Explicit    string           `xml:"itunes:explicit"`
	Chapters    *podcastChapters `xml:"podcast:chapters,omitempty"`
}

type podcastChapters struct {
	URL  string `xml:"url,attr"`
	Type string `xml:"type,attr"`
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

// feedCache keeps rendered feed pages until the feed index changes.
type feedCache struct {
	mu      sync.Mutex
	version int64
	pages   map[string][]byte
}

func (c *feedCache) get(version int64, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		c.version, c.pages = version, map[string][]byte{}
	}
	b, ok := c.pages[key]
	return b, ok
}

func (c *feedCache) put(version int64, key string, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return
	}
	if len(c.pages) >= 64 {
		clear(c.pages)
	}
	c.pages[key] = b
}

// handleFeed serves /feeds/{voice}.xml, a podcast of every reading in that
// voice, newest first, feedItems a page (?page=N), and /feeds/{voice}.png,
// its cover.
func (s *server) handleFeed(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	voiceID, ext, _ := strings.Cut(file, ".")
	if ext != "xml" && ext != "png" {
		s.fail(w, r, http.StatusNotFound, "no such feed "+file+" (want VOICE.xml or VOICE.png)", nil)
		return
	}
	voice, err := article.LookupVoice(voiceID)
	if err != nil {
		s.badRequest(w, r, "voice", err.Error())
		return
	}
	if ext == "png" {
		s.serveCover(w, r, voice.ID)
		return
	}
	page, err := intParam(r.URL.Query(), "page", 1, 1, math.MaxInt32)
	if err != nil {
		var pe *index.ParamError
		errors.As(err, &pe)
		s.fail(w, r, http.StatusBadRequest, badParam(pe), nil)
		return
	}
	ids, total, version, err := s.feeds.page(r.Context(), voice.ID, (page-1)*feedItems, feedItems)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot build feed", err)
		return
	}
	pages := max(1, (total+feedItems-1)/feedItems)
	if page > pages {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("feed %s has %d pages", file, pages), nil)
		return
	}
	base := s.origin(r)
	key := base + "|" + voice.ID + "|" + strconv.Itoa(page)
	if b, ok := s.feedCache.get(version, key); ok {
		writeFeed(w, b)
		return
	}
	feed := s.channel(base, voice, page, pages)
	for _, id := range ids {
		a, err := s.index.Get(r.Context(), id)
		if errors.Is(err, index.ErrNotFound) {
			continue // stored but not yet indexed: it comes with the next refresh
		}
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, "cannot build feed", err)
			return
		}
		a = s.withAudio(a)
		if it, ok := feedItem(base, a, voice); ok {
			feed.Channel.Items = append(feed.Channel.Items, it)
		}
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot encode feed", err)
		return
	}
	buf.WriteString("\n")
	s.feedCache.put(version, key, buf.Bytes())
	writeFeed(w, buf.Bytes())
}

func writeFeed(w http.ResponseWriter, b []byte) {
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write(b)
}

// feedURL is the address of page of voice's feed.
func feedURL(base, voice string, page int) string {
	u := base + "/feeds/" + voice + ".xml"
	if page > 1 {
		u += "?page=" + strconv.Itoa(page)
	}
	return u
}

// channel returns the channel of page of pages of voice's feed, with the
// tags Apple Podcasts and Podcast Index require.
func (s *server) channel(base string, voice article.Voice, page, pages int) rssFeed {
	self := feedURL(base, voice.ID, page)
	links := []atomLink{{Href: self, Rel: "self", Type: "application/rss+xml"}}
	if pages > 1 {
		links = append(links,
			atomLink{Href: feedURL(base, voice.ID, 1), Rel: "first"},
			atomLink{Href: feedURL(base, voice.ID, pages), Rel: "last"})
		if page > 1 {
			links = append(links, atomLink{Href: feedURL(base, voice.ID, page-1), Rel: "previous"})
		}
		if page < pages {
			links = append(links, atomLink{Href: feedURL(base, voice.ID, page+1), Rel: "next"})
		}
	}
	title := "dxnews — " + voice.Label
	img := base + "/feeds/" + voice.ID + ".png"
	email := s.feedEmail
	if email == "" {
		email = "podcast@" + hostOf(base)
	}
	return rssFeed{
		Version: "2.0", ITunes: nsITunes, Atom: nsAtom, Podcast: nsPodcast,
		Channel: rssChannel{
			Title:       title,
			Link:        base + "/",
			Description: "Tin chuyển đổi số Việt Nam — chính quyền số, kinh tế số, đô thị thông minh — đọc bằng giọng " + voice.Label + ".",
			Language:    "vi",
			Links:       links,
			Image:       rssImage{URL: img, Title: title, Link: base + "/"},
			Author:      "dxnews",
			Owner:       itunesOwner{Name: "dxnews", Email: email},
			ITunesImage: itunesImage{Href: img},
			Category:    itunesCategory{Text: "News", Sub: &itunesCategory{Text: "Tech News"}},
			Explicit:    "false",
			Type:        "episodic",
			GUID:        podcastGUID(feedURL(base, voice.ID, 1)),
			Items:       []rssItem{},
		},
	}
}

// feedItem is a's reading in voice as a feed item; ok is false when a has
// none.
func feedItem(base string, a article.Article, voice article.Voice) (rssItem, bool) {
	au, ok := findAudio(a, voice.ID)
	if !ok {
		return rssItem{}, false
	}
	it := rssItem{
		Title:       a.Title,
		Link:        base + "/articles/" + a.ID,
		Description: a.Sapo,
		// Stable across rebuilds, hosts and re-readings of the article.
		GUID:        rssGUID{IsPermaLink: "false", Value: a.ID + "/" + voice.ID},
		Enclosure:   rssEnclosure{URL: absolute(base, au.URL), Length: au.Bytes, Type: "audio/mpeg"},
		EpisodeType: "full",
		Image:       itunesImage{Href: base + "/feeds/" + voice.ID + ".png"},
		Explicit:    "false",
	}
	if it.Description == "" {
		it.Description = a.Title
	}
	if !a.Published.IsZero() {
		it.PubDate = a.Published.Format(time.RFC1123Z)
	}
	if au.DurationMS > 0 {
		sec := (au.DurationMS + 500) / 1000
		it.Duration = fmt.Sprintf("%02d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	if len(au.Chapters) > 0 {
		it.Chapters = &podcastChapters{URL: base + chaptersURL(a.ID, voice.ID), Type: "application/json+chapters"}
	}
	return it, true
}

func absolute(base, u string) string {
	if isAbsoluteURL(u) {
		return u
	}
	return base + u
}

func hostOf(base string) string {
	h := base[strings.Index(base, "://")+3:]
	if i := strings.IndexAny(h, ":/"); i >= 0 {
		h = h[:i]
	}
	return h
}

// podcastGUID is the Podcasting 2.0 podcast:guid of a feed: a UUIDv5 of
// its URL without the scheme, in the namespace the specification fixes.
func podcastGUID(feedURL string) string {
	ns := [16]byte{0xea, 0xd4, 0xc2, 0x36, 0xbf, 0x58, 0x58, 0xc6, 0xa2, 0xc6, 0xa6, 0xb2, 0x8d, 0x12, 0x8c, 0xb6}
	_, rest, ok := strings.Cut(feedURL, "://")
	if !ok {
		rest = feedURL
	}
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(strings.TrimRight(rest, "/")))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

func (s *server) serveCover(w http.ResponseWriter, r *http.Request, voice string) {
	b, err := cover.PNG(voice, cover.FeedSize)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "no cover for voice "+voice, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.ServeContent(w, r, voice+".png", time.Time{}, bytes.NewReader(b))
}

// chaptersURL is the API path of the Podcasting 2.0 chapters of a reading.
func chaptersURL(id, voice string) string {
	return "/api/chapters/" + id + "/" + voice + ".json"
}

// jsonChapters is the Podcasting 2.0 JSON chapters format, version 1.2.0.
type jsonChapters struct {
	Version  string        `json:"version"`
	Chapters []jsonChapter `json:"chapters"`
}

type jsonChapter struct {
	StartTime float64 `json:"startTime"`
	EndTime   float64 `json:"endTime"`
	Title     string  `json:"title"`
}

// handleChapters serves /api/chapters/{id}/{voice}.json from the article's
// audio record.
func (s *server) handleChapters(w http.ResponseWriter, r *http.Request) {
	id, file := r.PathValue("id"), r.PathValue("file")
	if !validID.MatchString(id) {
		s.badRequest(w, r, "id", badIDReason)
		return
	}
	voice, ok := strings.CutSuffix(file, ".json")
	if !ok {
		s.fail(w, r, http.StatusNotFound, "no such chapters file "+file+" (want VOICE.json)", nil)
		return
	}
	if _, err := article.LookupVoice(voice); err != nil {
		s.badRequest(w, r, "voice", err.Error())
		return
	}
	a, err := s.index.Get(r.Context(), id)
	if errors.Is(err, index.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, "no article "+id, nil)
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot read article", err)
		return
	}
	au, ok := findAudio(a, voice)
	if !ok || len(au.Chapters) == 0 {
		s.fail(w, r, http.StatusNotFound, "no "+voice+" chapters for article "+id, nil)
		return
	}
	out := jsonChapters{Version: "1.2.0", Chapters: make([]jsonChapter, len(au.Chapters))}
	for i, c := range au.Chapters {
		out.Chapters[i] = jsonChapter{StartTime: float64(c.StartMS) / 1000, EndTime: float64(c.EndMS) / 1000, Title: c.Title}
	}
	b, err := json.Marshal(out)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot encode chapters", err)
		return
	}
	w.Header().Set("Content-Type", "application/json+chapters; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(b)
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
