package web

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image/png"
	"net/http"
	"strings"
	"testing"
	"time"

	"dxnews/article"
)

type parsedFeed struct {
	Version string `xml:"version,attr"`
	Channel struct {
		Title string `xml:"title"`
		Links []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
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
			Chapters struct {
				URL  string `xml:"url,attr"`
				Type string `xml:"type,attr"`
			} `xml:"https://podcastindex.org/namespace/1.0 chapters"`
		} `xml:"item"`
	} `xml:"channel"`
}

func (p parsedFeed) link(rel string) string {
	for _, l := range p.Channel.Links {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

func TestFeed(t *testing.T) {
	f := newFixture(t)
	f.addAudio(f.arts[1].ID, "north-female")
	f.reindex()
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
	if it.Enclosure.URL != "https://dx.example"+article.AudioURL(f.arts[0].ID, "north-female") ||
		it.Enclosure.Length != 1000 || it.Enclosure.Type != "audio/mpeg" {
		t.Fatalf("enclosure = %+v", it.Enclosure)
	}
	if it.Link != "https://dx.example/articles/"+f.arts[0].ID || it.Duration != "00:00:05" {
		t.Fatalf("item = %+v", it)
	}
	if pub, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil || !pub.Equal(f.arts[0].Published) {
		t.Fatalf("pubDate %q: %v", it.PubDate, err)
	}
	if it.GUID != f.arts[0].ID+"/north-female" {
		t.Errorf("guid %q is not the stable article/voice pair", it.GUID)
	}
	if feed.link("self") != "https://dx.example/feeds/north-female.xml" || feed.link("next") != "" {
		t.Errorf("atom links %+v", feed.Channel.Links)
	}
}

// node is a generic XML element, so the required tags can be checked one
// by one with their namespaces, whatever the feed's structs say.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Content  string     `xml:",chardata"`
	Children []node     `xml:",any"`
}

func (n node) find(space, local string) []node {
	var out []node
	for _, c := range n.Children {
		if c.XMLName.Space == space && c.XMLName.Local == local {
			out = append(out, c)
		}
	}
	return out
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// TestFeedRequiredTags checks, tag by tag, what Apple Podcasts
// (podcasters.apple.com "Podcast RSS feed requirements") and Podcast Index
// (the Podcasting 2.0 namespace) require of a show and an episode.
func TestFeedRequiredTags(t *testing.T) {
	f := newFixture(t)
	f.arts[0].Audio[0].Chapters = []article.Chapter{{StartMS: 0, EndMS: 2400, Title: f.arts[0].Title}, {StartMS: 2400, EndMS: 5100, Title: "Mở đầu"}}
	f.reindex()
	rec := f.get("/feeds/north-female.xml")
	var rss node
	if err := xml.Unmarshal(rec.Body.Bytes(), &rss); err != nil {
		t.Fatal(err)
	}
	if rss.XMLName.Local != "rss" || rss.attr("version") != "2.0" {
		t.Fatalf("root %v version %q", rss.XMLName, rss.attr("version"))
	}
	chs := rss.find("", "channel")
	if len(chs) != 1 {
		t.Fatalf("%d channels", len(chs))
	}
	ch := chs[0]
	one := func(where string, n node, space, local string) node {
		t.Helper()
		got := n.find(space, local)
		if len(got) == 0 {
			t.Errorf("%s lacks <%s %s>", where, space, local)
			return node{}
		}
		return got[0]
	}
	text := func(where string, n node, space, local string) string {
		t.Helper()
		v := strings.TrimSpace(one(where, n, space, local).Content)
		if v == "" {
			t.Errorf("%s: <%s> is empty", where, local)
		}
		return v
	}
	// Channel: Apple's required tags.
	text("channel", ch, "", "title")
	text("channel", ch, "", "description")
	if lang := text("channel", ch, "", "language"); lang != "vi" {
		t.Errorf("language %q", lang)
	}
	img := one("channel", ch, nsITunes, "image").attr("href")
	if !strings.HasPrefix(img, "https://dx.example/") || !strings.HasSuffix(img, ".png") {
		t.Errorf("itunes:image href %q", img)
	}
	cat := one("channel", ch, nsITunes, "category")
	if cat.attr("text") != "News" || len(cat.find(nsITunes, "category")) != 1 || cat.find(nsITunes, "category")[0].attr("text") != "Tech News" {
		t.Errorf("itunes:category %+v", cat)
	}
	if e := text("channel", ch, nsITunes, "explicit"); e != "false" {
		t.Errorf("itunes:explicit %q", e)
	}
	// Apple's recommended tags, which its validator warns about.
	text("channel", ch, nsITunes, "author")
	owner := one("channel", ch, nsITunes, "owner")
	text("itunes:owner", owner, nsITunes, "name")
	if e := text("itunes:owner", owner, nsITunes, "email"); !strings.Contains(e, "@") {
		t.Errorf("itunes:email %q", e)
	}
	text("channel", ch, "", "link")
	text("channel", ch, nsITunes, "type")
	// RSS best practice and Podcast Index.
	self := false
	for _, l := range ch.find(nsAtom, "link") {
		if l.attr("rel") == "self" && l.attr("href") == "https://dx.example/feeds/north-female.xml" && l.attr("type") == "application/rss+xml" {
			self = true
		}
	}
	if !self {
		t.Error(`no <atom:link rel="self"> naming the feed's own URL`)
	}
	if g := text("channel", ch, nsPodcast, "guid"); len(g) != 36 || g[14] != '5' {
		t.Errorf("podcast:guid %q is not a UUIDv5", g)
	}
	// Items.
	items := ch.find("", "item")
	if len(items) != 1 {
		t.Fatalf("%d items", len(items))
	}
	for i, it := range items {
		where := fmt.Sprintf("item %d", i)
		text(where, it, "", "title")
		text(where, it, "", "description")
		text(where, it, "", "pubDate")
		text(where, it, "", "guid")
		enc := one(where, it, "", "enclosure")
		if !strings.HasPrefix(enc.attr("url"), "https://") || enc.attr("type") != "audio/mpeg" || enc.attr("length") == "" || enc.attr("length") == "0" {
			t.Errorf("%s enclosure %+v", where, enc.Attrs)
		}
		text(where, it, nsITunes, "duration")
		if et := text(where, it, nsITunes, "episodeType"); et != "full" {
			t.Errorf("%s itunes:episodeType %q", where, et)
		}
		if h := one(where, it, nsITunes, "image").attr("href"); h != img {
			t.Errorf("%s itunes:image %q, want the voice's cover %q", where, h, img)
		}
		text(where, it, nsITunes, "explicit")
		pc := one(where, it, nsPodcast, "chapters")
		if pc.attr("type") != "application/json+chapters" || pc.attr("url") != "https://dx.example"+chaptersURL(f.arts[0].ID, "north-female") {
			t.Errorf("%s podcast:chapters %+v", where, pc.Attrs)
		}
	}
	// The artwork is a square PNG within Apple's 1400–3000 px.
	cover := f.get(strings.TrimPrefix(img, "https://dx.example"))
	if cover.Code != http.StatusOK || cover.Header().Get("Content-Type") != "image/png" {
		t.Fatalf("cover: %d %s", cover.Code, cover.Header().Get("Content-Type"))
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(cover.Body.Bytes()))
	if err != nil || cfg.Width != cfg.Height || cfg.Width < 1400 || cfg.Width > 3000 {
		t.Errorf("cover %dx%d, %v", cfg.Width, cfg.Height, err)
	}
	// The chapters it points to are Podcasting 2.0 JSON chapters.
	cj := f.get(chaptersURL(f.arts[0].ID, "north-female"))
	var chapters jsonChapters
	if err := json.Unmarshal(cj.Body.Bytes(), &chapters); err != nil || cj.Code != http.StatusOK {
		t.Fatalf("chapters: %d %v %s", cj.Code, err, cj.Body)
	}
	if ct := cj.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json+chapters") {
		t.Errorf("chapters Content-Type %q", ct)
	}
	if chapters.Version != "1.2.0" || len(chapters.Chapters) != 2 || chapters.Chapters[1] != (jsonChapter{StartTime: 2.4, EndTime: 5.1, Title: "Mở đầu"}) {
		t.Errorf("chapters %+v", chapters)
	}
	for path, want := range map[string]int{
		chaptersURL(f.arts[1].ID, "north-female"): http.StatusNotFound, // no reading
		chaptersURL(f.arts[0].ID, "south-male"):   http.StatusNotFound, // a reading without chapters
		chaptersURL(f.arts[0].ID, "robot"):        http.StatusBadRequest,
		"/api/chapters/nope/north-female.json":    http.StatusBadRequest,
		"/feeds/robot.png":                        http.StatusBadRequest,
		"/feeds/north-female.txt":                 http.StatusNotFound,
		"/feeds/north-female.xml?page=0":          http.StatusBadRequest,
		"/feeds/north-female.xml?page=2":          http.StatusNotFound,
	} {
		if rec := f.get(path); rec.Code != want {
			t.Errorf("GET %s: %d, want %d", path, rec.Code, want)
		}
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
	if got := feed.Channel.Items[1].Enclosure.URL; got != "https://example.com"+article.AudioURL(f.arts[1].ID, "south-male") {
		t.Fatalf("enclosure URL %q", got)
	}
	if !strings.Contains(rec.Body.String(), "<itunes:email>podcast@example.com</itunes:email>") {
		t.Errorf("owner email not derived from the host:\n%s", rec.Body)
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
