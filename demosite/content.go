package demosite

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

//go:embed site
var siteFS embed.FS

// ict is Vietnam's time zone (GMT+7), in which every page states its times.
var ict = time.FixedZone("ICT", 7*60*60)

// Markup styles of article pages.
const (
	styleVnExpress = "vnexpress"
	styleDanTri    = "dantri"
)

// category is a section of the site with its own listing pages.
type category struct {
	Slug string // "chuyen-doi-so"
	Name string // "Chuyển đổi số"
}

// categories lists the site's sections in navigation order.
var categories = []category{
	{"thoi-su", "Thời sự"},
	{"chuyen-doi-so", "Chuyển đổi số"},
	{"kinh-doanh", "Kinh doanh"},
	{"the-thao", "Thể thao"},
	{"doi-song", "Đời sống"},
}

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

// catalog is the parsed content of the embedded site.
type catalog struct {
	stories []*story          // newest first
	byPath  map[string]*story // by URL path
	tags    map[string][]*story
	tagName map[string]string
}

// loadCatalog parses every file in site/articles.
func loadCatalog(fsys fs.FS) (*catalog, error) {
	names, err := fs.Glob(fsys, "site/articles/*.txt")
	if err != nil {
		return nil, fmt.Errorf("demosite: listing articles: %w", err)
	}
	c := &catalog{byPath: map[string]*story{}, tags: map[string][]*story{}, tagName: map[string]string{}}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("demosite: reading %s: %w", name, err)
		}
		s, err := parseStory(string(data))
		if err != nil {
			return nil, fmt.Errorf("demosite: %s: %w", path.Base(name), err)
		}
		if _, dup := c.byPath[s.Path]; dup {
			return nil, fmt.Errorf("demosite: %s: duplicate path %s", path.Base(name), s.Path)
		}
		c.byPath[s.Path] = s
		c.stories = append(c.stories, s)
		for _, t := range s.Tags {
			slug := slugify(t)
			c.tags[slug] = append(c.tags[slug], s)
			c.tagName[slug] = t
		}
	}
	sort.SliceStable(c.stories, func(i, j int) bool { return c.stories[i].Published.After(c.stories[j].Published) })
	for _, list := range c.tags {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Published.After(list[j].Published) })
	}
	return c, nil
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
		value = strings.TrimSpace(value)
		var err error
		switch strings.TrimSpace(key) {
		case "path":
			s.Path = value
		case "category":
			cat, found := categoryBySlug(value)
			if !found {
				return nil, fmt.Errorf("unknown category %q", value)
			}
			s.Category = cat
		case "style":
			if value != styleVnExpress && value != styleDanTri {
				return nil, fmt.Errorf("unknown style %q", value)
			}
			s.Style = value
		case "title":
			s.Title = value
		case "sapo":
			s.Sapo = value
		case "location":
			s.Location = value
		case "author":
			s.Author = value
		case "published":
			s.Published, err = parseLocal(value)
		case "modified":
			s.Modified, err = parseLocal(value)
		case "tags":
			for _, t := range strings.Split(value, ",") {
				if t = strings.TrimSpace(t); t != "" {
					s.Tags = append(s.Tags, t)
				}
			}
		case "image":
			s.Image = value
		case "caption":
			s.Caption = value
		case "ontopic":
			s.OnTopic = value == "true"
		default:
			return nil, fmt.Errorf("unknown header %q", key)
		}
		if err != nil {
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
	switch {
	case s.Path == "" || s.Title == "" || s.Sapo == "" || s.Author == "" || s.Image == "":
		return nil, fmt.Errorf("path, title, sapo, author and image are required")
	case s.Category.Slug == "" || s.Style == "" || s.Published.IsZero():
		return nil, fmt.Errorf("category, style and published are required")
	case !strings.HasPrefix(s.Path, "/"+s.Category.Slug+"/"):
		return nil, fmt.Errorf("path %s is outside its category %s", s.Path, s.Category.Slug)
	case s.Modified.Before(s.Published):
		return nil, fmt.Errorf("modified before published")
	case len(s.Paragraphs) < 4:
		return nil, fmt.Errorf("only %d body paragraphs", len(s.Paragraphs))
	}
	return s, nil
}

// parseLocal reads "2022-03-25 10:15" as Vietnam local time.
func parseLocal(v string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02 15:04", v, ict)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q: %w", v, err)
	}
	return t, nil
}

func categoryBySlug(slug string) (category, bool) {
	for _, c := range categories {
		if c.Slug == slug {
			return c, true
		}
	}
	return category{}, false
}

// inCategory returns the stories of one category, newest first.
func (c *catalog) inCategory(slug string) []*story {
	var out []*story
	for _, s := range c.stories {
		if s.Category.Slug == slug {
			out = append(out, s)
		}
	}
	return out
}

// related returns up to n other stories of the same category, nearest in time first.
func (c *catalog) related(s *story, n int) []*story {
	var out []*story
	for _, o := range c.inCategory(s.Category.Slug) {
		if o != s {
			out = append(out, o)
		}
	}
	dist := func(o *story) time.Duration {
		d := o.Published.Sub(s.Published)
		if d < 0 {
			d = -d
		}
		return d
	}
	sort.SliceStable(out, func(i, j int) bool { return dist(out[i]) < dist(out[j]) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// newest returns the time of the most recent change among stories.
func newest(stories []*story) time.Time {
	var t time.Time
	for _, s := range stories {
		if s.Modified.After(t) {
			t = s.Modified
		}
	}
	return t
}

// slugify turns a Vietnamese phrase into an ASCII URL segment:
// "Chuyển đổi số" → "chuyen-doi-so".
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		}
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
