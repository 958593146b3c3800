package extract

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// toNFC returns text in Unicode NFC. Text made only of characters that are
// NFC on their own and never combine with a neighbour (ASCII, Latin-1,
// Latin Extended, the precomposed Vietnamese letters, common punctuation)
// is NFC already and is returned as is without the full check.
func toNFC(text string) string {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !nfcStable(r) {
			return norm.NFC.String(text)
		}
		i += size
	}
	return text
}

// nfcStable reports whether r is in a block whose characters are all NFC
// and never compose with the characters around them.
func nfcStable(r rune) bool {
	switch {
	case r < 0x300:
		return r != utf8.RuneError
	case r >= 0x1E00 && r <= 0x1EFF:
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E:
		return true
	}
	return false
}
