package normalize

// Words before a number that make it a day ("ngày 20/3", "sáng 18.1").
var dayContexts = map[string]bool{
	"ngày": true, "mồng": true, "mùng": true, "hôm": true, "sáng": true, "chiều": true,
	"tối": true, "trưa": true, "đêm": true, "khuya": true, "rạng": true,
}

// Words before a number with leading zeros that make it a document number
// read digit by digit ("Đề án 06" → "không sáu").
var documentContexts = map[string]bool{
	"số": true, "án": true, "định": true, "quyết": true, "thị": true, "tư": true,
	"văn": true, "hoạch": true, "luận": true, "báo": true, "trình": true, "lệnh": true,
	"hiệu": true, "mã": true,
}

// Words after a number that make it a quantity, not a date ("10.5 triệu").
var quantityWords = map[string]bool{
	"triệu": true, "tỷ": true, "tỉ": true, "nghìn": true, "ngàn": true, "lần": true,
	"điểm": true, "phần": true, "km": true, "ha": true, "usd": true, "đồng": true,
}

// Nouns counted by a ratio: "10/12 tỉnh" is ten of twelve, not a date.
var countedNouns = map[string]bool{
	"tỉnh": true, "thành": true, "xã": true, "phường": true, "huyện": true, "quận": true,
	"người": true, "hộ": true, "đơn": true, "doanh": true, "sở": true, "bộ": true,
	"ngành": true, "cơ": true, "thành viên": true, "chỉ": true, "nhiệm": true, "trường": true,
	"bệnh": true, "dự": true, "thủ": true, "dịch": true, "địa": true, "học": true,
	"mục": true, "tiêu": true, "hồ": true, "lĩnh": true, "số": true, "câu": true,
	"đội": true, "đại": true, "phiếu": true, "cán": true, "công": true, "thôn": true,
	"bản": true, "làng": true, "ấp": true, "khu": true, "tổ": true, "nhóm": true,
}

var romanContexts = map[string]bool{
	"khóa": true, "khoá": true, "quý": true, "chương": true, "phần": true, "mục": true,
	"kỳ": true, "kì": true, "thứ": true, "hạng": true, "loại": true, "cấp": true,
	"vùng": true, "khu": true, "tập": true, "đợt": true, "đoạn": true, "đại hội": true,
}

func romanNeighbours(nb neighbours) bool {
	if romanContexts[nb.prev1] {
		return true
	}
	switch nb.prev2 + " " + nb.prev1 {
	case "đại hội", "thế kỷ", "thế kỉ", "trung ương", "thế chiến", "hội nghị":
		return true
	}
	return false
}
