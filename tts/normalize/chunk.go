package normalize

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Chunk groups sentences into chunks of at most max units as measured by
// size (e.g. utf8.RuneCountInString for characters, len for bytes),
// joining sentences with a space and never splitting a sentence unless it
// alone exceeds max. Such a sentence is cut at the last comma or
// semicolon before the limit when that keeps at least half of the
// allowance, otherwise at the last space, otherwise between characters.
// A nil size counts characters; max <= 0 means no limit (one chunk).
func Chunk(sentences []string, max int, size func(string) int) []string {
	if size == nil {
		size = utf8.RuneCountInString
	}
	var out []string
	cur := ""
	flush := func() {
		if cur != "" {
			out = append(out, cur)
			cur = ""
		}
	}
	for _, s := range sentences {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if max > 0 && size(s) > max {
			flush()
			out = append(out, splitLong(s, max, size)...)
			continue
		}
		if cur == "" {
			cur = s
			continue
		}
		joined := cur + " " + s
		if max > 0 && size(joined) > max {
			flush()
			cur = s
			continue
		}
		cur = joined
	}
	flush()
	return out
}

// splitLong cuts one over-long sentence into pieces of at most max.
func splitLong(s string, max int, size func(string) int) []string {
	var out []string
	for s != "" && size(s) > max {
		cut := fitPrefix(s, max, size)
		if cut == 0 {
			_, cut = utf8.DecodeRuneInString(s)
		} else {
			pre := s[:cut]
			if k := strings.LastIndexAny(pre, ",;"); k >= 0 && k+1 >= cut/2 {
				cut = k + 1
			} else if k := strings.LastIndexByte(pre, ' '); k > 0 && s[cut] != ' ' {
				// Cut at the last space unless the limit already falls at
				// the end of a word.
				cut = k
			}
		}
		if piece := strings.TrimSpace(s[:cut]); piece != "" {
			out = append(out, piece)
		}
		s = strings.TrimSpace(s[cut:])
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// fitPrefix returns the largest rune-boundary offset i with
// size(s[:i]) <= max, assuming size grows with the prefix.
func fitPrefix(s string, max int, size func(string) int) int {
	bounds := make([]int, 0, len(s))
	for i := range s {
		if i > 0 {
			bounds = append(bounds, i)
		}
	}
	bounds = append(bounds, len(s))
	k := sort.Search(len(bounds), func(j int) bool { return size(s[:bounds[j]]) > max })
	if k == 0 {
		return 0
	}
	return bounds[k-1]
}
