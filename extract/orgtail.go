package extract

// tailWalk is orgTail's walk over the words after an organisation's head.
type tailWalk struct {
	d           *doc
	k           int // the word being read
	start       int // the first word after the head (and its number)
	headEnd     int
	descriptive bool // a head whose name describes a task ("Ban Chỉ đạo …")
	lower       int  // lower-case words taken so far
	inList      bool // inside a comma list of topics
	limit       int  // lower-case words a descriptive name may hold
}

// tailMove is what a tail rule says of the word at the walk's position.
type tailMove uint8

const (
	tailPass tailMove = iota // the rule does not apply: ask the next one
	tailGo                   // the name goes on from the walk's new position
	tailEnd                  // the name ends where the rule says
)

// tailRule is one named case of orgTail. It reads the word at w.k and
// either passes, moves w.k on (tailGo), or ends the name at the returned
// token (tailEnd).
type tailRule struct {
	name  string
	apply func(w *tailWalk) (end int, move tailMove)
}

// orgTailRules are the rules asked, in order, about each word after an
// organisation's head: the first that does not pass decides. The common
// rules come first, then those of the word's kind: punctuation, a
// capitalised word or abbreviation, or another word. Each rule has a row
// in TestOrgTailRules that fails without it.
var orgTailRules = [...]*[]tailRule{&commonTailRules, &punctTailRules, &capitalTailRules, &lowerTailRules}

// commonTailRules read any word.
var commonTailRules = []tailRule{
	{"line break ends", endAtLineBreak},
	{"title ends", endAtTitle},
	{"person's name ends", endAtPersonName},
}

// orgTail extends an organisation name from token k.
func (d *doc) orgTail(k, headEnd int, descriptive bool) int {
	w := d.newTailWalk()
	*w = tailWalk{d: d, k: k, start: k, headEnd: headEnd, descriptive: descriptive, limit: 10}
	end := w.k
	for w.k < len(d.toks) && w.k-w.start < 24 {
		var ok bool
		if end, ok = w.step(); ok {
			break
		}
		end = w.k
	}
	w.d = nil // the walk outlives the doc in the scratch pool
	d.tailDepth--
	return end
}

// newTailWalk returns a walk for orgTail from the scratch's stack of them:
// the rules take the walk through function values, so a walk on the
// call's own stack would be allocated on every call.
func (d *doc) newTailWalk() *tailWalk {
	ws := d.tailWalks
	if d.tailDepth == len(*ws) {
		*ws = append(*ws, new(tailWalk))
	}
	d.tailDepth++
	return (*ws)[d.tailDepth-1]
}

// step asks the rules about the word at w.k. It reports the name's end
// when a rule ends it; otherwise a rule has moved w.k on.
func (w *tailWalk) step() (int, bool) {
	if end, move := applyTailRules(w, commonTailRules); move != tailPass {
		return end, move == tailEnd
	}
	rules := lowerTailRules
	switch t := w.d.toks[w.k]; {
	case t.is(fPunct):
		rules = punctTailRules
	case w.d.capOrAbbr(w.k):
		rules = capitalTailRules
	}
	if end, move := applyTailRules(w, rules); move != tailPass {
		return end, move == tailEnd
	}
	return w.takeLower()
}

// applyTailRules asks rules in order until one does not pass.
func applyTailRules(w *tailWalk, rules []tailRule) (int, tailMove) {
	for _, r := range rules {
		if end, move := r.apply(w); move != tailPass {
			return end, move
		}
	}
	return 0, tailPass
}

// goTo moves the walk to token k.
func (w *tailWalk) goTo(k int) (int, tailMove) {
	w.k = k
	return 0, tailGo
}

// stop ends the name before the current word.
func (w *tailWalk) stop() (int, tailMove) { return w.k, tailEnd }

// stopIf ends the name before the current word when cond holds, and
// passes otherwise.
func (w *tailWalk) stopIf(cond bool) (int, tailMove) {
	if cond {
		return w.stop()
	}
	return 0, tailPass
}

// takeLower takes the current lower-case word into the name.
func (w *tailWalk) takeLower() (int, bool) {
	w.lower++
	w.k++
	return 0, false
}

func endAtLineBreak(w *tailWalk) (int, tailMove) {
	return w.stopIf(w.d.toks[w.k].is(fNL))
}

func endAtTitle(w *tailWalk) (int, tailMove) {
	tp, _ := w.d.title(w.k)
	return w.stopIf(tp >= 0 && w.k != w.headEnd)
}

func endAtPersonName(w *tailWalk) (int, tailMove) {
	return w.stopIf(w.d.nameStart(w.k))
}
