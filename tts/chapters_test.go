package tts

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/tts/mp3"
)

func TestIsSubheading(t *testing.T) {
	for p, want := range map[string]bool{
		"Kinh tế số là điểm nghẽn":                             true,
		"Hướng tới sàn giao dịch dữ liệu":                      true,
		"5 mục tiêu cho năm 2025":                              true,
		"Kinh tế số là điểm nghẽn.":                            false, // a sentence
		"Minh Anh":                                             false, // a byline
		"ông Thanh nói thêm về kế hoạch":                       false, // lower case
		"Trung tâm điều hành đô thị thông minh. Ảnh: Đông":     false, // caption
		"Trung tâm điều hành đô thị thông minh (Ảnh minh họa)": false,
		`"Chúng tôi sẽ làm đến cùng"`:                          false, // a quotation
		strings.Repeat("Một đoạn văn rất dài ", 10):            false,
		"Dòng một\nDòng hai của đoạn":                          false,
	} {
		if got := IsSubheading(p); got != want {
			t.Errorf("IsSubheading(%q) = %v, want %v", p, got, want)
		}
	}
}

func chapterArticle() article.Article {
	return article.Article{
		ID: "0123456789abcdef", URL: "https://vnexpress.net/da-nang-4450217.html", Source: "vnexpress.net",
		Title: "Đà Nẵng dẫn đầu chỉ số chuyển đổi số",
		Sapo:  "Thành phố giữ vị trí số một năm thứ hai liên tiếp.",
		Body: "Bộ công bố chỉ số ngày 9/4. Đà Nẵng đạt điểm cao nhất.\n\n" +
			"Kinh tế số là điểm nghẽn\n\n" +
			"Tỷ trọng kinh tế số mới ở mức khoảng 9%. Thành phố đặt mục tiêu cao hơn.\n\n" +
			"Hướng tới dữ liệu mở cho người dân\n\n" +
			"Sở sẽ mở kho dữ liệu dùng chung trong năm tới.\n\nMinh Anh",
		Published: time.Date(2022, 4, 10, 9, 40, 0, 0, time.FixedZone("ICT", 7*3600)),
	}
}

// speakArticle speaks a in voice through a Speaker over a fake backend
// (chunks of at most maxChunk characters, 0 for the default) and returns the
// speech and what ForArticle makes of it.
func speakArticle(t *testing.T, a article.Article, voice string, maxChunk int) (speech, pub Speech) {
	t.Helper()
	sp := &Speaker{Backend: &fakeBackend{audio: readTestdata(t, "sine.mp3")}, MaxChunk: maxChunk}
	speech, err := sp.Speak(context.Background(), a.Text(), voice)
	if err != nil {
		t.Fatal(err)
	}
	pub, err = speech.ForArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	return speech, pub
}

func TestForArticleChaptersAndTags(t *testing.T) {
	a := chapterArticle()
	speech, pub := speakArticle(t, a, "south-female", 90)
	titles := []string{a.Title, LeadChapter, "Kinh tế số là điểm nghẽn", "Hướng tới dữ liệu mở cho người dân"}
	if len(pub.Chapters) != len(titles) {
		t.Fatalf("chapters %+v, want %q", pub.Chapters, titles)
	}
	// Each chapter starts at its paragraph's first sentence.
	startOf := func(text string) int64 {
		for _, tm := range speech.Timings {
			if strings.Contains(strings.ToLower(tm.Text), strings.ToLower(text)) {
				return tm.StartMS
			}
		}
		t.Fatalf("no timing for %q in %+v", text, speech.Timings)
		return -1
	}
	wantStart := []int64{0, startOf("thành phố giữ vị trí"), startOf("là điểm nghẽn"), startOf("hướng tới dữ liệu")}
	for i, c := range pub.Chapters {
		if c.Title != titles[i] || c.StartMS != wantStart[i] {
			t.Errorf("chapter %d = %+v, want %q at %d ms", i, c, titles[i], wantStart[i])
		}
		wantEnd := pub.DurationMS
		if i+1 < len(pub.Chapters) {
			wantEnd = pub.Chapters[i+1].StartMS
		}
		if c.EndMS != wantEnd || c.EndMS <= c.StartMS {
			t.Errorf("chapter %d ends at %d, want %d", i, c.EndMS, wantEnd)
		}
	}
	// The tag changes no audio.
	if !bytes.HasPrefix(pub.MP3, []byte("ID3\x03")) {
		t.Fatalf("MP3 starts % x, want an ID3v2.3 tag", pub.MP3[:4])
	}
	if d, err := mp3.Duration(pub.MP3); err != nil || d.Milliseconds() != speech.DurationMS {
		t.Errorf("tagged MP3 decodes to %v (%v), untagged lasts %d ms", d, err, speech.DurationMS)
	}
	frames, err := mp3.Strip(pub.MP3)
	if err != nil || !bytes.Equal(frames, speech.MP3) {
		t.Errorf("stripping the tag does not give back the audio (%v)", err)
	}
	if joined, err := mp3.Join([][]byte{pub.MP3, pub.MP3}); err != nil || len(joined) != 2*len(speech.MP3) {
		t.Errorf("joining tagged MP3s: %d bytes, %v", len(joined), err)
	}
	for _, want := range [][]byte{utf16le("vnexpress.net"), utf16le("dxnews — Nữ miền Nam"), []byte(a.URL), []byte("\x89PNG")} {
		if !bytes.Contains(pub.MP3[:len(pub.MP3)-len(speech.MP3)], want) {
			t.Errorf("tag lacks %q", want)
		}
	}
	a8 := pub.Audio(article.AudioURL(a.ID, "south-female"))
	if len(a8.Chapters) != 4 || a8.Bytes != int64(len(pub.MP3)) || a8.URL != "/api/audio/0123456789abcdef/south-female.mp3" {
		t.Errorf("audio record %+v", a8)
	}
	// Tagging again (a re-publish) keeps one tag.
	again, err := pub.ForArticle(a)
	if err != nil || !bytes.Equal(again.MP3, pub.MP3) {
		t.Errorf("tagging twice changed the file (%v)", err)
	}
}

// An article with neither lead nor subheadings has one chapter, the title,
// covering the whole reading.
func TestForArticleTitleOnly(t *testing.T) {
	a := article.Article{ID: "x", Title: "Một tin ngắn", Source: "example.vn"}
	speech, pub := speakArticle(t, a, "north-male", 0)
	if len(pub.Chapters) != 1 || pub.Chapters[0] != (article.Chapter{StartMS: 0, EndMS: speech.DurationMS, Title: "Một tin ngắn"}) {
		t.Errorf("chapters %+v", pub.Chapters)
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}
