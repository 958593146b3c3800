package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestTokenizeKeepsAbbreviationsAndNumbers(t *testing.T) {
	text := "UBND TP.HCM, Sở TT&TT ban hành 749/QĐ-TTg; đạt 0,75 và 30-60%, ngày 6.1.2022."
	toks := tokenize(nil, text)
	var words []string
	for _, tk := range toks {
		words = append(words, text[tk.start:tk.end])
	}
	got := strings.Join(words, "|")
	want := "UBND|TP.HCM|,|Sở|TT&TT|ban|hành|749/QĐ-TTg|;|đạt|0,75|và|30-60%|,|ngày|6.1.2022|."
	if got != want {
		t.Fatalf("tokens\n got %s\nwant %s", got, want)
	}
}

func TestFoldTonePlacement(t *testing.T) {
	cases := map[string]string{"Hoà": "hòa", "UỶ": "ủy", "Thanh Hoá": "thanh hóa", "toàn": "toàn", "quý": "quý", "TT&TT": "tt&tt"}
	for in, want := range cases {
		if got := phraseKey(in); got != want {
			t.Errorf("phraseKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDates(t *testing.T) {
	cases := map[string]string{
		"ngày 24/9/2021":           "2021-09-24",
		"ngày 31-3-2022":           "2022-03-31",
		"6.1.2022":                 "2022-01-06",
		"ngày 06 tháng 5 năm 2022": "2022-05-06",
		"ngày 32/1/2022":           "",
		"ngày 18.1":                "",
	}
	for in, want := range cases {
		d := newDoc(in, tokenize(nil, in))
		if got, _ := d.dateAt(0); got != want {
			t.Errorf("dateAt(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProvinceAfter2025(t *testing.T) {
	cases := map[string]string{"Hà Giang": "Tuyên Quang", "Bình Dương": "TP.HCM", "Thanh Hoá": "Thanh Hóa",
		"Thừa Thiên Huế": "Huế", "Kon Tum": "Quảng Ngãi", "Bà Rịa - Vũng Tàu": "TP.HCM", "TPHCM": "TP.HCM"}
	for in, want := range cases {
		if got, ok := ProvinceAfter2025(in); !ok || got != want {
			t.Errorf("ProvinceAfter2025(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ProvinceAfter2025("Paris"); ok {
		t.Error("ProvinceAfter2025 accepted an unknown place")
	}
	if n := len(provinces); n != 63 {
		t.Errorf("%d provinces in the 63-province map", n)
	}
	seen := map[string]bool{}
	for _, v := range merged34 {
		seen[v] = true
	}
	if len(seen) != 34 {
		t.Errorf("%d provinces in the 34-province map", len(seen))
	}
}

func TestMatchKeyExpandsAliases(t *testing.T) {
	same := [][2]string{
		{"Sở TT&TT TP.HCM", "Sở Thông tin và Truyền thông Thành phố Hồ Chí Minh"},
		{"UBND TP HCM", "Ủy ban nhân dân TPHCM"},
		{"Sở KH&CN", "sở khoa học và công nghệ"},
		{"Ủy viên BCH T.Ư Đảng", "Ủy viên Ban Chấp hành Trung ương Đảng"},
		{"Thông tin - Truyền thông", "Thông tin và Truyền thông"},
	}
	for _, c := range same {
		if a, b := strings.Join(matchKey(c[0]), " "), strings.Join(matchKey(c[1]), " "); a != b {
			t.Errorf("matchKey(%q) = %q, matchKey(%q) = %q", c[0], a, c[1], b)
		}
	}
}

// TestNoPeopleWithoutNames checks that an office held by no one named, and
// streets and schools named after people, give no person.
func TestNoPeopleWithoutNames(t *testing.T) {
	for _, s := range []string{
		"Giám đốc Sở Nội vụ làm Phó Trưởng ban. Chủ tịch UBND huyện chủ trì cuộc họp.",
		"Trung tâm mới đặt tại số 12 đường Lê Duẩn, gần Trường THPT Nguyễn Huệ và chợ Bà Chiểu.",
	} {
		if e := Entities(s); len(e.People) != 0 {
			t.Errorf("%q gave people %+v, want none", s, e.People)
		}
	}
}

func TestEmptyAndOddInputs(t *testing.T) {
	for _, s := range []string{"", " ", "\n\n", "%", "Quyết định số", "ông", "0,", "TP.", string([]byte{0xff, 0xfe, 'a'})} {
		e := Entities(s)
		if e.People == nil || e.Decisions == nil || e.Targets == nil || e.Organizations == nil || e.Locations == nil {
			t.Errorf("nil slice for %q", s)
		}
	}
}

func TestEntitiesNormalisesToNFC(t *testing.T) {
	// "Hoàng Văn Nam" written with combining marks (NFD).
	nfd := "Ông Hoa\u0300ng Va\u0306n Nam, Gia\u0301m đô\u0301c Sở Nội vụ."
	e := Entities(nfd)
	if len(e.People) != 1 || e.People[0].Name != "Hoàng Văn Nam" {
		t.Fatalf("people = %+v", e.People)
	}
	if !utf8.ValidString(e.People[0].Name) {
		t.Fatal("invalid UTF-8 name")
	}
}

func TestEvalScoresSyntheticCorpus(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "articles")
	gold := filepath.Join(dir, "gold")
	for _, d := range []string{art, gold} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "Tiêu đề\nSOURCE: https://example.vn/a\nGiám đốc Sở Nội vụ tỉnh Nghệ An Lê Văn Hùng ký Quyết định số 12/QĐ-SNV. Mục tiêu đến năm 2030 đạt 90% hồ sơ trực tuyến.\n\nTHANH HÀ\n"
	goldJSON := `{"people":[{"name":"Lê Văn Hùng","roles":["Giám đốc Sở Nội vụ tỉnh Nghệ An"]},{"name":"Thanh Hà","roles":["tác giả"],"byline":true},{"name":"Phan Thị Lan","roles":["Phó Giám đốc"]}],
	"decisions":[{"kind":"Quyết định","number":"12"}],"targets":[{"value":"90%","year":"2030"},{"value":"50%","year":"2030"}],
	"organizations":["Sở Nội vụ tỉnh Nghệ An"],"locations":["tỉnh Nghệ An"]}`
	if err := os.WriteFile(filepath.Join(art, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gold, "a.json"), []byte(goldJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Eval(art, gold)
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Scores["people"]; s.TP != 1 || s.FP != 0 || s.FN != 1 {
		t.Errorf("people = %+v, want 1 TP, 1 FN (byline ignored)", s)
	}
	if s := r.Scores["roles"]; s.TP != 1 || s.FN != 1 {
		t.Errorf("roles = %+v", s)
	}
	if s := r.Scores["decisions"]; s.F1() != 1 {
		t.Errorf("decisions = %+v", s)
	}
	if s := r.Scores["targets"]; s.TP != 1 || s.FN != 1 || s.FP != 0 {
		t.Errorf("targets = %+v", s)
	}
	if s := r.Scores["locations"]; s.F1() != 1 {
		t.Errorf("locations = %+v", s)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"people", "missed\tPhan Thị Lan", "targets", "50% @2030"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
	if _, err := Eval(art, filepath.Join(dir, "none")); err == nil {
		t.Error("Eval on a folder without annotations did not fail")
	}
}

func TestFastCaseTablesAgreeWithUnicode(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		if got, want := toLower(r), unicode.ToLower(r); got != want {
			t.Errorf("toLower(%U) = %U, want %U", r, got, want)
		}
		if got, want := isUpper(r), unicode.IsUpper(r); got != want && unicode.IsLetter(r) {
			t.Errorf("isUpper(%U) = %v, want %v", r, got, want)
		}
		if got, want := isDigit(r), unicode.IsDigit(r); got != want {
			t.Errorf("isDigit(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestKeyAndCanonicalPlace(t *testing.T) {
	if Key("UBND TP.HCM") != Key("Ủy ban nhân dân Thành phố Hồ Chí Minh") {
		t.Errorf("Key differs: %q vs %q", Key("UBND TP.HCM"), Key("Ủy ban nhân dân Thành phố Hồ Chí Minh"))
	}
	if Key("Sở TT&TT") == Key("Sở KH&CN") {
		t.Error("different departments share a key")
	}
	for in, want := range map[string]string{"TPHCM": "TP.HCM", "Thành phố Hồ Chí Minh": "TP.HCM", "tỉnh Thanh Hoá": "Thanh Hóa", "Hà Giang": "Hà Giang", "TP Hà Nội": "Hà Nội"} {
		if got, ok := CanonicalPlace(in); !ok || got != want {
			t.Errorf("CanonicalPlace(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := CanonicalPlace("Sở Nội vụ"); ok {
		t.Error("CanonicalPlace accepted an organisation")
	}
}

func TestCreditsGoToAuthors(t *testing.T) {
	text := "Tiêu đề\nBài: Hoàng Minh Đức\nSáng nay, Giám đốc Sở Y tế Lê Thị Hoa phát biểu. (Ảnh: Trần Văn Khoa)\n\nTrần Huệ - Diệu Linh"
	e, authors := EntitiesWithAuthors(text)
	want := map[string]bool{"Hoàng Minh Đức": true, "Trần Văn Khoa": true, "Trần Huệ": true, "Diệu Linh": true}
	for _, a := range authors {
		delete(want, a)
	}
	if len(want) > 0 {
		t.Errorf("authors %q miss %v", authors, want)
	}
	if len(e.People) != 1 || e.People[0].Name != "Lê Thị Hoa" {
		t.Errorf("people = %+v", e.People)
	}
}

func TestConcurrentExtractionIsConsistent(t *testing.T) {
	texts, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(texts) == 0 {
		t.Fatal("no fixtures")
	}
	var inputs []string
	for _, f := range texts {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	want := make([]string, len(inputs))
	for i, s := range inputs {
		want[i] = fmt.Sprint(Entities(s))
	}
	done := make(chan error)
	for w := 0; w < 4; w++ {
		go func(w int) {
			for k := range inputs {
				i := (k + w) % len(inputs)
				if got := fmt.Sprint(Entities(inputs[i])); got != want[i] {
					done <- fmt.Errorf("%s differs under concurrency", texts[i])
					return
				}
			}
			done <- nil
		}(w)
	}
	for w := 0; w < 4; w++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestDecisionForms(t *testing.T) {
	text := "Theo QĐ số 749/QĐ-TTg và NQ 57-NQ/TW, tỉnh ban hành Kế hoạch 12/KH-UBND. Ban Chỉ đạo 57 họp lần thứ Mười; quý III/2023 tỉnh có 2 quyết định mới. Văn bản 88/UBND-KT hướng dẫn thêm. Nghị quyết số 17/NQ-CP và sau đó Nghị quyết 17 được sửa."
	e := Entities(text)
	got := map[string]string{}
	for _, d := range e.Decisions {
		got[d.Kind+" "+d.Number] = d.Symbol
	}
	want := map[string]string{"Quyết định 749": "749/QĐ-TTg", "Nghị quyết 57": "57-NQ/TW", "Kế hoạch 12": "12/KH-UBND",
		"Công văn 88": "88/UBND-KT", "Nghị quyết 17": "17/NQ-CP"}
	if len(got) != len(want) {
		t.Errorf("decisions = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: symbol %q, want %q", k, got[k], v)
		}
	}
	for _, d := range e.Decisions {
		if d.Kind == "Nghị quyết" && d.Number == "17" && len(d.Mentions) != 2 {
			t.Errorf("Nghị quyết 17 has %d mentions, want 2", len(d.Mentions))
		}
	}
}

func TestPluralTitleCoversNameList(t *testing.T) {
	e := Entities("Dự họp có Chủ tịch UBND tỉnh Hà Văn Tâm và các Phó Chủ tịch UBND tỉnh Trần Văn Bảo, Lê Văn Cần và Hồ Thị Dung.")
	roles := map[string][]string{}
	for _, p := range e.People {
		roles[p.Name] = p.Roles
	}
	for _, name := range []string{"Trần Văn Bảo", "Lê Văn Cần", "Hồ Thị Dung"} {
		if r := roles[name]; len(r) != 1 || r[0] != "Phó Chủ tịch UBND tỉnh" {
			t.Errorf("%s roles = %q", name, r)
		}
	}
	if r := roles["Hà Văn Tâm"]; len(r) != 1 || r[0] != "Chủ tịch UBND tỉnh" {
		t.Errorf("Hà Văn Tâm roles = %q", r)
	}
}

func TestNFCFastPathAgreesWithNorm(t *testing.T) {
	for r := rune(0); r < 0x2100; r++ {
		if !nfcStable(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Errorf("%U treated as NFC-stable but is not", r)
		}
	}
	for _, s := range []string{"Hoa\u0300ng Va\u0306n", "Việt Nam – 2025", "x\u2000y", "e\u0301", "\xff"} {
		if got, want := toNFC(s), norm.NFC.String(s); got != want {
			t.Errorf("toNFC(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestRolesNeverHoldLineBreaks(t *testing.T) {
	for _, s := range []string{
		"Tin\n\nÔng Nguyễn Văn An, Phó Trưởng ban\n\nBan Chỉ đạo chuyển đổi số tỉnh Lạng Sơn phát biểu.",
		"Tin\n\nPhó Trưởng ban thường trực\nỦy ban nhân dân tỉnh Nguyễn Văn An dự họp.",
		"Tin\n\nNguyễn Văn An (Phó Trưởng ban\n\nBan Chỉ đạo chuyển đổi số) dự họp.",
	} {
		e := Entities(s)
		if len(e.People) != 1 || len(e.People[0].Roles) != 1 {
			t.Errorf("%q: people %+v", s, e.People)
			continue
		}
		if r := e.People[0].Roles[0]; strings.ContainsAny(r, "\n\r") || !strings.HasPrefix(r, "Phó Trưởng ban ") {
			t.Errorf("%q: role %q", s, r)
		}
	}
}

func TestUnitsBelowAProvinceKeepTheirPrefix(t *testing.T) {
	e := Entities("Tin\n\nTỉnh Thái Bình thí điểm tại huyện Đông Hưng và huyện Vũ Thư, phường Thái Bình và xã Hòa Phú (TP. Buôn Ma Thuột); các huyện: Quan Hoá, Yên Định. Chủ tịch xã Lò Văn Bình dự họp.")
	var got []string
	for _, l := range e.Locations {
		got = append(got, l.Name)
	}
	want := []string{"Thái Bình", "huyện Đông Hưng", "huyện Vũ Thư", "phường Thái Bình", "xã Hòa Phú", "TP. Buôn Ma Thuột", "Quan Hoá", "Yên Định"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("locations %q, want %q", got, want)
	}
	if len(e.People) != 1 || e.People[0].Name != "Lò Văn Bình" {
		t.Errorf("people %+v", e.People)
	}
}

func TestFormerRolesAndPluralTitleLists(t *testing.T) {
	e := Entities("Tin\n\nÔng Lê Văn Phong nguyên Chủ tịch UBND tỉnh Bình Thuận giữ chức vụ Trưởng ban. " +
		"Các Phó Chủ tịch Hội đồng, gồm ông Trần Văn Dũng, Phó Chủ tịch UBND tỉnh; ông Nguyễn Văn Tùng, Giám đốc Công an tỉnh.")
	roles := map[string][]string{}
	for _, p := range e.People {
		roles[p.Name] = p.Roles
	}
	has := func(name, role string) bool {
		for _, r := range roles[name] {
			if r == role {
				return true
			}
		}
		return false
	}
	for _, c := range [][2]string{
		{"Lê Văn Phong", "nguyên Chủ tịch UBND tỉnh Bình Thuận"},
		{"Trần Văn Dũng", "Phó Chủ tịch Hội đồng"},
		{"Trần Văn Dũng", "Phó Chủ tịch UBND tỉnh"},
		{"Nguyễn Văn Tùng", "Phó Chủ tịch Hội đồng"},
		{"Nguyễn Văn Tùng", "Giám đốc Công an tỉnh"},
	} {
		if !has(c[0], c[1]) {
			t.Errorf("%s: roles %q, want %q among them", c[0], roles[c[0]], c[1])
		}
	}
}

func TestAPlaceAfterItsPrefixIsNoOrganisation(t *testing.T) {
	e := Entities("Tin\n\nTrung tâm mở rộng kết nối camera tới phường Hội An và phường Tam Kỳ.")
	if len(e.Organizations) != 0 {
		t.Errorf("organisations %+v", e.Organizations)
	}
	if len(e.Locations) != 2 || e.Locations[0].Name != "phường Hội An" {
		t.Errorf("locations %+v", e.Locations)
	}
}
