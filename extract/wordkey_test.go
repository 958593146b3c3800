package extract

import "testing"

// TestPhraseKey checks that the matching key lower-cases, moves the old
// tone placement to the modern one and keeps diacritics (index.Fold is
// the one that strips them).
func TestPhraseKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Hoà  Bình", "hòa bình"},
		{"Thừa Thiên Huế", "thừa thiên huế"},
		{"UỶ BAN", "ủy ban"},
		{"quý", "quý"}, // "qu" is a consonant: the tone stays on y
		{"Ha Noi", "ha noi"},
		{"Hà Nội", "hà nội"},
	}
	for _, c := range cases {
		if got := phraseKey(c.in); got != c.want {
			t.Errorf("phraseKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
