package extract

// Targets are read the way a plan states them: headings, lead-ins and goal
// sentences open scopes over the outline, each with a modality (goal,
// achieved or neutral) and a horizon year; a value counts as a target when
// the innermost scope that says anything says "goal" and its own clause
// does not say "achieved"; its year is the one nearest it in its own
// clause, else its list item, else its sentence, else the innermost scope
// that has one, up to the plan's own horizon stated in the title or the
// opening.

type modality int8

const (
	neutral  modality = 0
	goal     modality = 1
	achieved modality = -1
)

type scopeKind uint8

const (
	scopeDoc      scopeKind = iota // the plan a text reports, from its title or opening
	scopeHeading                   // a heading line, up to the next heading of its level
	scopeLeadIn                    // a line ending in ":", over its list
	scopeLine                      // "Mục tiêu cụ thể: …" up to the end of its line
	scopeSentence                  // a goal sentence and the sentences that continue it
)

var scopeNames = [...]string{"plan", "heading", "lead-in", "lead-in", "sentence"}

type scope struct {
	kind       scopeKind
	level      int8 // heading level
	child      int8 // smallest heading level seen inside a lead-in
	mod        modality
	modS, modE int // tokens that gave the modality, or -1
	year       string
	yearTok    int // token of the year, or -1
	from, to   int // the opener's tokens
	items      bool
	plain      bool // the list's items are plain lines
	apart      bool // blank lines separate the list's items
	line       int
}

// Continuation words carry a goal sentence on to the next one.
var continuations = newPhraseSet("cụ thể", "trong đó", "theo đó", "cụ thể là", "bao gồm", "bên cạnh đó", "đồng thời")

// Documents whose horizon dates the goals an article lists from them.
var planNouns = newPhraseSet("kế hoạch", "chương trình", "đề án", "chiến lược", "quy hoạch", "nghị quyết")
