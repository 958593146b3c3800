package extract

import (
	"strings"

	"dxnews/article"
)

var decisionKinds = newLexicon()

// Symbol codes that name a document kind ("749/QĐ-TTg" is a Quyết định).
var kindCodes = map[string]string{
	"qđ": "Quyết định", "nq": "Nghị quyết", "nđ": "Nghị định", "ct": "Chỉ thị", "tt": "Thông tư",
	"kh": "Kế hoạch", "kl": "Kết luận", "hd": "Hướng dẫn", "tb": "Thông báo", "cv": "Công văn",
	"qđi": "Quy định", "ttlt": "Thông tư liên tịch",
}

// Symbol codes that name the issuer.
var issuerCodes = map[string]string{
	"ttg": "Thủ tướng Chính phủ", "cp": "Chính phủ", "tu": "Tỉnh ủy", "thu": "Thành ủy", "hu": "Huyện ủy",
	"ubnd": "UBND", "hđnd": "HĐND", "btttt": "Bộ Thông tin và Truyền thông", "bkhcn": "Bộ Khoa học và Công nghệ",
	"bnv": "Bộ Nội vụ", "btc": "Bộ Tài chính", "bca": "Bộ Công an", "bgdđt": "Bộ Giáo dục và Đào tạo",
	"byt": "Bộ Y tế", "nhnn": "Ngân hàng Nhà nước", "vpcp": "Văn phòng Chính phủ", "bkhđt": "Bộ Kế hoạch và Đầu tư",
	"bqp": "Bộ Quốc phòng", "btp": "Bộ Tư pháp", "bct": "Bộ Công Thương", "bxd": "Bộ Xây dựng",
}

func init() {
	for _, k := range []string{"Quyết định", "Nghị quyết", "Nghị định", "Chỉ thị", "Thông tư", "Thông tư liên tịch",
		"Luật", "Kế hoạch", "Đề án", "Chương trình", "Chiến lược", "Công văn", "Kết luận", "Quy định",
		"Hướng dẫn", "Thông báo", "Pháp lệnh"} {
		decisionKinds.add(k, k, "")
	}
	// Abbreviated kinds: "QĐ số 749/QĐ-TTg", "NQ 57-NQ/TW".
	// "Văn bản số 845/SNV-CCVC": a numbered letter without a type code.
	decisionKinds.add("Văn bản", "Công văn", "")
	decisionKinds.add("QĐ", "Quyết định", "abbr")
	decisionKinds.add("NQ", "Nghị quyết", "abbr")
	decisionKinds.add("NĐ", "Nghị định", "abbr")
}

func isDecisionKind(d *doc, i int) bool {
	p, _ := d.kindAt(i)
	return p >= 0
}

// decisionRef is one written reference to a numbered document.
type decisionRef struct {
	kind, number, symbol string
	start, end           int // token range of "Quyết định số 749/QĐ-TTg"
	textIssuer           bool
	dec                  article.Decision
}

// symbolParts splits "749/QĐ-TTg" into its number and codes.
func symbolParts(sym string) (num string, codes []string) {
	i := 0
	for i < len(sym) && sym[i] >= '0' && sym[i] <= '9' {
		i++
	}
	num = sym[:i]
	rest := sym[i:]
	for _, c := range strings.FieldsFunc(rest, func(r rune) bool { return r == '/' || r == '-' || r == '.' }) {
		codes = append(codes, c)
	}
	return num, codes
}

// cleanSymbol normalises a written symbol: no spaces, common typos fixed.
func cleanSymbol(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	s = strings.ReplaceAll(s, "Ọ", "Q")
	s = strings.ReplaceAll(s, "ọ", "q")
	return s
}

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

func hasLetter(s string) bool {
	for _, r := range s {
		if r > '9' && r != '/' && r != '-' && r != '.' {
			return true
		}
	}
	return false
}

