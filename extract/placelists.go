package extract

// listedPlace returns the length of a capitalised place name continuing a
// list opened by a plural prefix ("các phường Ninh Kiều, Cái Răng và …")
// at i, where from is the token after the previous place of the list.
func (d *doc) listedPlace(i, from int) int {
	if !d.capWord(i) || !d.listOpener(i-1) && (from < 0 || i-1 != from || !(d.punct(i-1, ",") || d.is(i-1, "và"))) {
		return 0
	}
	if d.nameLen(i) > 0 {
		return 0
	}
	n, stopped := d.capitalRun(i)
	if stopped || d.capWord(i+n) {
		return 0
	}
	return n
}

// listOpener reports whether token k is the ":" of "các huyện:", which
// opens a list of places.
func (d *doc) listOpener(k int) bool {
	if !d.punct(k, ":") {
		return false
	}
	pl := d.endsAt(k-1, placePrefixes)
	return pl > 0 && d.isAny(k-1-pl, "các", "hai", "ba", "bốn")
}

// inPlaceList reports whether token i follows, through a run of short
// capitalised items separated by commas, a list opener such as "các
// huyện:" or "các xã": "Quan Hoá" there is a district, not a person.
func (d *doc) inPlaceList(i int) bool {
	k := i - 1
	for items := 0; items < 16 && k > 0; items++ {
		if d.listOpener(k) {
			return true
		}
		if !d.punct(k, ",") && !d.is(k, "và") {
			if pl := d.endsAt(k, placePrefixes); pl > 0 && d.isAny(k-pl, "các", "hai", "ba", "bốn") {
				return true
			}
			return false
		}
		k--
		for n := 0; n < 4 && k > 0 && d.capWord(k); n++ {
			k--
		}
		if d.capWord(k) {
			return false
		}
	}
	return false
}

// unlistedPlace returns the length of a capitalised place name that is not
// in the gazetteer but follows an administrative prefix: "xã Tam Thăng",
// "TP Tam Kỳ", "huyện Gia Lâm".
func (d *doc) unlistedPlace(i int) int {
	if !d.capWord(i) {
		return 0
	}
	pre := d.endsAt(i-1, placePrefixes)
	if pre == 0 || d.capOrAbbr(i-pre) && !d.is(i-pre, "tp") {
		return 0
	}
	if d.nameLen(i) > 0 {
		return 0
	}
	n, _ := d.capitalRun(i)
	for k := 1; k < n; k++ {
		if d.nameLen(i+k) > 2 {
			n = k // "phường Hạc Thành Nguyễn Văn Tuấn"
			break
		}
	}
	if n > 0 && d.capWord(i+n) && !d.nameStart(i+n) {
		return 0 // a longer capitalised run is something else
	}
	return n
}

// capitalRun counts the capitalised words from i, three at most, up to a
// line break or a word that starts a title or an organisation, and
// reports whether such a word ended it.
func (d *doc) capitalRun(i int) (n int, titleOrOrg bool) {
	for n < 3 && d.capWord(i+n) && !d.toks[i+n].is(fNL) {
		if d.titleOrOrgHead(i + n) {
			return n, true
		}
		n++
	}
	return n, false
}
