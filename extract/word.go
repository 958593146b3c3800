package extract

import "unicode/utf8"

// wordScan is what has been read of one word.
type wordScan struct {
	capFirst                        bool // the word starts with a capital
	letters, uppers, digits         int
	prevDigit, prevUpper, prevLower bool
}

// wordEnd returns the end of the word starting at i, and whether every
// letter of it is a capital (at least two letters).
func wordEnd(text string, i int, capFirst bool) (int, bool) {
	w := wordScan{capFirst: capFirst}
	for i < len(text) {
		var r rune
		var size int
		if c := text[i]; c < utf8.RuneSelf {
			if w.asciiLetterOrDigit(c) {
				i++
				continue
			}
			r, size = rune(c), 1
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isLetterOrDigit(r) || isMark(r) {
			if w.gluedWord(text, i, size, r) {
				break
			}
			w.add(r)
			i += size
			continue
		}
		next, join := w.joiner(text, i, size, r)
		i = next
		if !join {
			break
		}
	}
	return i, w.letters >= 2 && w.letters == w.uppers
}

// asciiLetterOrDigit takes an ASCII letter or digit, the fast path of add;
// it reports false for anything else and for the capital of a glued word.
func (w *wordScan) asciiLetterOrDigit(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z':
		w.letters++
		w.prevLower, w.prevDigit, w.prevUpper = true, false, false
	case '0' <= c && c <= '9':
		w.digits++
		w.prevLower, w.prevDigit, w.prevUpper = false, true, false
	case 'A' <= c && c <= 'Z' && !w.mayGlue():
		w.letters++
		w.uppers++
		w.prevLower, w.prevDigit, w.prevUpper = false, false, true
	default:
		return false
	}
	return true
}

// mayGlue reports whether a capital here could start a second word glued
// to a title-case one.
func (w *wordScan) mayGlue() bool {
	return w.prevLower && w.letters >= 2 && w.digits == 0 && w.capFirst
}

// gluedWord reports whether the letter r at i starts a second title-case
// word glued to this one ("Hà NộiÔng"): Vietnamese syllables never turn
// upper case inside.
func (w *wordScan) gluedWord(text string, i, size int, r rune) bool {
	up := !isDigit(r) && !(r >= 0x300 && isMark(r)) && isUpper(r)
	if !w.mayGlue() || !up || i+size >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	return isLetterOrDigit(next) && !isDigit(next) && !isUpper(next)
}

// add takes the letter, digit or combining mark r.
func (w *wordScan) add(r rune) {
	dig := isDigit(r)
	mark := !dig && r >= 0x300 && isMark(r)
	up := !dig && !mark && isUpper(r)
	if dig {
		w.digits++
	}
	w.prevLower = !dig && !mark && !up || mark && w.prevLower
	w.prevDigit = dig
	w.prevUpper = up
	if !dig && !mark {
		w.letters++
		if w.prevUpper {
			w.uppers++
		}
	}
}

// joiner reads the non-letter r at i: the word goes on after it (join),
// or ends before it, or after it for a per cent sign after digits.
func (w *wordScan) joiner(text string, i, size int, r rune) (next int, join bool) {
	if i+size >= len(text) {
		return i, false
	}
	nx, _ := utf8.DecodeRuneInString(text[i+size:])
	if !isLetterOrDigit(nx) || !w.joins(r, nx, text[i+size:]) {
		if r == '%' && w.prevDigit {
			return i + size, false
		}
		return i, false
	}
	return i + size, true
}

// joins reports whether r, followed by the letter or digit next and the
// text rest, joins two parts of one word: "TP.HCM", "6.1.2022", "0,75",
// "TT&TT", "749/QĐ-TTg", "Base.vn".
func (w *wordScan) joins(r, next rune, rest string) bool {
	nextDigit := isDigit(next)
	nextUpper := isUpper(next)
	switch r {
	case '.':
		return w.prevDigit && nextDigit || !w.prevDigit && !nextDigit && (w.prevUpper && w.letters <= 4 || nextUpper && w.letters <= 2 ||
			!nextUpper && domainSuffix(rest))
	case ',':
		return w.prevDigit && nextDigit
	case '&':
		return !w.prevDigit && !nextDigit
	case '/':
		return w.prevDigit || nextDigit || w.prevUpper || nextUpper
	case '-':
		return w.prevDigit || nextDigit || w.prevUpper && nextUpper || w.prevUpper && w.letters <= 4
	}
	return false
}
