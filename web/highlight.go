package web

import (
	"html/template"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"dxnews/index"
)

// foldRune folds one rune as index.Fold folds text ("Ễ" → 'e', "đ" → 'd'),
// so positions in folded text match the original rune for rune.
func foldRune(r rune) rune {
	for _, f := range index.Fold(string(r)) {
		return f
	}
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// highlight HTML-escapes text and wraps every occurrence of the words of q
// (whole words of two letters or more, matched without case or
// diacritics) in <mark>.
func highlight(text, q string) template.HTML {
	src := []rune(norm.NFC.String(text))
	folded := make([]rune, len(src))
	for i, r := range src {
		folded[i] = foldRune(r)
	}
	marked := make([]bool, len(src))
	for _, word := range strings.Fields(q) {
		w := []rune(norm.NFC.String(word))
		for i, r := range w {
			w[i] = foldRune(r)
		}
		w = []rune(strings.TrimFunc(string(w), func(r rune) bool { return !isWordRune(r) }))
		if len(w) < 2 {
			continue
		}
		for i := 0; i+len(w) <= len(folded); i++ {
			end := i + len(w)
			atStart := i == 0 || !isWordRune(folded[i-1])
			atEnd := end == len(folded) || !isWordRune(folded[end])
			if atStart && atEnd && slices.Equal(folded[i:end], w) {
				for j := i; j < i+len(w); j++ {
					marked[j] = true
				}
			}
		}
	}
	var b strings.Builder
	open := false
	for i, r := range src {
		if marked[i] != open {
			if marked[i] {
				b.WriteString("<mark>")
			} else {
				b.WriteString("</mark>")
			}
			open = marked[i]
		}
		b.WriteString(template.HTMLEscapeString(string(r)))
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}
