package normalize

import (
	"os"
	"strings"
	"testing"

	"dxnews/article"
)

type textCase struct {
	in, want string
}

// runWords compares outputs ignoring case and punctuation.
func runWords(t *testing.T, region article.Region, tests []textCase) {
	t.Helper()
	for _, tt := range tests {
		got := Text(tt.in, region)
		if comparable(got) != comparable(tt.want) {
			t.Errorf("Text(%q, %s)\n got  %q\n want %q", tt.in, region, got, tt.want)
		}
	}
}

func TestTextNumbers(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"Xã có 105 hộ", "xã có một trăm linh năm hộ"},
		{"Thu 1.200 hồ sơ", "thu một nghìn hai trăm hồ sơ"},
		{"Đạt 1.000.000 lượt", "đạt một triệu lượt"},
		{"Vốn 2.000.021.000 đồng", "vốn hai tỷ không trăm hai mươi mốt nghìn đồng"},
		{"Tăng 2,5 lần", "tăng hai phẩy năm lần"},
		{"Hệ số 0,75", "hệ số không phẩy bảy mươi lăm"},
		{"Giá trị 1.234,56", "giá trị một nghìn hai trăm ba mươi tư phẩy năm mươi sáu"},
		{"Công nghiệp 4.0", "công nghiệp bốn chấm không"},
		{"Có 04 phiên trong 02 năm", "có bốn phiên trong hai năm"},
		{"Gọi 0912345678", "gọi không chín một hai ba bốn năm sáu bảy tám"},
		{"Mã 20210417", "mã hai không hai một không bốn một bảy"},
		{"Có 1234567 hộ", "có một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy hộ"},
	})
}

func TestTextPercentRatioFraction(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"Đạt 100%", "đạt một trăm phần trăm"},
		{"Tăng 0,8%", "tăng không phẩy tám phần trăm"},
		{"Chiếm 6,19 %", "chiếm sáu phẩy mười chín phần trăm"},
		{"Có 48/63 tỉnh", "có bốn mươi tám trên sáu mươi ba tỉnh"},
		{"Hơn 2/3 số đại biểu", "hơn hai phần ba số đại biểu"},
		{"Phục vụ 24/7", "phục vụ hai mươi tư trên bảy"},
	})
}

func TestTextDates(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"Ngày 24/9/2021 ký", "ngày hai mươi tư tháng chín năm hai nghìn không trăm hai mươi mốt ký"},
		{"Ký 24/9/2021", "ký ngày hai mươi tư tháng chín năm hai nghìn không trăm hai mươi mốt"},
		{"Hạn 30-9-2022", "hạn ngày ba mươi tháng chín năm hai nghìn không trăm hai mươi hai"},
		{"Ngày 6.1.2022", "ngày sáu tháng một năm hai nghìn không trăm hai mươi hai"},
		{"Sáng 18.1, tỉnh họp", "sáng ngày mười tám tháng một tỉnh họp"},
		{"Ngày 20/3", "ngày hai mươi tháng ba"},
		{"Họp 15/6", "họp ngày mười lăm tháng sáu"},
		{"Ngày 24-9", "ngày hai mươi tư tháng chín"},
		{"Tháng 4/2022", "tháng tư năm hai nghìn không trăm hai mươi hai"},
		{"Từ 4/2022", "từ tháng tư năm hai nghìn không trăm hai mươi hai"},
		{"Tháng 8.2018", "tháng tám năm hai nghìn không trăm mười tám"},
		{"Ngày 06 tháng 05 năm 2022", "ngày sáu tháng năm năm hai nghìn không trăm hai mươi hai"},
		{"Quý III/2022", "quý ba năm hai nghìn không trăm hai mươi hai"},
		{"Quý 3/2022", "quý ba năm hai nghìn không trăm hai mươi hai"},
		{"Năm 2005", "năm hai nghìn không trăm linh năm"},
		{"Q1/2024 tăng", "quý một năm hai nghìn không trăm hai mươi tư tăng"},
		{"Sáng 10.12 họp", "sáng ngày mười tháng mười hai họp"},
		{"Có 10/12 tỉnh", "có mười trên mười hai tỉnh"},
		{"Ngày 10/12", "ngày mười tháng mười hai"},
	})
}

func TestTextTimes(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"Lúc 14h30", "lúc mười bốn giờ ba mươi phút"},
		{"Lúc 7h", "lúc bảy giờ"},
		{"Lúc 9h05", "lúc chín giờ năm phút"},
		{"Lúc 8g15", "lúc tám giờ mười lăm phút"},
		{"Lúc 20:45", "lúc hai mươi giờ bốn mươi lăm phút"},
		{"Từ 14h-16h30", "từ mười bốn giờ đến mười sáu giờ ba mươi phút"},
		{"Từ 8-10h", "từ tám đến mười giờ"},
	})
}