// issuerFromSymbol names the issuer implied by a symbol's codes.
func issuerFromSymbol(kind, sym string) string {
	_, codes := symbolParts(sym)
	for k := len(codes) - 1; k >= 0; k-- {
		c := string(appendWordKey(nil, codes[k]))
		if c == "tw" {
			switch kind {
			case "Nghị quyết", "Kết luận":
				return "Bộ Chính trị"
			case "Chỉ thị", "Quyết định", "Quy định":
				return "Ban Chấp hành Trung ương"
			}
			return "Ban Chấp hành Trung ương"
		}
		if strings.HasPrefix(c, "qh") {
			return "Quốc hội"
		}
		if strings.HasPrefix(c, "bcđ") {
			return "Ban Chỉ đạo"
		}
		if v, ok := issuerCodes[c]; ok {
			return v
		}
	}
	return ""
}

var issueVerbs = []string{"ký ban hành", "ban hành", "ký", "ra", "phê duyệt", "có", "gửi"}

// decisionFinder carries what findDecisions needs from one document to
// the next.
type decisionFinder struct {
	d               *doc
	mainPlace       string
	orgs            []orgSpan
	orgKeys         [][]string        // match keys of orgs, filled on first need
	resolved        map[string]string // issuer as written → as resolved, one answer per text
	lastDecisionEnd int
}

// findDecisions returns every numbered document, references to the same
// kind and number merged.
func (d *doc) findDecisions(mainPlace string, orgs []orgSpan) []article.Decision {
	f := decisionFinder{d: d, mainPlace: mainPlace, orgs: orgs, resolved: map[string]string{}, lastDecisionEnd: -1}
	var out []article.Decision
	index := map[string]int{}
	oi := 0 // first organisation that may hold the next document
	for i := 0; i < len(d.toks); i++ {
		ref, ok := d.decisionAt(i)
		if !ok {
			continue
		}
		i = ref.end - 1
		for oi < len(orgs) && orgs[oi].end <= ref.start {
			oi++
		}
		if d.committeeHolds(orgs, oi, ref.start, ref.end) {
			continue // "Ban Chỉ đạo … chuyển đổi số và Đề án 06": part of a name
		}
		dec := f.decision(ref)
		key := ref.kind + "|" + strings.TrimLeft(ref.number, "0")
		if at, seen := index[key]; seen {
			mergeDecision(&out[at], dec)
			continue
		}
		index[key] = len(out)
		out = append(out, dec)
	}
	return out
}

// decision reads the date, issuer and subject around the reference.
func (f *decisionFinder) decision(ref decisionRef) article.Decision {
	d := f.d
	m := article.Mention{Start: int(d.toks[ref.start].start), End: int(d.toks[ref.end-1].end)}
	dec := article.Decision{Kind: ref.kind, Number: ref.number, Symbol: ref.symbol, Mentions: []article.Mention{m}}
	k := d.dateAndIssuerAfter(ref.end, &dec)
	// Date and issuer before: "ngày 5-8-2022, UBND tỉnh ban hành Kế hoạch …".
	if dec.Issuer == "" {
		dec.Issuer = d.issuerBefore(ref.start, f.lastDecisionEnd)
	}
	if dec.Date == "" {
		dec.Date = d.dateBefore(ref.start, f.lastDecisionEnd)
	}
	if dec.Issuer == "" && ref.symbol != "" {
		dec.Issuer = issuerFromSymbol(ref.kind, ref.symbol)
		if dec.Issuer == "UBND" || dec.Issuer == "HĐND" {
			dec.Issuer = d.councilIssuer(dec.Issuer, f.mainPlace, f.orgs)
		}
	}
	r, ok := f.resolved[dec.Issuer]
	if !ok {
		r = d.resolveIssuer(dec.Issuer, f.mainPlace, f.orgs, &f.orgKeys)
		f.resolved[dec.Issuer] = r
	}
	dec.Issuer = r
	dec.Subject = d.subjectAt(k)
	f.lastDecisionEnd = ref.end
	return dec
}

