package demosite

import (
	"encoding/xml"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// feedSize is the number of items in an RSS feed.
const feedSize = 10

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Self          atomLink  `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string       `xml:"title"`
	Link        string       `xml:"link"`
	GUID        rssGUID      `xml:"guid"`
	Description string       `xml:"description"`
	PubDate     string       `xml:"pubDate"`
	Category    string       `xml:"category"`
	Enclosure   rssEnclosure `xml:"enclosure"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length string `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

// serveFeed serves /rss/tin-moi-nhat.rss (every section) and
// /rss/{category}.rss.
func (s *Site) serveFeed(w http.ResponseWriter, r *http.Request, name string) {
	slug, ok := strings.CutSuffix(name, ".rss")
	if !ok {
		s.notFound(w, r)
		return
	}
	title := "Tin mới nhất - Báo Sông Hồng"
	list := s.cat.stories
	link := "/"
	if slug != "tin-moi-nhat" {
		c, found := categoryBySlug(slug)
		if !found {
			s.notFound(w, r)
			return
		}
		title = c.Name + " - Báo Sông Hồng"
		list = s.cat.inCategory(slug)
		link = "/" + slug + "/"
	}
	list = list[:min(feedSize, len(list))]
	base := baseURL(r)
	feed := rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: rssChannel{
		Title:         title,
		Link:          base + link,
		Description:   "Tin tức cập nhật liên tục từ Báo Sông Hồng",
		Language:      "vi-VN",
		LastBuildDate: newest(list).Format(time.RFC1123Z),
		Self:          atomLink{Href: base + r.URL.Path, Rel: "self", Type: "application/rss+xml"},
	}}
	for _, st := range list {
		feed.Channel.Items = append(feed.Channel.Items, rssItem{
			Title:       st.Title,
			Link:        base + st.Path,
			GUID:        rssGUID{IsPermaLink: "true", Value: base + st.Path},
			Description: st.Sapo,
			PubDate:     st.Published.Format(time.RFC1123Z),
			Category:    st.Category.Name,
			Enclosure:   rssEnclosure{URL: base + st.Image, Length: strconv.FormatInt(assetSize(st.Image), 10), Type: "image/svg+xml"},
		})
	}
	s.serveXML(w, r, "application/rss+xml; charset=utf-8", feed, newest(list))
}

// assetSize returns the size in bytes of an embedded file under site/, 0 if absent.
func assetSize(urlPath string) int64 {
	info, err := fs.Stat(siteFS, "site"+urlPath)
	if err != nil {
		return 0
	}
	return info.Size()
}
