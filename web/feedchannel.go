package web

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"time"

	"dxnews/article"
)

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
