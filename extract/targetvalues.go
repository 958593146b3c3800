package extract

import (
	"dxnews/article"
	"strings"
)

// values reads the goal values of the sentence [b, e) from start to lim.
func (w *targetWalk) values(l oline, b, e, start, lim int, cue scope, sy string, syTok int) {
	d := w.d
	dead := false // inside a clause an achieved cue opened
	for v := start; v < lim; v++ {
		if d.punct(v, ";") {
			dead = false
			continue
		}
		if v > start && d.achievedAt(v) {
			dead = true
			continue
		}
		if dead && d.startsAt(v, goalCues) > 0 && d.firstCue(v, min(v+4, e)) == v {
			dead = false
		}
		if dead || w.skip[v] {
			continue
		}
		value, ve, ok := d.goalValue(v, b, e, start)
		if !ok || d.achievedInItem(ve, e) {
			continue
		}
		qual, qs := d.qualifierBefore(v)
		metric, ms, me := d.metric(v, ve, qs, b, e)
		year, ys := w.valueYear(l, v, ve, b, e, sy, syTok)
		if (ys.Kind == "clause" || ys.Kind == "item") && w.beforeHorizon(year, ys, b, v, sy, syTok) {
			continue // "(năm 2025 đạt 80%)" in a plan for 2026: the baseline
		}
		from, to := v, ve
		if ms >= 0 && ms < from {
			from = ms
		}
		to = max(to, me)
		if len(w.out) > 0 && (strings.HasSuffix(metric, " này") || strings.HasSuffix(metric, " trên")) && anaphoricMetric[phraseKey(metric)] {
			metric = w.out[len(w.out)-1].Metric // "đến năm 2030, tỷ lệ này đạt 90%"
		}
		m := article.Mention{Start: int(d.toks[from].start), End: int(d.toks[to-1].end)}
		if at := sameTarget(w.out[:w.nLead], value, year, metric); at >= 0 {
			// The body restating a goal of the title or the lead.
			enrich(&w.out[at], qual, metric)
			w.out[at].Mentions = append(w.out[at].Mentions, m)
			v = ve - 1
			continue
		}
		w.out = append(w.out, article.Target{
			Value: value, Qualifier: qual, Metric: metric, Year: year, Scope: w.scopeIn(b, e, v),
			Mentions: []article.Mention{m},
		})
		if m.Start < w.leadEnd {
			w.nLead = len(w.out)
		}
		if w.explain {
			w.ev = append(w.ev, w.evidence(value, year, cue, ys))
		}
		v = ve - 1
	}
}

// scopeIn names the place a target at v in the sentence [b, e) applies
// to: the first place named in the sentence before the value, else the
// text's main place. The sentence is searched once.
func (w *targetWalk) scopeIn(b, e, v int) string {
	d := w.d
	if w.placeOf != b {
		w.placeOf, w.placeS, w.placeE = b, -1, -1
		for k := b; k < e; k++ {
			if _, n := d.placeAt(k); n > 0 && !d.inName(k) {
				w.placeS, w.placeE = k, k+n
				break
			}
		}
	}
	if w.placeS >= 0 && w.placeS < v {
		return d.span(w.placeS, w.placeE)
	}
	return w.place
}
