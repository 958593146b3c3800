package extract

var placePrefixes = newPhraseSet("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "đặc khu", "tp", "tp .")

// placePrefixAt returns the length of an administrative prefix ("tỉnh",
// "thành phố", "TP.") at token i.
func (d *doc) placePrefixAt(i int) int {
	return d.startsAt(i, placePrefixes)
}

// placeAt returns the length of a capitalised place name at token i.
func (d *doc) placeAt(i int) (int, int) {
	if i < 0 || i >= len(d.toks) {
		return -1, 0
	}
	m := &d.memo[i]
	if m.known&kPlace == 0 {
		p, n := d.placeMatch(i)
		m.place, m.pn = int16(p), int8(n)
		m.known |= kPlace
	}
	return int(m.place), int(m.pn)
}

func (d *doc) placeMatch(i int) (int, int) {
	if !(d.toks[i].is(fCap) || d.toks[i].is(fUpper)) {
		return -1, 0
	}
	p, n := places.match(d, i)
	if p < 0 {
		return -1, 0
	}
	// Every word of a multi-word place is capitalised ("Hòa Bình", not
	// "Hòa bình"), except regional names listed in lower case.
	ph := places.phrases[p]
	for k := 1; k < n; k++ {
		t := d.toks[i+k]
		if t.is(fPunct) {
			continue
		}
		wantCap := ph.caps&(1<<k) != 0
		if wantCap && !(t.is(fCap) || t.is(fUpper)) {
			return -1, 0
		}
	}
	return p, n
}
