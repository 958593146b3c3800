package web

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/tts/cover"
)

// feedItems is how many readings one feed page carries; older ones are on
// the pages that atom:link rel="next" leads to (RFC 5005 paging).
const feedItems = 100

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
		s.failQuery(w, r, err, "")
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
	b, ok := s.feedCache.get(version, key)
	if !ok {
		if b, err = s.renderFeed(r.Context(), base, voice, ids, page, pages); err != nil {
			s.fail(w, r, http.StatusInternalServerError, "cannot build feed", err)
			return
		}
		s.feedCache.put(version, key, b)
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write(b)
}

// renderFeed renders page of pages of voice's feed, with the readings of
// the articles ids names; an article stored but not yet indexed is left
// out, to come with the next refresh.
func (s *server) renderFeed(ctx context.Context, base string, voice article.Voice, ids []string, page, pages int) ([]byte, error) {
	feed := s.channel(base, voice, page, pages)
	for _, id := range ids {
		a, err := s.index.Get(ctx, id)
		if errors.Is(err, index.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if it, ok := feedItem(base, s.withAudio(a), voice); ok {
			feed.Channel.Items = append(feed.Channel.Items, it)
		}
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return nil, fmt.Errorf("encoding feed: %w", err)
	}
	buf.WriteString("\n")
	return buf.Bytes(), nil
}

// feedURL is the address of page of voice's feed.
func feedURL(base, voice string, page int) string {
	u := base + "/feeds/" + voice + ".xml"
	if page > 1 {
		u += "?page=" + strconv.Itoa(page)
	}
	return u
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
