package extract

import "strings"

// valueYear finds the year of the value [v, ve): nearest it in its own
// clause (before, then after), else before it in its list item, else the
// sentence's, else the innermost scope's.
func (w *targetWalk) valueYear(l oline, v, ve, b, e int, sy string, syTok int) (string, Span) {
	d := w.d
	a, c := d.clauseAt(v, b, e)
	if d.punct(a-1, ":") && a-1-l.body <= 5 && a-1 > l.body {
		a = l.body // "- Năm 2022: 94 xã": the item's label dates it
	}
	kb, ka := -1, -1
	for k := v - 1; k >= a && kb < 0; k-- {
		if d.yearAt(k) != "" {
			kb = k
		}
	}
	for k := ve; k < c && ka < 0; k++ {
		if d.yearAt(k) != "" {
			ka = k
		} else if d.toks[k].is(fNum) && yearValue(d.word(k)) == 0 {
			break // the next figure's year
		}
	}
	// "80% … vào năm 2025 và tới 100% … vào năm 2030": a year after an
	// earlier figure is that figure's; the one after the value is its own.
	if kb >= 0 && (ka < 0 || !d.hasFigure(a, kb)) {
		return d.yearAt(kb), w.yearSpan("clause", kb)
	}
	if ka >= 0 {
		return d.yearAt(ka), w.yearSpan("clause", ka)
	}
	ia, _ := d.itemAt(v, b, e)
	for k := a - 1; k >= ia; k-- {
		if y := d.yearAt(k); y != "" {
			return y, w.yearSpan("item", k)
		}
	}
	if sy != "" && (syTok >= ia || d.leadYear(syTok, b) || d.colonBetween(syTok, v)) {
		return sy, w.yearSpan("sentence", syTok)
	}
	if i := w.innermostYear(); i >= 0 {
		sc := w.stack[i]
		if sc.yearTok >= 0 {
			return sc.year, w.yearSpan(scopeNames[sc.kind], sc.yearTok)
		}
		return sc.year, Span{Kind: scopeNames[sc.kind]}
	}
	return "", Span{}
}

// beforeHorizon reports whether a value's own year (from ys) comes before
// the period its sentence or scope sets, when that period has a start: a
// plan "năm 2026" or "giai đoạn 2026–2030", not "đến năm 2030" whose
// milestones may come earlier. A year after "đến" or "tới" is a goal's.
func (w *targetWalk) beforeHorizon(year string, ys Span, b, v int, sy string, syTok int) bool {
	d := w.d
	if strings.Contains(ys.Text, "đến") || strings.Contains(ys.Text, "tới") {
		return false
	}
	k := -1
	if sy != "" && (d.leadYear(syTok, b) || d.colonBetween(syTok, v)) {
		k = syTok
	} else if i := w.innermostYear(); i >= 0 {
		k = w.stack[i].yearTok
	}
	start := d.periodStart(k)
	return start != "" && year < start
}

// periodStart returns the first year of the period stated at token k
// ("năm 2026" → 2026, "giai đoạn 2026–2030" → 2026), or "" when the year
// is a deadline ("đến năm 2030") or there is none.
func (d *doc) periodStart(k int) string {
	if k < 0 || d.yearAt(k) == "" {
		return ""
	}
	j := k - 1
	if d.is(j, "năm") {
		j--
	}
	if d.isAny(j, "đến", "tới", "hết") || d.isAny(j-1, "đến", "tới") && d.is(j, "hết") {
		return ""
	}
	w := d.word(k)
	if a, _, ok := strings.Cut(w, "-"); ok && yearValue(a) > 0 {
		return a
	}
	if yearValue(w) > 0 {
		return w
	}
	return ""
}