func TestTextRanges(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"Giai đoạn 2021-2025", "giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"},
		{"Giai đoạn 2026–2030", "giai đoạn hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm ba mươi"},
		{"Giai đoạn 2021 - 2025", "giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"},
		{"Tăng 30-60%", "tăng ba mươi đến sáu mươi phần trăm"},
		{"Từ 1,5-2 triệu", "từ một phẩy năm đến hai triệu"},
		{"Dài 5-7 km", "dài năm đến bảy ki lô mét"},
	})
}

func TestTextOrdinalsAndRoman(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"Đứng thứ 4", "đứng thứ tư"},
		{"Xếp thứ 1", "xếp thứ nhất"},
		{"Thứ 2 tuần sau", "thứ hai tuần sau"},
		{"Lần thứ 14", "lần thứ mười bốn"},
		{"Xếp hạng 1", "xếp hạng nhất"},
		{"Quốc hội khóa XV", "quốc hội khóa mười lăm"},
		{"Đại hội XIII của Đảng", "đại hội mười ba của đảng"},
		{"Thế kỷ XXI", "thế kỷ hai mươi mốt"},
		{"Lần thứ IV", "lần thứ tư"},
		{"Quý IV", "quý bốn"},
		{"Khóa X", "khóa mười"},
		{"Vua Louis XIV", "vua louis mười bốn"},
		{"Chương II", "chương hai"},
		{"XỬ LÝ VI PHẠM VỀ XI MĂNG", "xử lý vi phạm về xi măng"},
	})
}

func TestTextUnitsCurrency(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"Dài 15 km", "dài mười lăm ki lô mét"},
		{"Dài 15km", "dài mười lăm ki lô mét"},
		{"Rộng 100m2", "rộng một trăm mét vuông"},
		{"Rộng 25 ha", "rộng hai mươi lăm héc ta"},
		{"Rộng 3,5 km2", "rộng ba phẩy năm ki lô mét vuông"},
		{"Công suất 200 MW", "công suất hai trăm mê ga oát"},
		{"Dung lượng 64GB", "dung lượng sáu mươi tư gi ga bai"},
		{"Tốc độ 100 Mbps", "tốc độ một trăm mê ga bít trên giây"},
		{"Giá 1.500 USD", "giá một nghìn năm trăm đô la Mỹ"},
		{"Giá $20", "giá hai mươi đô la"},
		{"Giá 100.000đ", "giá một trăm nghìn đồng"},
		{"Lương 50k", "lương năm mươi nghìn"},
		{"Thưởng 500 tr.đ", "thưởng năm trăm triệu đồng"},
		{"Vốn 2.500 tỷ đồng", "vốn hai nghìn năm trăm tỷ đồng"},
		{"Mạng 5G", "mạng năm gờ"},
		{"Lương 3,5 triệu đồng/tháng", "lương ba phẩy năm triệu đồng mỗi tháng"},
		{"Giá 500.000đ/tháng", "giá năm trăm nghìn đồng mỗi tháng"},
		{"Mật độ 120 người/km2", "mật độ một trăm hai mươi người mỗi ki lô mét vuông"},
		{"Giá 2 USD/tấn", "giá hai đô la mỹ mỗi tấn"},
		{"Tốc độ 60 km/h", "tốc độ sáu mươi ki lô mét trên giờ"},
		{"Tăng 10.5%", "tăng mười chấm năm phần trăm"},
		{"Đạt 12.5 triệu", "đạt mười hai chấm năm triệu"},
		{"Giá USD tăng", "giá đô la Mỹ tăng"},
	})
}

func TestTextDocumentSymbols(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"Quyết định số 749/QĐ-TTg", "quyết định số bảy trăm bốn mươi chín quyết định thủ tướng"},
		{"Quyết định số 942/ QĐ-TTg", "quyết định số chín trăm bốn mươi hai quyết định thủ tướng"},
		{"Nghị định 47/2020/NĐ-CP", "nghị định bốn mươi bảy năm hai nghìn không trăm hai mươi nghị định chính phủ"},
		{"Nghị quyết 57-NQ/TW", "nghị quyết năm mươi bảy nghị quyết trung ương"},
		{"Nghị quyết 09-NQ/TU", "nghị quyết không chín nghị quyết tỉnh ủy"},
		{"Quyết định 4268/QĐ-UBND", "quyết định bốn nghìn hai trăm sáu mươi tám quyết định ủy ban nhân dân"},
		{"Thông tư 12/2022/TT-BTTTT", "thông tư mười hai năm hai nghìn không trăm hai mươi hai thông tư bộ thông tin và truyền thông"},
		{"Đề án 06", "đề án không sáu"},
		{"Công ty CP Sao Mai", "công ty cổ phần sao mai"},
	})
}

