package web

import (
	"encoding/xml"
)

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
