package extract

import "strings"

// Words and verb phrases that end the lower-case part of a descriptive
// organisation name ("Ban Chỉ đạo về dữ liệu | do ông …").
var orgStop = newPhraseSet(strings.Fields(`có là làm được đã đang sẽ vừa gồm do nhằm để với cho tại khi
	theo thì mà này đó giữ nhận dự cùng hoặc đến từ trên cũng còn sau trước họp tiếp giao nêu trao
	bàn gửi mở đưa chịu tăng giảm đạt ra như nhưng vì nên trong ngày năm tháng các những mỗi
	một hai ba bốn năm sáu bảy tám chín mười nhiều rất đều lại đây ấy nay sáng chiều tối qua vào tới
	không thành bị`)...)

var orgStopPhrases = newPhraseSet("yêu cầu", "đề nghị", "đề xuất", "thống nhất", "kiện toàn", "thành lập",
	"phê duyệt", "ban hành", "tổ chức", "chủ trì", "chủ động", "chỉ đạo", "triển khai", "tham mưu", "tham dự",
	"tham gia", "báo cáo", "đánh giá", "khẳng định", "nhấn mạnh", "kiểm tra", "vận hành", "hỗ trợ",
	"xác định", "kêu gọi", "phối hợp", "hướng dẫn", "bao gồm", "hình thành", "cụ thể", "công bố",
	"quyết định", "nghiên cứu", "đôn đốc", "điều phối", "phát biểu", "phát động", "giới thiệu", "thông qua",
	"cho biết", "ký kết", "ký ban hành", "ký quyết", "trình bày", "lập kế", "đầu tư", "ứng dụng", "bảo đảm", "đảm bảo",
	"hoàn thành", "hoàn thiện", "kiến nghị", "đẩy mạnh", "đẩy nhanh", "tập trung", "rà soát", "chia sẻ", "cam kết",
	"ghi nhận", "tăng cường", "khắc phục", "chấp thuận", "lấy ý kiến", "phản ánh", "tiếp tục", "đưa ra", "đặt",
	"bố trí", "phân bổ")

// committeeBefore reports whether a party committee ends right before k,
// or before the place that ends right before k, after start.
func (d *doc) committeeBefore(k, start int) bool {
	for j := k - 2; j >= start-2 && j >= max(k-5, 0); j-- {
		if d.partyCommittee(j, 2) {
			if j+2 == k {
				return true
			}
			_, pn := d.placeAt(j + 2)
			return pn > 0 && j+2+pn == k
		}
	}
	return false
}

// Verbs that follow a party committee ending a name rather than continue
// the name.
var afterCommittee = newPhraseSet("lãnh đạo", "thực hiện", "quán triệt", "ban hành", "chỉ đạo", "quyết định", "giao")

// Verbs that follow a name rather than continue it.
var compoundStop = newPhraseSet("xây dựng", "duy trì", "bị", "nâng", "điều hành", "cấp", "mua", "bán", "cắt", "siết",
	"nới", "giữ", "điều chỉnh", "dự báo", "ước tính", "cảnh báo", "lên", "xuống")

// stopsOrg reports whether a lower-case word at k ends an organisation name.
func (d *doc) stopsOrg(k int) bool {
	if d.is(k, "thành") && d.is(k-1, "trở") {
		return false // "trở thành" inside a programme's name
	}
	if d.is(k, "sáng") && d.is(k+1, "tạo") {
		return false // "đổi mới sáng tạo"
	}
	return d.startsAt(k, orgStop) > 0 || d.startsAt(k, orgStopPhrases) > 0
}

// lowerRunEnds reports whether the lower-case words from k end within three
// words at a boundary (punctuation, a capitalised word, "và", a stop word),
// as the lower-case syllables of a name do ("Truyền thông cho biết").
func (d *doc) lowerRunEnds(k int) bool {
	for n := 0; n < 4; n++ {
		j := k + n
		if j >= len(d.toks) || d.isPunct(j) || d.capOrAbbr(j) || d.toks[j].is(fNum) || d.toks[j].is(fNL) ||
			d.is(j, "và") || d.stopsOrg(j) || d.placePrefixAt(j) > 0 || d.startsAt(j, compoundStop) > 0 {
			return n > 0
		}
	}
	return false
}
