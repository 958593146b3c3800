package normalize

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"dxnews/article"
	"dxnews/corpus"
)

// comparable lower-cases s and drops punctuation, keeping single spaces.
func comparable(s string) string {
	s = strings.ToLower(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}), " ")
}

type corpusCase struct {
	Voice    string   `json:"voice"`
	Input    string   `json:"input"`
	Expect   []string `json:"expect"`
	Contains []string `json:"contains"`
	Forbid   []string `json:"forbid"`
}

// checkCase returns a description of the failure, or "".
func checkCase(c corpusCase, got string) string {
	g := comparable(got)
	if len(c.Expect) > 0 {
		for _, e := range c.Expect {
			if comparable(e) == g {
				return ""
			}
		}
		return "want one of " + strings.Join(c.Expect, " | ")
	}
	padded := " " + g + " "
	for _, w := range c.Contains {
		if !strings.Contains(padded, " "+comparable(w)+" ") {
			return "missing " + w
		}
	}
	for _, w := range c.Forbid {
		if strings.Contains(padded, " "+comparable(w)+" ") {
			return "forbidden " + w
		}
	}
	return ""
}

func TestCorpusNormalize(t *testing.T) {
	path := filepath.Join(corpus.DirOrSkip(t), "normalize.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("normalize.jsonl not readable: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	total, passed := 0, 0
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c corpusCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Errorf("line %d: %v", line, err)
			continue
		}
		v, err := article.LookupVoice(c.Voice)
		if err != nil {
			t.Errorf("line %d: %v", line, err)
			continue
		}
		total++
		got := Text(c.Input, v.Region)
		if msg := checkCase(c, got); msg != "" {
			t.Errorf("line %d (%s) %q:\n got  %q\n %s", line, c.Voice, c.Input, got, msg)
			continue
		}
		passed++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("normalize.jsonl: %d/%d pass", passed, total)
}
