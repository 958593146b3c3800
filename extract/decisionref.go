package extract

import "strings"

// decisionAt parses a numbered document reference at token i.
func (d *doc) decisionAt(i int) (decisionRef, bool) {
	if p, n := d.kindAt(i); p >= 0 {
		return d.kindedDecisionAt(i, p, n)
	}
	return d.bareSymbolAt(i)
}

// kindedDecisionAt parses a reference starting with the n tokens of the
// kind phrase p at i: "Quyết định số 749/QĐ-TTg", "Kế hoạch 215".
func (d *doc) kindedDecisionAt(i, p, n int) (decisionRef, bool) {
	j := i + n
	ph := decisionKinds.phrases[p]
	capital := d.toks[i].is(fCap) && ph.flags == ""
	if ph.flags == "abbr" && d.word(i) != ph.text {
		return decisionRef{}, false // "qđ" is not "QĐ"
	}
	if capital && !d.isAny(j, "số", "sô") && (j >= len(d.toks) || !d.toks[j].is(fNum)) {
		j = d.namedDocumentNumber(j)
	}
	numbered := false
	if d.isAny(j, "số", "sô") {
		j++
		numbered = true
		if d.punct(j, ":") {
			j++
		}
	}
	if j >= len(d.toks) || !d.toks[j].is(fNum) || d.toks[j].is(fNL) {
		return decisionRef{}, false
	}
	w := d.word(j)
	end := j + 1
	if d.punct(j+1, "/") && d.capOrAbbr(j+2) {
		w = w + "/" + d.word(j+2)
		end = j + 3
	}
	num, codes := symbolParts(w)
	if num == "" || strings.ContainsAny(w, "%,") {
		return decisionRef{}, false
	}
	hasSym := len(codes) > 0 && hasLetter(w)
	if !hasSym && d.notDocumentNumber(w, num, end, numbered, capital) {
		return decisionRef{}, false
	}
	sym := ""
	if hasSym {
		sym = cleanSymbol(w)
	}
	return decisionRef{kind: ph.value, number: num, symbol: sym, start: i, end: end}, true
}

// namedDocumentNumber returns where the number of a named document whose
// name starts at j is ("Luật Chuyển đổi số số 148/2025/QH15": at the
// second "số"), or j when no number follows within its name.
func (d *doc) namedDocumentNumber(j int) int {
	for k := j; k < len(d.toks) && k < j+10 && !d.isPunct(k) && !d.toks[k].is(fNL); k++ {
		if _, kn := d.kindAt(k); kn > 0 && d.toks[k].is(fCap) {
			return j // "Kế hoạch triển khai Quyết định số 131/QĐ-TTg": the number is the other's
		}
		if d.isAny(k, "số", "sô") && k+1 < len(d.toks) && d.toks[k+1].is(fNum) && strings.ContainsAny(d.word(k+1), "/-") && hasLetter(d.word(k+1)) {
			return k
		}
		if d.isAny(k, "số", "sô") && k <= j+2 && k+1 < len(d.toks) && d.toks[k+1].is(fNum) && d.lowerRun(j, k) {
			return k // "Chương trình hành động số 38"
		}
	}
	return j
}

// notDocumentNumber reports whether w, a number without a symbol ending
// at end, is not a document's number: without "số" it must follow a
// capitalised kind, be short and not a year, and not count something
// ("Kế hoạch 5 năm"); a bare number has no "/", "-" or ".".
func (d *doc) notDocumentNumber(w, num string, end int, numbered, capital bool) bool {
	if !numbered && (!capital || yearValue(num) > 0 || len(num) > 5) {
		return true
	}
	if strings.ContainsAny(w, "/-.") {
		return true
	}
	return !numbered && d.isAny(end, "năm", "tháng", "ngày", "nhiệm", "mục", "thành", "văn", "quyết", "kế", "người", "tỷ", "triệu", "nghìn", "ngàn")
}

// bareSymbolAt parses a symbol without a kind word: "theo 749/QĐ-TTg".
func (d *doc) bareSymbolAt(i int) (decisionRef, bool) {
	if i >= len(d.toks) || !d.toks[i].is(fNum) {
		return decisionRef{}, false
	}
	w := d.word(i)
	if !strings.ContainsAny(w, "/-") || !hasLetter(w) {
		return decisionRef{}, false
	}
	num, codes := symbolParts(w)
	if num == "" || len(codes) < 2 || len(num) == len(w) || w[len(num)] != '/' && w[len(num)] != '-' {
		return decisionRef{}, false
	}
	for _, c := range codes {
		if k, ok := kindCodes[string(appendWordKey(nil, c))]; ok {
			return decisionRef{kind: k, number: num, symbol: cleanSymbol(w), start: i, end: i + 1}, true
		}
	}
	// "1875/UBND-VX": an issuer followed by the drafting unit is a Công văn.
	if _, ok := issuerCodes[string(appendWordKey(nil, codes[0]))]; ok {
		return decisionRef{kind: "Công văn", number: num, symbol: cleanSymbol(w), start: i, end: i + 1}, true
	}
	return decisionRef{}, false
}

// lowerRun reports whether the tokens [s, e) are lower-case words.
func (d *doc) lowerRun(s, e int) bool {
	for k := s; k < e; k++ {
		if d.toks[k].flags&(fCap|fUpper|fPunct|fNum) != 0 {
			return false
		}
	}
	return true
}
