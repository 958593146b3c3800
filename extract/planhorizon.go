package extract

// planHorizon opens the document scope: the horizon of the plan a text
// reports, stated in its title ("Kế hoạch chuyển đổi số năm 2026",
// "Đến năm 2025, …") or near a plan's name in its opening ("phê duyệt
// Chương trình … đến năm 2025, định hướng đến năm 2030" gives 2025).
func (d *doc) planHorizon(lines []oline) scope {
	sc := scope{kind: scopeDoc, modS: -1, yearTok: -1, from: -1}
	if len(lines) == 0 {
		return sc
	}
	t := lines[0]
	if d.firstCue(t.s, t.e) >= 0 || d.hasPhrase(t.s, t.e, planNouns) {
		if y, k := d.firstYear(t.s, t.e); y != "" {
			sc.year, sc.yearTok, sc.from, sc.to = y, k, t.s, t.e
			return sc
		}
	}
	n := 0
	for _, l := range lines[1:] {
		for k := l.s; k < l.e; k++ {
			if n++; n > 150 {
				return sc
			}
			if p := d.startsAt(k, planNouns); p > 0 {
				for j := k + p; j < l.e && j < k+40 && d.sameSentence(k, j); j++ {
					if d.startsAt(j, planNouns) > 0 && j > k+p {
						break
					}
					if y := d.yearAt(j); y != "" {
						sc.year, sc.yearTok, sc.from, sc.to = y, j, k, j+1
						return sc
					}
				}
			}
		}
	}
	return sc
}

// leadEnd returns the byte offset where the title and the lead end: the
// lead is the first line of the body (after a "SOURCE:" line) when it is
// short enough to be a summary.
func (d *doc) leadEnd(lines []oline) int {
	if len(lines) == 0 {
		return 0
	}
	end := int(d.toks[lines[0].e-1].end)
	for _, l := range lines[1:] {
		if d.skipLine(l) {
			continue
		}
		if l.e-l.s <= 60 {
			end = int(d.toks[l.e-1].end)
		}
		break
	}
	return end
}

// skipLine reports whether a line is page furniture before the body: a
// "SOURCE:" line or a lone punctuation mark.
func (d *doc) skipLine(l oline) bool {
	return d.seq(l.s, "source") && d.punct(l.s+1, ":") || l.e-l.s == 1 && d.isPunct(l.s)
}
