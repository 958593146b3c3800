package tts

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dxnews/article"
	"dxnews/tts/cover"
	"dxnews/tts/id3"
	"dxnews/tts/mp3"
)

// LeadChapter is the title of the chapter that starts at the lead.
const LeadChapter = "Mở đầu"

// section is where a chapter starts: a paragraph of the article text and
// the chapter's title.
type section struct {
	paragraph int
	title     string
}

var paragraphBreak = regexp.MustCompile(`\n[ \t\r\f\v]*\n`)

// paragraphs splits text at blank lines as the normaliser does.
func paragraphs(text string) []string {
	return paragraphBreak.Split(strings.TrimSpace(text), -1)
}

// sections returns the chapters of an article text (title, sapo, body, as
// [article.Article.Text] joins them): the title, the lead (the paragraph
// after the title), and every subheading of the body.
func sections(a article.Article) []section {
	out := []section{{0, strings.TrimSpace(a.Title)}}
	paras := paragraphs(a.Text())
	if len(paras) > 1 {
		out = append(out, section{1, LeadChapter})
	}
	for i := 2; i < len(paras)-1; i++ {
		if IsSubheading(paras[i]) {
			out = append(out, section{i, strings.TrimSpace(paras[i])})
		}
	}
	return out
}

// IsSubheading reports whether a body paragraph reads as a subheading:
// one short line of 3 to 20 words that starts with a capital or a digit and
// does not end like a sentence, a quotation or a caption. Crawled bodies
// carry no markup, so this is how chapters find the subheadings that
// Vietnamese news articles set in bold between sections.
func IsSubheading(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" || strings.ContainsRune(p, '\n') || utf8.RuneCountInString(p) > 120 {
		return false
	}
	if n := len(strings.Fields(p)); n < 3 || n > 20 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if strings.ContainsRune(`.,;:!…"”’)»`, last) {
		return false
	}
	lower := strings.ToLower(p)
	for _, caption := range []string{"ảnh:", "ảnh minh họa", "ảnh minh hoạ", "video:", "nguồn:", "(ảnh"} {
		if strings.Contains(lower, caption) {
			return false
		}
	}
	return true
}

// chapters places the article's sections on the speech's time line: each
// starts where the first sentence of its paragraph starts and ends where
// the next begins; the last ends with the audio. A section whose paragraph
// has no timed sentence (it said nothing aloud) is left out.
func (s Speech) chapters(a article.Article) ([]article.Chapter, error) {
	paras := paragraphs(a.Text())
	// The normaliser drops paragraphs with nothing to say, so the spoken
	// text's paragraph indices skip them.
	spokenIndex := make([]int, len(paras))
	n := 0
	for i, p := range paras {
		sp, err := Spoken(p, s.Voice)
		if err != nil {
			return nil, err
		}
		spokenIndex[i] = -1
		if sp != "" {
			spokenIndex[i] = n
			n++
		}
	}
	start := map[int]int64{} // spoken paragraph → first sentence's start
	for _, t := range s.Timings {
		if _, ok := start[t.Paragraph]; !ok && t.Paragraph >= 0 {
			start[t.Paragraph] = t.StartMS
		}
	}
	var out []article.Chapter
	for _, sec := range sections(a) {
		ms, ok := start[spokenIndex[sec.paragraph]]
		if sec.paragraph == 0 {
			ms, ok = 0, true
		}
		if !ok || sec.title == "" || (len(out) > 0 && ms <= out[len(out)-1].StartMS) {
			continue
		}
		out = append(out, article.Chapter{StartMS: ms, Title: sec.title})
	}
	for i := range out {
		out[i].EndMS = s.DurationMS
		if i+1 < len(out) {
			out[i].EndMS = out[i+1].StartMS
		}
	}
	return out, nil
}

// ForArticle returns the speech ready to publish for article a: its
// chapters (title, lead, each subheading) set, and its MP3 preceded by an
// ID3v2.3 tag with the title, the outlet as artist, "dxnews — <voice>" as
// album, the publication date, language vie, the article URL as comment
// and source, the voice's cover and the chapters. The tag changes no
// audio: durations and timings stay as they were.
func (s Speech) ForArticle(a article.Article) (Speech, error) {
	v, err := article.LookupVoice(s.Voice)
	if err != nil {
		return Speech{}, fmt.Errorf("tts: %w", err)
	}
	chs, err := s.chapters(a)
	if err != nil {
		return Speech{}, err
	}
	art, err := cover.PNG(v.ID, cover.TagSize)
	if err != nil {
		return Speech{}, fmt.Errorf("tts: %w", err)
	}
	url := a.CanonicalURL
	if url == "" {
		url = a.URL
	}
	tag := id3.Tag{
		Title: a.Title, Artist: a.Source, Album: "dxnews — " + v.Label, Genre: "Podcast",
		Date: a.Published, Language: "vie", Comment: url, URL: url,
		Cover: art, CoverMIME: "image/png",
	}
	for i, c := range chs {
		tag.Chapters = append(tag.Chapters, id3.Chapter{
			ID: fmt.Sprintf("ch%d", i), Title: c.Title,
			Start: time.Duration(c.StartMS) * time.Millisecond, End: time.Duration(c.EndMS) * time.Millisecond,
		})
	}
	head, err := tag.Bytes()
	if err != nil {
		return Speech{}, fmt.Errorf("tts: tagging %s: %w", a.ID, err)
	}
	frames, err := mp3.Strip(s.MP3) // never two tags
	if err != nil {
		return Speech{}, err
	}
	s.MP3 = append(head, frames...)
	s.Chapters = chs
	return s, nil
}
