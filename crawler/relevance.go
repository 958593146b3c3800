package crawler

import (
	"sort"
	"strings"

	"dxnews/article"
)

// DefaultThreshold is the relevance score an article needs to be kept when
// Config.Threshold is 0.
const DefaultThreshold = 6

// Term is one weighted keyword or phrase of the relevance scorer.
type Term struct {
	Phrase string
	Weight float64
}

// Terms is the default vocabulary of digital transformation. Phrases are
// matched case-insensitively on word boundaries in NFC text.
var Terms = []Term{
	{"chuyển đổi số", 4},
	{"chính quyền số", 4},
	{"chính quyền điện tử", 4},
	{"chính phủ số", 4},
	{"chính phủ điện tử", 4},
	{"đô thị thông minh", 4},
	{"thành phố thông minh", 4},
	{"kinh tế số", 4},
	{"xã hội số", 4},
	{"công dân số", 3},
	{"dữ liệu số", 3},
	{"định danh điện tử", 3},
	{"định danh và xác thực điện tử", 3},
	{"dịch vụ công trực tuyến", 3},
	{"hạ tầng số", 3},
	{"nền tảng số", 3},
	{"doanh nghiệp số", 3},
	{"kỹ năng số", 2},
	{"đề án 06", 3},
	{"vneid", 2},
	{"cơ sở dữ liệu quốc gia", 2},
	{"dữ liệu dân cư", 2},
	{"số hóa", 2},
	{"số hoá", 2},
	{"chữ ký số", 2},
	{"trung tâm dữ liệu", 1.5},
	{"điện toán đám mây", 1.5},
	{"trí tuệ nhân tạo", 1},
	{"dữ liệu lớn", 1},
	{"an toàn thông tin", 1},
	{"thanh toán không dùng tiền mặt", 1},
	{"công nghệ số", 2},
	{"khoa học, công nghệ, đổi mới sáng tạo", 2},
}

// Field weights: a term in the title counts more than one in the body.
const (
	titleWeight = 3
	sapoWeight  = 2
	bodyWeight  = 1
	// bodyCap bounds how many body occurrences of one term count.
	bodyCap = 3
)

// Score rates how much an article is about digital transformation with the
// default vocabulary: the sum over terms of weight × (3 per title hit, 2 per
// sapo hit, 1 per body hit up to 3). Terms lists the phrases that matched,
// sorted.
func Score(a article.Article) article.Relevance {
	return scoreWith(Terms, a)
}

func scoreWith(terms []Term, a article.Article) article.Relevance {
	title := strings.ToLower(a.Title)
	sapo := strings.ToLower(a.Sapo)
	body := strings.ToLower(a.Body)
	var score float64
	matched := []string{}
	for _, t := range terms {
		p := strings.ToLower(t.Phrase)
		n := countPhrase(title, p)*titleWeight + countPhrase(sapo, p)*sapoWeight + min(countPhrase(body, p), bodyCap)*bodyWeight
		if n == 0 {
			continue
		}
		score += float64(n) * t.Weight
		matched = append(matched, t.Phrase)
	}
	sort.Strings(matched)
	return article.Relevance{Score: score, Terms: matched}
}

// countPhrase counts occurrences of p in s that start and end on word
// boundaries.
func countPhrase(s, p string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(s[i:], p)
		if j < 0 {
			return n
		}
		start := i + j
		end := start + len(p)
		if boundaryBefore(s, start) && boundaryAfter(s, end) {
			n++
		}
		i = end
	}
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	return !isWordByte(s, i-1, true)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	return !isWordByte(s, i, false)
}

// isWordByte reports whether the rune ending (before) or starting (after) at
// byte i is a letter or digit.
func isWordByte(s string, i int, before bool) bool {
	var r rune
	if before {
		k := i
		for k > 0 && s[k]&0xC0 == 0x80 {
			k--
		}
		r = []rune(s[k : i+1])[0]
	} else {
		for _, rr := range s[i:] {
			r = rr
			break
		}
	}
	return r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || r > 0x7f && isLetter(r)
}
