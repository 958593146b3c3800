package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// writer assembles the output line by line.
type writer struct {
	b     []byte
	start bool // at the start of a sentence
}

func (w *writer) sep() {
	if len(w.b) > 0 {
		if c := w.b[len(w.b)-1]; c != ' ' && c != '\n' {
			w.b = append(w.b, ' ')
		}
	}
}

func (w *writer) emit(lead, text, trail string, capital bool) {
	if text == "" {
		if lead+trail != "" {
			w.punct(lead + trail)
		}
		return
	}
	w.sep()
	w.b = append(w.b, lead...)
	if capital && w.start && text != "" {
		r, size := utf8.DecodeRuneInString(text)
		w.b = utf8.AppendRune(w.b, unicode.ToUpper(r))
		w.b = append(w.b, text[size:]...)
	} else {
		w.b = append(w.b, text...)
	}
	w.b = append(w.b, trail...)
	if text != "" {
		w.start = false
	}
	if strings.ContainsAny(trail, ".!?…") {
		w.start = true
	}
}

// repeats reports whether the output so far ends with expansion, ignoring
// case and an opening bracket or dash in between.
func (w *writer) repeats(expansion string) bool {
	tail := strings.TrimRight(string(w.b[max(0, len(w.b)-len(expansion)-8):]), " (–-:,")
	return len(tail) >= len(expansion) && strings.EqualFold(tail[len(tail)-len(expansion):], expansion)
}

// punct writes a token made only of punctuation.
func (w *writer) punct(p string) {
	attach := true
	for _, r := range p {
		if !strings.ContainsRune(trailChars, r) {
			attach = false
			break
		}
	}
	if !attach {
		w.sep()
	}
	w.b = append(w.b, p...)
	if strings.ContainsAny(p, ".!?…") {
		w.start = true
	}
}

// pause turns a free-standing dash into a comma after a word; a dash that
// opens a line (a list bullet) is dropped.
func (w *writer) pause() {
	if len(w.b) == 0 {
		return
	}
	last, _ := utf8.DecodeLastRune(w.b)
	if last == '\n' || strings.ContainsRune(".,;:!?…(", last) {
		return
	}
	w.b = append(w.b, ',')
}