func TestTextAbbreviations(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"UBND TP.HCM", "ủy ban nhân dân thành phố hồ chí minh"},
		{"UBND TP. Hồ Chí Minh", "ủy ban nhân dân thành phố hồ chí minh"},
		{"UBND TP HCM", "ủy ban nhân dân thành phố hồ chí minh"},
		{"HĐND tỉnh", "hội đồng nhân dân tỉnh"},
		{"Sở TT&TT", "sở thông tin và truyền thông"},
		{"Bộ KH&CN", "bộ khoa học và công nghệ"},
		{"Sở GD&ĐT", "sở giáo dục và đào tạo"},
		{"Ứng dụng CNTT", "ứng dụng công nghệ thông tin"},
		{"Trưởng BCĐ", "trưởng ban chỉ đạo"},
		{"Đoàn ĐBQH", "đoàn đại biểu quốc hội"},
		{"Trường THPT", "trường trung học phổ thông"},
		{"GRDP tăng", "tổng sản phẩm trên địa bàn tăng"},
		{"Phát triển KT-XH", "phát triển kinh tế xã hội"},
		{"Ủy viên BCH T.Ư", "ủy viên ban chấp hành trung ương"},
		{"ThS. Lê Văn Tám", "thạc sĩ lê văn tám"},
		{"Th.S Lê Văn Tám", "thạc sĩ lê văn tám"},
		{"PGS.TS Trần Hòa", "phó giáo sư tiến sĩ trần hòa"},
		{"Dịch COVID-19", "dịch cô vít mười chín"},
		{"Dịch Covid-19", "dịch cô vít mười chín"},
		{"Ứng dụng AI", "ứng dụng trí tuệ nhân tạo"},
		{"Giải quyết TTHC", "giải quyết thủ tục hành chính"},
		{"Trường ĐH", "trường đê hát"},
		{"Sở, ban, ngành v.v.", "sở ban ngành vân vân"},
		{"Sở & ngành", "sở và ngành"},
		{"Các sở/ngành", "các sở ngành"},
		{"Tại P.5, Q.1", "tại phường năm quận một"},
	})
}

func TestTextAcronyms(t *testing.T) {
	runWords(t, article.North, []textCase{
		{"Tập đoàn VNPT", "tập đoàn vê en pê tê"},
		{"Chỉ số PCI", "chỉ số pê xê i"},
		{"Trung tâm IOC", "trung tâm i o xê"},
		{"Tổ chức UNDP", "tổ chức u en đê pê"},
		{"Virus H5N1", "virus hát năm en một"},
		{"CHUYỂN ĐỔI SỐ", "chuyển đổi số"},
		{"BAN CHỈ ĐẠO", "ban chỉ đạo"},
		{"Cổng mic.gov.vn", "cổng mic chấm gờ o vê chấm vê en"},
		// Longer unknown capitals are left to the engine.
		{"Hiệp hội VINASA", "hiệp hội vinasa"},
	})
}

func TestTextRegions(t *testing.T) {
	tests := []struct{ in, north, south string }{
		{"Có 105 xã", "có một trăm linh năm xã", "có một trăm lẻ năm xã"},
		{"Năm 2025", "năm hai nghìn không trăm hai mươi lăm", "năm hai ngàn không trăm hai mươi lăm"},
		{"Có 24 sở", "có hai mươi tư sở", "có hai mươi bốn sở"},
		{"Lương 50k", "lương năm mươi nghìn", "lương năm mươi ngàn"},
		{"Có 1.204 hộ", "có một nghìn hai trăm linh bốn hộ", "có một ngàn hai trăm lẻ bốn hộ"},
	}
	for _, tt := range tests {
		runWords(t, article.North, []textCase{{tt.in, tt.north}})
		runWords(t, article.Central, []textCase{{tt.in, tt.north}})
		runWords(t, article.South, []textCase{{tt.in, tt.south}})
	}
}

