package demosite

import (
	"bufio"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// ict is Vietnam's time zone (GMT+7), in which every page states its times.
var ict = time.FixedZone("ICT", 7*60*60)

// Markup styles of article pages.
const (
	styleVnExpress = "vnexpress"
	styleDanTri    = "dantri"
)

// story is one article page as written in site/articles.
type story struct {
	Path      string
	Category  category
	Style     string
	Title     string
	Sapo      string
	Location  string
	Author    string
	Published time.Time
	Modified  time.Time
	Tags      []string
	Image     string
	Caption   string
	OnTopic   bool
	// Paragraphs of the body; a paragraph starting with "## " is a subheading.
	Paragraphs []string
}

// Body returns the body paragraphs as plain text, separated by blank lines.
func (s *story) Body() string {
	parts := make([]string, len(s.Paragraphs))
	for i, p := range s.Paragraphs {
		parts[i] = strings.TrimPrefix(p, "## ")
	}
	return strings.Join(parts, "\n\n")
}

// parseStory reads one article file: "key: value" header lines, a blank
// line, then body paragraphs separated by blank lines.
func parseStory(text string) (*story, error) {
	if !norm.NFC.IsNormalString(text) {
		return nil, fmt.Errorf("text is not NFC")
	}
	head, body, ok := strings.Cut(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n")
	if !ok {
		return nil, fmt.Errorf("no blank line after the header")
	}
	s := &story{}
	sc := bufio.NewScanner(strings.NewReader(head))
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			return nil, fmt.Errorf("header line %q has no colon", sc.Text())
		}
		set, known := headerFields[strings.TrimSpace(key)]
		if !known {
			return nil, fmt.Errorf("unknown header %q", key)
		}
		if err := set(s, strings.TrimSpace(value)); err != nil {
			return nil, err
		}
	}
	for _, p := range strings.Split(body, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			s.Paragraphs = append(s.Paragraphs, p)
		}
	}
	if s.Modified.IsZero() {
		s.Modified = s.Published
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	return s, nil
}

// headerFields sets, for each header key, its field of a story from the
// value.
var headerFields = map[string]func(s *story, v string) error{
	"path":     func(s *story, v string) error { s.Path = v; return nil },
	"title":    func(s *story, v string) error { s.Title = v; return nil },
	"sapo":     func(s *story, v string) error { s.Sapo = v; return nil },
	"location": func(s *story, v string) error { s.Location = v; return nil },
	"author":   func(s *story, v string) error { s.Author = v; return nil },
	"image":    func(s *story, v string) error { s.Image = v; return nil },
	"caption":  func(s *story, v string) error { s.Caption = v; return nil },
	"ontopic":  func(s *story, v string) error { s.OnTopic = v == "true"; return nil },
	"category": func(s *story, v string) error {
		cat, found := categoryBySlug(v)
		if !found {
			return fmt.Errorf("unknown category %q", v)
		}
		s.Category = cat
		return nil
	},
	"style": func(s *story, v string) error {
		if v != styleVnExpress && v != styleDanTri {
			return fmt.Errorf("unknown style %q", v)
		}
		s.Style = v
		return nil
	},
	"published": func(s *story, v string) (err error) { s.Published, err = parseLocal(v); return err },
	"modified":  func(s *story, v string) (err error) { s.Modified, err = parseLocal(v); return err },
	"tags": func(s *story, v string) error {
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				s.Tags = append(s.Tags, t)
			}
		}
		return nil
	},
}

// check reports what a parsed story lacks or gets wrong.
func (s *story) check() error {
	switch {
	case s.Path == "" || s.Title == "" || s.Sapo == "" || s.Author == "" || s.Image == "":
		return fmt.Errorf("path, title, sapo, author and image are required")
	case s.Category.Slug == "" || s.Style == "" || s.Published.IsZero():
		return fmt.Errorf("category, style and published are required")
	case !strings.HasPrefix(s.Path, "/"+s.Category.Slug+"/"):
		return fmt.Errorf("path %s is outside its category %s", s.Path, s.Category.Slug)
	case s.Modified.Before(s.Published):
		return fmt.Errorf("modified before published")
	case len(s.Paragraphs) < 4:
		return fmt.Errorf("only %d body paragraphs", len(s.Paragraphs))
	}
	return nil
}

// parseLocal reads "2022-03-25 10:15" as Vietnam local time.
func parseLocal(v string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02 15:04", v, ict)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q: %w", v, err)
	}
	return t, nil
}
