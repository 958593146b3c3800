package demosite

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func mustCatalog(t *testing.T) *catalog {
	t.Helper()
	c, err := loadCatalog(siteFS)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// offTopicWords must not occur in off-topic articles, so a relevance filter
// has nothing to hold on to.
var offTopicWords = []string{"chuyển đổi số", "số hóa", "điện tử", "thông minh", "kinh tế số", "dữ liệu", "công nghệ", "trực tuyến", "chính quyền số"}

func TestStoryContent(t *testing.T) {
	c := mustCatalog(t)
	heavy := 0
	for _, s := range c.stories {
		body := s.Body()
		n := utf8.RuneCountInString(body)
		all := strings.ToLower(strings.Join([]string{s.Title, s.Sapo, body, s.Caption, strings.Join(s.Tags, " ")}, " "))
		if len(s.Paragraphs) < 4 || len(s.Paragraphs) > 10 {
			t.Errorf("%s: %d paragraphs, want 4–10", s.Path, len(s.Paragraphs))
		}
		if len(s.Tags) < 3 || s.Caption == "" {
			t.Errorf("%s: needs tags and an image caption", s.Path)
		}
		if s.OnTopic {
			if n < 1500 || n > 3500 {
				t.Errorf("%s: body has %d characters, want 1,500–3,500", s.Path, n)
			}
			if strings.Count(all, "chuyển đổi số") >= 5 {
				heavy++
			}
			continue
		}
		if n < 1000 {
			t.Errorf("%s: off-topic body has only %d characters", s.Path, n)
		}
		for _, w := range offTopicWords {
			if strings.Contains(all, w) {
				t.Errorf("off-topic %s contains %q", s.Path, w)
			}
		}
	}
	if heavy < 3 {
		t.Errorf("%d articles repeat \"chuyển đổi số\" five times or more, want at least 3", heavy)
	}
}

func TestPhanVanMaiArticle(t *testing.T) {
	c := mustCatalog(t)
	var found *story
	for _, s := range c.stories {
		if strings.Contains(s.Title, "Phan Văn Mãi") {
			found = s
		}
	}
	if found == nil {
		t.Fatal("no article about Phan Văn Mãi")
	}
	text := found.Sapo + "\n" + found.Body()
	for _, want := range []string{"Quyết định 944", "Chủ tịch UBND TP.HCM", "Dương Anh Đức", "Phó Chủ tịch UBND TP.HCM", "Lâm Đình Thắng", "Giám đốc Sở", "Ban Chỉ đạo"} {
		if !strings.Contains(text, want) {
			t.Errorf("Phan Văn Mãi article lacks %q", want)
		}
	}
	if !found.OnTopic {
		t.Error("Phan Văn Mãi article is not on-topic")
	}
}

func TestDecisionsAndTargetsPresent(t *testing.T) {
	c := mustCatalog(t)
	decisions, targets := 0, 0
	for _, s := range c.stories {
		if !s.OnTopic {
			continue
		}
		body := s.Body()
		for _, kind := range []string{"Quyết định", "Nghị quyết", "Kế hoạch số", "Công văn số"} {
			if strings.Contains(body, kind) {
				decisions++
				break
			}
		}
		if strings.Contains(body, "%") && (strings.Contains(body, "phấn đấu") || strings.Contains(body, "mục tiêu") || strings.Contains(body, "chỉ tiêu")) {
			targets++
		}
	}
	if decisions < 10 || targets < 10 {
		t.Errorf("on-topic articles with decisions %d, with percentage targets %d; want at least 10 each", decisions, targets)
	}
}

func TestParseStoryRejects(t *testing.T) {
	good := "path: /the-thao/a-1.html\ncategory: the-thao\nstyle: vnexpress\ntitle: T\nsapo: S\nauthor: A\npublished: 2024-01-02 03:04\nimage: /images/bong-da.svg\n\nmột\n\nhai\n\nba\n\nbốn\n"
	if _, err := parseStory(good); err != nil {
		t.Fatalf("good story rejected: %v", err)
	}
	cases := map[string]string{
		"no body":         strings.SplitN(good, "\n\n", 2)[0],
		"unknown header":  strings.Replace(good, "title: T", "tittle: T", 1),
		"unknown style":   strings.Replace(good, "style: vnexpress", "style: tuoitre", 1),
		"bad category":    strings.Replace(good, "category: the-thao", "category: xe", 1),
		"path outside":    strings.Replace(good, "path: /the-thao/", "path: /doi-song/", 1),
		"bad time":        strings.Replace(good, "2024-01-02 03:04", "2/1/2024", 1),
		"few paragraphs":  strings.Replace(good, "\n\nbốn", "", 1),
		"not NFC":         strings.Replace(good, "một", "mo\u0323\u0302t", 1),
		"modified before": strings.Replace(good, "image:", "modified: 2023-01-01 00:00\nimage:", 1),
	}
	for name, text := range cases {
		if _, err := parseStory(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	s, _ := parseStory(good)
	if _, off := s.Published.Zone(); off != 7*3600 {
		t.Errorf("published offset %d, want +07:00", off)
	}
}

func TestLoadCatalogRejectsDuplicatePaths(t *testing.T) {
	story := "path: /the-thao/a-1.html\ncategory: the-thao\nstyle: dantri\ntitle: T\nsapo: S\nauthor: A\npublished: 2024-01-02 03:04\nimage: /images/x.svg\n\na\n\nb\n\nc\n\nd\n"
	fsys := fstest.MapFS{
		"site/articles/a.txt": {Data: []byte(story)},
		"site/articles/b.txt": {Data: []byte(story)},
	}
	if _, err := loadCatalog(fsys); err == nil || !strings.Contains(err.Error(), "duplicate") {
		t.Errorf("err = %v, want a duplicate-path error", err)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Chuyển đổi số":        "chuyen-doi-so",
		"Đô thị thông minh":    "do-thi-thong-minh",
		"TP.HCM":               "tp-hcm",
		"Bộ TT&TT":             "bo-tt-tt",
		"  Nghị quyết 57 ":     "nghi-quyet-57",
		"Thừa Thiên Huế":       "thua-thien-hue",
		"V-League":             "v-league",
		"Phan Văn Mãi":         "phan-van-mai",
		"Ẩm thực, Món ngon!!!": "am-thuc-mon-ngon",
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