// TestTextExact checks punctuation, case and line structure, which the
// word-level tests ignore.
func TestTextExact(t *testing.T) {
	tests := []textCase{
		{"UBND TP.HCM họp. HĐND tỉnh dự.", "Ủy ban nhân dân thành phố Hồ Chí Minh họp. Hội đồng nhân dân tỉnh dự."},
		{"2025 là năm bản lề!", "Hai nghìn không trăm hai mươi lăm là năm bản lề!"},
		{"Tỷ lệ (85%) đạt; tốt.", "Tỷ lệ (tám mươi lăm phần trăm) đạt; tốt."},
		{"Ông A – Giám đốc Sở – phát biểu.", "Ông A, Giám đốc Sở, phát biểu."},
		{"- Mục tiêu 1: xong", "Mục tiêu một: xong"},
		{"Tiêu đề\n\nĐoạn một.\nĐoạn hai.", "Tiêu đề\n\nĐoạn một.\nĐoạn hai."},
		{"  nhiều   khoảng\ttrắng ", "nhiều khoảng trắng"},
		{"“TP.HCM” dẫn đầu", "“Thành phố Hồ Chí Minh” dẫn đầu"},
		{"Tại TP.HCM", "Tại thành phố Hồ Chí Minh"},
		{"Ông TS. Lê Văn A nói", "Ông tiến sĩ Lê Văn A nói"},
		{"cafe\u0301", "café"},
		{"7-3-2026 - 07:13 AM | Xã hội", "Ngày bảy tháng ba năm hai nghìn không trăm hai mươi sáu, bảy giờ mười ba phút sáng, Xã hội"},
		{"• Nam miền Bắc", "Nam miền Bắc"},
		{"Chiếm 25% tổng sản phẩm trên địa bàn (GRDP).", "Chiếm hai mươi lăm phần trăm tổng sản phẩm trên địa bàn (gờ e rờ đê pê)."},
		{"Sở Thông tin và Truyền thông (TT&TT) họp.", "Sở Thông tin và Truyền thông họp."},
		{"Bộ Thông tin và Truyền thông (TT&TT), Bộ Công an", "Bộ Thông tin và Truyền thông, Bộ Công an"},
		{"Quyết định 944/QĐ-UBND, UBND TP.HCM họp.", "Quyết định chín trăm bốn mươi tư quyết định ủy ban nhân dân, ủy ban nhân dân thành phố Hồ Chí Minh họp."},
	}
	for _, tt := range tests {
		if got := Text(tt.in, article.North); got != tt.want {
			t.Errorf("Text(%q)\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsSyllable(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"số", true}, {"chuyển", true}, {"nghiêng", true}, {"khuya", true}, {"gì", true},
		{"an", true}, {"ai", true}, {"hcm", false}, {"ubnd", false}, {"ioc", false},
		{"vnpt", false}, {"fpt", false}, {"gov", false}, {"vn", false},
	}
	for _, tt := range tests {
		if got := isSyllable(tt.w); got != tt.want {
			t.Errorf("isSyllable(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestRoman(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"I", 1}, {"IV", 4}, {"XIII", 13}, {"XV", 15}, {"XXI", 21}, {"MCMXLV", 1945},
		{"IIII", 0}, {"VX", 0}, {"ABC", 0}, {"", 0},
	}
	for _, tt := range tests {
		if got := roman(tt.s); got != tt.want {
			t.Errorf("roman(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestForVoice(t *testing.T) {
	got, err := ForVoice("Có 105 xã", "south-male")
	if err != nil || comparable(got) != "có một trăm lẻ năm xã" {
		t.Errorf("ForVoice(south-male) = %q, %v", got, err)
	}
	got, err = ForVoice("Có 105 xã", "north-female")
	if err != nil || comparable(got) != "có một trăm linh năm xã" {
		t.Errorf("ForVoice(north-female) = %q, %v", got, err)
	}
	if _, err := ForVoice("x", "robot"); err == nil || !strings.HasPrefix(err.Error(), "normalize: ") {
		t.Errorf("unknown voice: err = %v, want a normalize: error", err)
	}
}

// TestTextIdempotent checks that normalising spoken text again changes
// nothing, so a backend may normalise defensively.
func TestTextIdempotent(t *testing.T) {
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{string(data),
		"Ông A – Giám đốc Sở – phát biểu: “Tỷ lệ đạt 85%”.",
		"XỬ LÝ VI PHẠM; khóa XV; 7-3-2026 - 07:13 AM | Xã hội",
		"Chiếm 25% tổng sản phẩm trên địa bàn (GRDP) và (*) ghi chú",
	}
	for _, in := range inputs {
		for _, r := range []article.Region{article.North, article.South} {
			once := Text(in, r)
			if twice := Text(once, r); twice != once {
				t.Errorf("%s: not idempotent\n once  %q\n twice %q", r, once, twice)
			}
		}
	}
}