// dateAndIssuerAfter reads the date and "của"/"do" issuer after a
// document's number ending at k into dec, and returns where its subject
// may start.
func (d *doc) dateAndIssuerAfter(k int, dec *article.Decision) int {
	for step := 0; step < 3 && k < len(d.toks); step++ {
		before := k
		if d.punct(k, ",") {
			k++
		}
		if iso, n := d.dateAt(k); n > 0 && dec.Date == "" {
			dec.Date = iso
			k += n
			continue
		}
		if d.isAny(k, "của", "do") {
			if e, issuer := d.issuerAt(k + 1); e > 0 {
				dec.Issuer = issuer
				k = e
				continue
			}
		}
		return before // leave the comma to the subject reader
	}
	return k
}

// mergeDecision adds another reference to the same document: its mention,
// and what the first references left out.
func mergeDecision(o *article.Decision, dec article.Decision) {
	o.Mentions = append(o.Mentions, dec.Mentions...)
	if o.Symbol == "" {
		o.Symbol = dec.Symbol
	}
	if o.Issuer == "" {
		o.Issuer = dec.Issuer
	}
	if o.Date == "" {
		o.Date = dec.Date
	}
	if o.Subject == "" {
		o.Subject = dec.Subject
	}
}

// issuerAt reads an issuing organisation or office holder at token i.
func (d *doc) issuerAt(i int) (int, string) {
	if o := d.orgAt(i); o.end > 0 {
		return o.end, d.span(o.start, o.end)
	}
	if r, ok := d.titleAt(i, capitalOnly); ok {
		return r.end, d.span(i, r.end)
	}
	return 0, ""
}

// issuerBefore finds "X (đã|vừa) ban hành" right before token i.
func (d *doc) issuerBefore(i, floor int) string {
	j := i
	for _, v := range issueVerbs {
		n := seqLen(v)
		if d.seq(j-n, v) {
			j -= n
			for d.isAny(j-1, "đã", "vừa", "mới", "chính", "thức") {
				j--
			}
			// The longest organisation or title ending at j in this sentence.
			best := -1
			for s := j - 1; s >= 0 && s > floor && d.sameSentence(s, i) && j-s <= 12; s-- {
				if o := d.orgAt(s); o.end == j {
					best = s
				}
				if r, ok := d.titleAt(s, capitalOnly); ok && r.end == j {
					best = s
				}
			}
			if best >= 0 {
				return d.span(best, j)
			}
			return ""
		}
	}
	return ""
}

// dateBefore finds "ngày D/M/Y" earlier in the sentence of token i.
func (d *doc) dateBefore(i, floor int) string {
	for s := i - 1; s >= 0 && s > floor && d.sameSentence(s, i); s-- {
		if d.is(s, "ngày") {
			if iso, n := d.dateAt(s); n > 0 {
				return iso
			}
		}
	}
	return ""
}

var subjectMarkers = []string{"về việc", "v/v", "về", "phê duyệt", "thành lập", "ban hành", "kiện toàn", "quy định",
	"hướng dẫn", "triển khai", "nhằm", "sửa đổi", "bổ sung", "giao", "phân công", "công bố", "đôn đốc"}

// Verb phrases that end a subject: what the document does, not what it is
// about ("Nghị quyết 68 về kinh tế tư nhân | mở ra cơ hội").
var subjectEnds = newPhraseSet("được coi", "có hiệu lực", "mở ra", "tạo ra", "tạo điều kiện", "giúp", "cho thấy",
	"góp phần", "đặt ra", "yêu cầu", "được ban hành", "được thông qua")

