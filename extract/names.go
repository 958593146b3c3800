package extract

// honorificLen returns the number of tokens of an honorific ending just
// before token i ("ông", "bà", "đồng chí", "GS.TS"), or 0.
var honorifics = newPhraseSet("ông", "bà", "anh", "chị", "cô", "chú", "đ/c", "gs", "pgs", "ts", "ths", "gs.ts",
	"pgs.ts", "bs", "ls", "ks", "nsưt", "nsnd", "đồng chí", "tiến sĩ", "thạc sĩ", "giáo sư", "luật sư", "bác sĩ",
	"nhà báo", "ts .", "ths .", "gs .", "pgs .", "bs .")

func (d *doc) honorificBefore(i int) int {
	return d.endsAt(i-1, honorifics)
}

// honorificAt returns the number of tokens of an honorific starting at i.
func (d *doc) honorificAt(i int) int {
	for n := 1; n <= 3; n++ {
		if d.honorificBefore(i+n) == n {
			return n
		}
	}
	return 0
}

// nameLen returns the number of tokens of a person's full name starting at
// token i: a Vietnamese family name (or an honorific before it) followed by
// one to four capitalised given-name syllables. Places, titles and
// organisation heads are never names.
func (d *doc) nameLen(i int) int {
	if i < 0 || i >= len(d.toks) {
		return 0
	}
	m := &d.memo[i]
	if m.name < 0 {
		m.name = int8(d.computeNameLen(i))
	}
	return int(m.name)
}

// Words after which a personal name names a street, school or place
// ("đường Lê Duẩn", "Trường THPT Nguyễn Huệ").
var namedAfter = newPhraseSet("đường", "phố", "tuyến", "cầu", "trường", "giải", "chợ", "hẻm", "ngõ", "ngách", "bến", "cảng", "đại lộ",
	"quảng trường", "thpt", "thcs", "tiểu học", "công viên", "khu", "ấp", "thôn", "bản", "làng", "sân bay",
	"tàu", "tòa nhà")

func (d *doc) computeNameLen(i int) int {
	if !d.capWord(i) {
		return 0
	}
	// "Trường Nguyễn Huệ" is a school, but "Sở Nông nghiệp và Môi trường
	// Phan Xuân Lĩnh" ends with a person.
	if d.endsAt(i-1, namedAfter) > 0 && d.honorificBefore(i) == 0 && !d.seq(i-2, "thành phố") &&
		!(d.is(i-1, "trường") && d.isAny(i-2, "môi", "thị", "hiện", "lập")) {
		return 0
	}
	if _, n := d.placeAt(i); n > 0 {
		return 0
	}
	if p, _ := d.title(i); p >= 0 {
		return 0
	}
	if p, _ := d.orgHead(i); p >= 0 {
		return 0
	}
	if isDecisionKind(d, i) {
		return 0
	}
	if d.honorificAt(i) > 0 {
		return 0
	}
	if !d.hasClass(i, cSurname) && d.honorificBefore(i) == 0 {
		return 0
	}
	j := i + 1
	for j < len(d.toks) && j-i < 6 && d.capWord(j) && !d.toks[j].is(fNL) {
		if p, _ := d.title(j); p >= 0 {
			break
		}
		if p, n := d.orgHead(j); p >= 0 && !(n == 1 && d.isAny(j, "trường", "hội")) {
			// "Trường" and "Hội" are also given names ("Lê Nguyễn Trường Giang").
			break
		}
		if j-i >= 2 {
			if _, n := d.placeAt(j); n > 0 {
				break
			}
		}
		j++
	}
	if j-i < 2 || j-i > 5 {
		return 0
	}
	k := i
	for k > 0 && i-k < 2 && d.capWord(k-1) && !d.toks[k].is(fNL) {
		k-- // "TP. Buôn Ma Thuột": the run started after the prefix
	}
	if j-i == 2 && (d.unitBefore(k) || d.inPlaceList(i)) {
		return 0 // "huyện Vũ Thư", "TP. Buôn Ma Thuột"
	}
	return j - i
}

// unitBefore reports whether an administrative prefix below a province
// ("xã", "huyện", "TP.") comes right before token i with no title before
// it: what follows names a place ("Chủ tịch xã Lò Văn Bình" is a person).
func (d *doc) unitBefore(i int) bool {
	pre := d.endsAt(i-1, placePrefixes)
	if pre == 0 || d.is(i-pre, "tỉnh") || d.capOrAbbr(i-pre) && !d.is(i-pre, "tp") || d.honorificBefore(i) > 0 {
		return false
	}
	for k := max(i-pre-4, 0); k < i-pre; k++ {
		if p, n := d.title(k); p >= 0 && k+n == i-pre {
			return false
		}
	}
	return true
}

func (d *doc) nameStart(i int) bool { return d.nameLen(i) > 0 }
