package extract

// tokMemo caches the gazetteer matches starting at one token, so that the
// scanners, which ask the same questions about a token many times, stay
// linear in the text.
type tokMemo struct {
	cls                     uint64 // word classes of the token (see wordClass)
	title, org, place, kind int16  // phrase index, -1 none
	tn, on, pn, kn          int8   // match length in tokens
	name                    int8   // nameLen, -1 not yet computed
	known                   uint8  // bit set of computed fields
}

const (
	kTitle uint8 = 1 << iota
	kOrg
	kPlace
	kKind
)

func (d *doc) cached(i int, bit uint8, lex *lexicon, p *int16, n *int8) (int, int) {
	if i < 0 || i >= len(d.toks) {
		return -1, 0
	}
	m := &d.memo[i]
	if m.known&bit == 0 {
		pi, ni := lex.match(d, i)
		*p, *n = int16(pi), int8(ni)
		m.known |= bit
	}
	return int(*p), int(*n)
}

// title returns the title phrase starting at token i.
func (d *doc) title(i int) (int, int) {
	if i < 0 || i >= len(d.toks) {
		return -1, 0
	}
	m := &d.memo[i]
	return d.cached(i, kTitle, titles, &m.title, &m.tn)
}

// orgHead returns the organisation head starting at token i.
func (d *doc) orgHead(i int) (int, int) {
	if i < 0 || i >= len(d.toks) {
		return -1, 0
	}
	m := &d.memo[i]
	return d.cached(i, kOrg, orgHeads, &m.org, &m.on)
}

// kindAt returns the document kind starting at token i.
func (d *doc) kindAt(i int) (int, int) {
	if i < 0 || i >= len(d.toks) {
		return -1, 0
	}
	m := &d.memo[i]
	return d.cached(i, kKind, decisionKinds, &m.kind, &m.kn)
}

// wordClass maps a folded word to a bit set of the gazetteers and phrase
// sets it can start (or end), so that most look-ups are one bit test.
var (
	wordClass = map[string]uint64{}
	classBits uint
)

func newClassBit() uint64 {
	if classBits >= 64 {
		panic("extract: too many word classes")
	}
	b := uint64(1) << classBits
	classBits++
	return b
}

func markClass(word string, bit uint64) { wordClass[word] |= bit }

func (d *doc) hasClass(i int, bit uint64) bool {
	return i >= 0 && i < len(d.toks) && d.memo[i].cls&bit != 0
}

var (
	cSurname = newClassBit()
	cCount   = newClassBit()
)