// subjectAt reads "về việc …" / "phê duyệt …" right after a reference.
func (d *doc) subjectAt(k int) string {
	// "gửi các sở, ngành về việc …": an explicit "về việc" may come after a
	// short addressee list.
	if d.isAny(k, "gửi", "đến", "tới") {
	addressee:
		for j := k + 2; j < len(d.toks) && j < k+14 && !d.punct(j, ".") && !d.punct(j, ";") && !d.toks[j].is(fNL); j++ {
			for _, m := range subjectMarkers {
				if d.seq(j, m) && !d.seq(j, "về") || d.seq(j, "về việc") {
					k = j
					break addressee
				}
			}
		}
	}
	for gap := 0; gap < 3 && k < len(d.toks); gap++ {
		for _, m := range subjectMarkers {
			if !d.seq(k, m) {
				continue
			}
			s := k
			if m == "về việc" || m == "về" || m == "v/v" {
				s += seqLen(m)
			}
			e := s
			for e < len(d.toks) && e-s < 40 && !d.toks[e].is(fNL) {
				if d.isPunct(e) && d.isAny(e, ".", ";", "(", ":", "!", "?") || d.punct(e, ",") && (!(e+1 < len(d.toks) && !d.capOrAbbr(e+1)) || d.clauseAfter(e+1)) {
					break
				}
				if e > s && (d.startsAt(e, subjectEnds) > 0 || d.isAny(e, "là", "đã", "sẽ", "vừa", "nhằm")) && !d.seq(e-2, "nhỏ và vừa") {
					break
				}
				e++
			}
			if d.isAny(e-1, "này", "đó") {
				// "… trong các dịch vụ này": the rest of the sentence.
				for j := e - 2; j > s && j >= e-6; j-- {
					if d.isAny(j, "trong", "tại", "cho", "với", "đối") {
						e = j
						break
					}
				}
			}
			return d.span(s, e)
		}
		if d.isPunct(k) && !d.punct(k, ",") {
			return ""
		}
		if d.punct(k, ",") && d.clauseAfter(k+1) {
			return "" // "Đề án 06, giao Công an tỉnh …": a new clause
		}
		k++
	}
	return ""
}

// councilIssuer names the UBND (or HĐND) a symbol points to: the one the
// text names, else the one of the article's main place.
func (d *doc) councilIssuer(code, mainPlace string, orgs []orgSpan) string {
	want := aliasWords[phraseKey(code)]
	for _, o := range orgs {
		if o.end > o.headEnd && prefixOf(want, d.keysOf(nil, o.start, o.headEnd)) {
			return d.span(o.start, o.end)
		}
	}
	if mainPlace != "" {
		return code + " " + provinceWithPrefix(mainPlace)
	}
	return code
}

// Centrally-run cities: their council is "UBND thành phố X".
var centralCities = map[string]bool{"hà nội": true, "hải phòng": true, "đà nẵng": true, "cần thơ": true,
	"huế": true, "thành phố hồ chí minh": true}

// provinceWithPrefix writes a province as an issuer's place: "tỉnh Bắc
// Ninh", "thành phố Hà Nội", "TP.HCM" as written.
func provinceWithPrefix(p string) string {
	keys := matchKey(p)
	if len(keys) > 0 && (keys[0] == "tỉnh" || keys[0] == "thành") {
		return p
	}
	if strings.HasPrefix(p, "TP") {
		return p
	}
	if centralCities[strings.Join(keys, " ")] {
		return "thành phố " + p
	}
	return "tỉnh " + p
}

