package demosite

import (
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
