package crawler

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenPages maps each fixture (one per shipped site profile, plus the
// generic fallback cases) to the URL it is parsed as.
var goldenPages = []struct{ file, url string }{
	{"baochinhphu-chinh-phu-so.html", "https://baochinhphu.vn/thu-tuong-chu-tri-phien-hop-ve-phat-trien-chinh-phu-so-102250415163000123.htm"},
	{"dantri-do-thi-thong-minh.html", "https://dantri.com.vn/cong-nghe/hue-van-hanh-nen-tang-do-thi-thong-minh-moi-20250408101500123.htm"},
	{"generic-jsonld.html", "https://tintinhnha.example.vn/y-te/thi-diem-benh-an-dien-tu-5501.html"},
	{"generic-meta.html", "https://giaoduc.example.vn/truong-hoc-so-hoc-sinh-vung-cao-7702.html"},
	{"generic-table.html", "http://huyen.example.gov.vn/tin-tuc.asp?id=815"},
	{"ictnews-ha-tang-so.html", "https://ictnews.vietnamnet.vn/ha-tang-so-la-dieu-kien-tien-quyet-cua-chuyen-doi-so-2370002.html"},
	{"mic-nen-tang-so.html", "https://mic.gov.vn/cong-bo-danh-sach-nen-tang-so-quoc-gia-197230315.htm"},
	{"mst-ky-nang-so.html", "https://mst.gov.vn/bo-khoa-hoc-va-cong-nghe-phat-dong-chuong-trinh-ky-nang-so-197250512.htm"},
	{"nhandan-chuyen-doi-so-nong-nghiep.html", "https://nhandan.vn/chuyen-doi-so-trong-nong-nghiep-post860001.html"},
	{"thanhnien-kinh-te-so.html", "https://thanhnien.vn/kinh-te-so-dong-gop-gan-19-grdp-cua-tinh-binh-duong-185250210083000123.htm"},
	{"tuoitre-dinh-danh-dien-tu.html", "https://tuoitre.vn/tp-hcm-6-trieu-nguoi-dan-da-kich-hoat-dinh-danh-dien-tu-20250506060200111.htm"},
	{"vietnamnet-du-lieu-so.html", "https://vietnamnet.vn/du-lieu-so-phai-duoc-coi-la-tai-san-cua-co-quan-nha-nuoc-2365001.html"},
	{"vneconomy-doanh-nghiep-so.html", "https://vneconomy.vn/doanh-nghiep-so-tang-nhanh-nhung-quy-mo-con-nho.htm"},
	{"vnexpress-chinh-quyen-so.html", "https://vnexpress.net/bac-ninh-dat-muc-tieu-hoan-thanh-chinh-quyen-so-4860001.html"},
}

// goldenArticle is the part of an article a golden file pins down.
type goldenArticle struct {
	ID            string   `json:"id"`
	CanonicalURL  string   `json:"canonical_url"`
	Source        string   `json:"source"`
	Title         string   `json:"title"`
	Sapo          string   `json:"sapo"`
	Body          []string `json:"body"`
	Authors       []string `json:"authors"`
	Published     string   `json:"published"`
	PublishedFrom string   `json:"published_from"`
	Section       string   `json:"section"`
	Tags          []string `json:"tags"`
	Images        []string `json:"images"`
	IsArticle     bool     `json:"is_article"`
	Relevant      bool     `json:"relevant"`
	Terms         []string `json:"terms"`
}

func parseGolden(t *testing.T, file, pageURL string) goldenArticle {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "golden", file))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := readHTML(bytes.NewReader(raw), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	base := mustURL(t, pageURL)
	p := parseDocument(doc, base, nil)
	a := p.article
	rel := Score(a)
	g := goldenArticle{
		ID: a.ID, CanonicalURL: a.CanonicalURL, Source: a.Source, Title: a.Title, Sapo: a.Sapo,
		Body: strings.Split(a.Body, "\n\n"), Authors: a.Authors, PublishedFrom: a.PublishedFrom,
		Section: a.Section, Tags: a.Tags, Images: a.Images, IsArticle: p.isArticle,
		Relevant: rel.Score >= DefaultThreshold, Terms: rel.Terms,
	}
	if !a.Published.IsZero() {
		g.Published = a.Published.Format("2006-01-02T15:04:05Z07:00")
	}
	return g
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenPages {
		t.Run(tc.file, func(t *testing.T) {
			got := parseGolden(t, tc.file, tc.url)
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(tc.file, ".html")+".golden.json")
			if *update {
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./crawler -update)", err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("%s differs from golden\n got: %s\nwant: %s", tc.file, b, want)
			}
		})
	}
}

// TestGoldenCoversEveryProfile makes sure each built-in site rule has a
// golden page.
func TestGoldenCoversEveryProfile(t *testing.T) {
	for host := range siteRules {
		found := false
		for _, tc := range goldenPages {
			if sourceName(tc.url) == host {
				found = true
			}
		}
		if !found {
			t.Errorf("site rule %s has no golden page", host)
		}
	}
}
