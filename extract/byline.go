package extract

import "strings"

// creditWords start the lines and labels findCredits looks at.
var creditWords = newPhraseSet("source", "nguồn", "ảnh", "bài", "tin", "tác giả")

// findCredits marks bylines, photo credits, source lines and page
// furniture, and returns the author names found in them.
func (d *doc) findCredits(skip []bool) []string {
	var authors []string
	n := len(d.toks)
	for i := 0; i < n; i++ {
		if d.memo[i].cls&creditWords.firstBit == 0 {
			continue
		}
		switch {
		case d.toks[i].is(fNL) || i == 0:
			if d.seq(i, "source") && d.punct(i+1, ":") || d.seq(i, "nguồn") && d.punct(i+1, ":") {
				i = d.markLine(skip, i) - 1
				continue
			}
		}
		label := 0
		switch {
		case i > 0 && !d.toks[i].is(fNL) && !d.isPunct(i-1):
			// "thông tin:", "bài:" inside a phrase: not a label.
		case d.isAny(i, "ảnh", "bài", "tin") && (d.punct(i+1, ":") || d.isDash(i+1) && d.is(i, "ảnh")):
			label = 1
		case d.seq(i, "tác giả") && d.punct(i+2, ":"):
			label = 2
		}
		if label > 0 {
			e := i + label + 1
			for e < n && !d.toks[e].is(fNL) && !d.punct(e, ")") && !(d.punct(e, ".") && d.toks[e].is(fSpace)) {
				e++
			}
			authors = append(authors, d.nameList(i+label+1, e)...)
			for k := i; k < e; k++ {
				skip[k] = true
			}
			i = e
		}
	}
	// The last lines: "Trần Huệ - Diệu Linh", "T.B", "Theo ICTNews".
	end := n
	for lines := 0; lines < 2 && end > 0; lines++ {
		s := end - 1
		for s > 0 && !d.toks[s].is(fNL) {
			s--
		}
		if end-s > 9 {
			break
		}
		if d.is(s, "theo") {
			for k := s; k < end; k++ {
				skip[k] = true
			}
			end = s
			continue
		}
		if !d.bylineLine(s, end) {
			break
		}
		authors = append(authors, d.nameList(s, end)...)
		for k := s; k < end; k++ {
			skip[k] = true
		}
		end = s
	}
	return authors
}

func (d *doc) markLine(skip []bool, i int) int {
	skip[i] = true
	i++
	for i < len(d.toks) && !d.toks[i].is(fNL) {
		skip[i] = true
		i++
	}
	return i
}

// bylineLine reports whether tokens [s, e) are only names and separators.
func (d *doc) bylineLine(s, e int) bool {
	words := 0
	for k := s; k < e; k++ {
		switch {
		case d.isDash(k) || d.punct(k, ",") || d.punct(k, "/") || d.is(k, "và"):
		case d.capOrAbbr(k) && !d.toks[k].is(fNum):
			if p, _ := d.title(k); p >= 0 {
				return false
			}
			if p, _ := d.orgHead(k); p >= 0 {
				return false
			}
			words++
		default:
			return false
		}
	}
	return words > 0
}

// nameList splits "Dương Giang-TTXVN" or "Trần Huệ - Diệu Linh" into names.
func (d *doc) nameList(s, e int) []string {
	var out []string
	start := s
	flush := func(k int) {
		if k > start {
			name := d.span(start, k)
			agency := k-start == 1 && allUpperAbbr(d, start, k) && !strings.Contains(name, ".")
			if !agency && !strings.ContainsAny(name, ":/") {
				out = append(out, name)
			}
		}
	}
	for k := s; k < e; k++ {
		if d.isDash(k) || d.punct(k, ",") || d.punct(k, "/") || d.is(k, "và") || !d.capOrAbbr(k) {
			flush(k)
			start = k + 1
		}
	}
	flush(e)
	return out
}

func allUpperAbbr(d *doc, s, e int) bool {
	for k := s; k < e; k++ {
		if !d.toks[k].is(fUpper) {
			return false
		}
	}
	return true
}
