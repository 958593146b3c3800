package web

import (
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
	"time"
)

type parsedFeed struct {
	Version string `xml:"version,attr"`
	Channel struct {
		Title string `xml:"title"`
		Items []struct {
			Title     string `xml:"title"`
			Link      string `xml:"link"`
			GUID      string `xml:"guid"`
			PubDate   string `xml:"pubDate"`
			Duration  string `xml:"http://www.itunes.com/dtds/podcast-1.0.dtd duration"`
			Enclosure struct {
				URL    string `xml:"url,attr"`
				Length int64  `xml:"length,attr"`
				Type   string `xml:"type,attr"`
			} `xml:"enclosure"`
		} `xml:"item"`
	} `xml:"channel"`
}

func TestFeed(t *testing.T) {
	f := newFixture(t)
	f.addAudio(f.arts[1].ID, "north-female")
	rec := f.get("/feeds/north-female.xml")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/rss+xml; charset=utf-8" {
		t.Fatalf("Content-Type %q", ct)
	}
	var feed parsedFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &feed); err != nil {
		t.Fatalf("feed does not parse: %v\n%s", err, rec.Body)
	}
	if feed.Version != "2.0" || !strings.Contains(feed.Channel.Title, "Nữ miền Bắc") {
		t.Fatalf("channel: %+v", feed)
	}
	items := feed.Channel.Items
	if len(items) != 2 {
		t.Fatalf("%d items, want 2", len(items))
	}
	// Newest first.
	if items[0].Title != f.arts[0].Title || items[1].Title != f.arts[1].Title {
		t.Fatalf("order: %q, %q", items[0].Title, items[1].Title)
	}
	it := items[0]
	if it.Enclosure.URL != "https://dx.example"+audioURL(f.arts[0].ID, "north-female") ||
		it.Enclosure.Length != 1000 || it.Enclosure.Type != "audio/mpeg" {
		t.Fatalf("enclosure = %+v", it.Enclosure)
	}
	if it.Link != "https://dx.example/articles/"+f.arts[0].ID || it.Duration != "00:00:05" {
		t.Fatalf("item = %+v", it)
	}
	if pub, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil || !pub.Equal(f.arts[0].Published) {
		t.Fatalf("pubDate %q: %v", it.PubDate, err)
	}
}

func TestFeedOriginFromRequest(t *testing.T) {
	f := newFixture(t)
	h, err := New(Config{Index: f.index, Store: f.store})
	if err != nil {
		t.Fatal(err)
	}
	f.h = h
	rec := f.get("/feeds/south-male.xml", "X-Forwarded-Proto", "https")
	var feed parsedFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Channel.Items) != 2 {
		t.Fatalf("%d items", len(feed.Channel.Items))
	}
	if got := feed.Channel.Items[1].Enclosure.URL; got != "https://example.com"+audioURL(f.arts[1].ID, "south-male") {
		t.Fatalf("enclosure URL %q", got)
	}
}

func TestFeedEmptyVoice(t *testing.T) {
	f := newFixture(t)
	rec := f.get("/feeds/central-male.xml")
	var feed parsedFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &feed); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("status %d: %v", rec.Code, err)
	}
	if len(feed.Channel.Items) != 0 {
		t.Fatalf("%d items", len(feed.Channel.Items))
	}
}
