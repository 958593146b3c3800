package extract

import (
	"bufio"
	"embed"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

func eachLine(name string, fn func(line string)) {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		panic("extract: missing embedded " + name)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(line)
	}
}

// Gazetteers, built once at start-up from the embedded data files.
var (
	places    = newLexicon() // value: canonical place name
	titles    = newLexicon()
	orgHeads  = newLexicon() // flags: d, a, n
	agencies  = newLexicon() // value: canonical name
	surnames  = map[string]bool{}
	merged34  = map[string]string{} // folded former province → province since July 2025
	provinces = map[string]bool{}   // folded canonical names of the 63 provinces
)

func init() {
	eachLine("provinces63.txt", func(line string) {
		parts := strings.Split(line, "|")
		provinces[phraseKey(parts[0])] = true
		for _, p := range parts {
			places.add(p, parts[0], "p")
		}
	})
	eachLine("places.txt", func(line string) {
		parts := strings.Split(line, "|")
		for _, p := range parts {
			places.add(p, parts[0], "")
		}
	})
	eachLine("provinces34.txt", func(line string) {
		parts := strings.Split(line, "|")
		for _, p := range parts[1:] {
			merged34[phraseKey(p)] = parts[0]
		}
		if _, ok := places.byFirst[phraseKey(strings.Fields(parts[0])[0])]; !ok {
			places.add(parts[0], parts[0], "p")
		}
	})
	eachLine("surnames.txt", func(line string) {
		for _, w := range strings.Fields(line) {
			surnames[phraseKey(w)] = true
			markClass(phraseKey(w), cSurname)
		}
	})
	eachLine("titles.txt", func(line string) {
		titles.add(line, line, "")
		if !strings.HasPrefix(line, "Phó ") && !strings.HasPrefix(line, "Tổ phó") {
			titles.add("Phó "+line, "Phó "+line, "")
		}
	})
	eachLine("agencies.txt", func(line string) {
		parts := strings.Split(line, "|")
		for _, p := range parts {
			agencies.add(p, parts[0], "")
		}
	})
	eachLine("orgs.txt", func(line string) {
		name, flags, _ := strings.Cut(line, "|")
		orgHeads.add(name, name, flags)
	})
}

// ProvinceAfter2025 returns the province or centrally-run city that a
// province of the 63-province map belongs to since the merger of 1 July
// 2025 ("Hà Giang" → "Tuyên Quang", "Bình Dương" → "TP.HCM"). Any spelling
// the gazetteer knows is accepted; ok is false for unknown names.
func ProvinceAfter2025(name string) (string, bool) {
	toks := tokenize(nil, name)
	d := newDoc(name, toks)
	p, n := places.match(d, 0)
	if p < 0 || n != len(toks) {
		return "", false
	}
	canon := places.phrases[p].value
	if v, ok := merged34[phraseKey(canon)]; ok {
		return v, true
	}
	return "", false
}