// resolveIssuer completes an anaphoric issuer ("UBND tỉnh", "Tỉnh ủy",
// "HĐND thành phố") with the place: the one named organisation that spells
// it out in the text, else the text's only province.
func (d *doc) resolveIssuer(issuer, province string, orgs []orgSpan, orgKeys *[][]string) string {
	if issuer == "" {
		return issuer
	}
	switch issuer[strings.LastIndexByte(issuer, ' ')+1:] {
	case "tỉnh", "Tỉnh", "phố", "Phố", "TP", "ủy", "uỷ", "UBND", "HĐND":
	default:
		return issuer
	}
	want := matchKey(issuer)
	last := want[len(want)-1]
	anaphoric := last == "tỉnh" || last == "phố" || len(want) == 1 && (last == "tỉnh ủy" || last == "thành ủy")
	if len(want) >= 2 && (want[len(want)-2]+" "+last == "tỉnh ủy" || want[len(want)-2]+" "+last == "thành ủy") {
		anaphoric = len(want) == 2
	}
	if !anaphoric {
		return issuer
	}
	found := ""
	if *orgKeys == nil {
		// Keys of the organisations that end with a place, once per text.
		*orgKeys = make([][]string, len(orgs))
		for x, o := range orgs {
			if o.end-o.start >= 2 && d.endsWithPlace(o.start, o.end) {
				(*orgKeys)[x] = d.keysOf(nil, o.start, o.end)
			}
		}
	}
	for x, o := range orgs {
		keys := (*orgKeys)[x]
		if len(keys) <= len(want) || !prefixOf(want, keys) {
			continue
		}
		name := d.span(o.start, o.end)
		if found != "" && phraseKey(found) != phraseKey(name) {
			return issuer // several: do not guess
		}
		found = name
	}
	if found != "" {
		return found
	}
	if province != "" {
		if len(want) == 2 && (want[0]+" "+want[1] == "tỉnh ủy" || want[0]+" "+want[1] == "thành ủy") {
			return issuer + " " + province
		}
		if keys := matchKey(province); len(keys) > 0 && (keys[0] == "tỉnh" || keys[0] == "thành") {
			// The province carries its own prefix: "Sở Nội vụ thành phố"
			// + "TP.HCM" = "Sở Nội vụ TP.HCM".
			words := strings.Fields(issuer)
			n := 1
			if len(words) > 2 && phraseKey(words[len(words)-2]) == "thành" {
				n = 2
			}
			return strings.Join(words[:len(words)-n], " ") + " " + province
		}
		return issuer + " " + province
	}
	return issuer
}

// endsWithPlace reports whether the tokens [s, e) end with a place name.
func (d *doc) endsWithPlace(s, e int) bool {
	for t := s + 1; t < e; t++ {
		if _, n := d.placeAt(t); n > 0 && t+n == e {
			return true
		}
		if n := d.unlistedPlace(t); n > 0 && t+n == e {
			return true
		}
	}
	return false
}

// Verbs and cues that show a comma opens a new clause rather than the
// next item of a subject ("…năm 2026, tỉnh phấn đấu …").
var clauseVerbs = newPhraseSet("phấn đấu", "đặt mục tiêu", "yêu cầu", "đề nghị", "giao cho", "đã", "sẽ", "cần",
	"phải", "đang", "vừa", "tiếp tục", "chỉ đạo", "ban hành", "cho biết", "nêu rõ",
	"khẳng định", "xác định", "theo đó", "trong đó", "đồng thời", "tuy nhiên", "nhờ đó", "qua đó")

// clauseAfter reports whether a new clause starts at token k: a connective
// right there, or a verb within a short subject's reach before the next
// punctuation mark.
func (d *doc) clauseAfter(k int) bool {
	if d.isAny(k, "giao", "trong", "đồng", "theo") && !d.seq(k, "giao dịch") {
		return true
	}
	for j := k; j < len(d.toks) && j < k+5; j++ {
		if d.isPunct(j) || d.toks[j].is(fNL) {
			return false
		}
		if d.startsAt(j, clauseVerbs) > 0 {
			return true
		}
	}
	return false
}

// committeeHolds reports whether the name of a committee among orgs[from:]
// (in text order) holds the tokens [s, e) after its start.
func (d *doc) committeeHolds(orgs []orgSpan, from, s, e int) bool {
	for k := from; k < len(orgs) && k < from+3; k++ {
		o := orgs[k]
		if o.start < s && o.end >= e && o.committee != 0 {
			return true
		}
	}
	return false
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
