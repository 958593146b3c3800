package extract

// The outline of a text: its lines classified as the title, headings,
// lead-ins and list items, computed once per text so that every rule can
// ask where a token stands in the document's structure. Sentences are the
// tokens' sent field; clauses are found on demand with clauseAt.

type lineKind uint8

const (
	lineText    lineKind = iota // a line of running text (or a plain list item)
	lineTitle                   // the first line
	lineHeading                 // "1. Chuyển đổi số cấp huyện", "I. MỤC TIÊU"
	lineLeadIn                  // ends in ":" or "như sau", "gồm": items follow
)

// Item markers at the start of a line.
const (
	markNone   byte = 0
	markDash   byte = '-' // "-", "–", "+", "•", "*"
	markNumber byte = '1' // "1.", "2)"
	markLetter byte = 'a' // "a)", "b."
	markRoman  byte = 'I' // "I.", "IV."
)

// oline is one line of the outline, tokens [s, e).
type oline struct {
	s, e   int
	kind   lineKind
	marker byte
	body   int  // first token after the marker
	level  int8 // heading level: 1 roman or capitals, 2 numbered, 3 lettered or other
	para   bool // a blank line comes before it
}

// buildOutline splits the tokens into lines and classifies each,
// appending to dst[:0].
func (d *doc) buildOutline(dst []oline) []oline {
	lines := dst[:0]
	for s := 0; s < len(d.toks); {
		e := s + 1
		for e < len(d.toks) && !d.toks[e].is(fNL) {
			e++
		}
		l := oline{s: s, e: e, para: s == 0 || d.toks[s].is(fPara), body: s}
		l.marker, l.body = d.lineMarker(s, e)
		switch {
		case s == 0:
			l.kind = lineTitle
		case d.leadInEnd(l.body, e):
			l.kind = lineLeadIn
			l.level = 3
			if l.marker == markRoman {
				l.level = 1
			} else if l.marker == markNumber {
				l.level = 2
			}
		case d.isHeading(l):
			l.kind = lineHeading
			switch l.marker {
			case markRoman:
				l.level = 1
			case markNumber:
				l.level = 2
			case markNone:
				l.level = 1 // capitals
			default:
				l.level = 3
			}
		}
		lines = append(lines, l)
		s = e
	}
	return lines
}
