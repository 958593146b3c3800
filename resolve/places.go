package resolve

import (
	"strings"

	"dxnews/extract"
)

// cityProvince maps the towns, districts and islands the gazetteer knows to
// their province in the 63-province map (before 1 July 2025).
var cityProvince = map[string]string{
	"Huế": "Thừa Thiên Huế", "Nha Trang": "Khánh Hòa", "Đà Lạt": "Lâm Đồng", "Vũng Tàu": "Bà Rịa - Vũng Tàu",
	"Hạ Long": "Quảng Ninh", "Thủ Đức": "TP.HCM", "Biên Hòa": "Đồng Nai", "Quy Nhơn": "Bình Định",
	"Buôn Ma Thuột": "Đắk Lắk", "Phú Quốc": "Kiên Giang", "Sa Pa": "Lào Cai", "Hội An": "Quảng Nam",
	"Phan Thiết": "Bình Thuận", "Hoàng Sa": "Đà Nẵng", "Lý Sơn": "Quảng Ngãi", "Hoàng Mai": "Hà Nội",
	"Hồ Tây": "Hà Nội", "Hồ Gươm": "Hà Nội", "Hà Tiên": "Kiên Giang", "Cao Lãnh": "Đồng Tháp",
	"Đồng Hới": "Quảng Bình", "Đồng Xoài": "Bình Phước", "Châu Đốc": "An Giang",
	"Phan Rang - Tháp Chàm": "Ninh Thuận", "Phan Rí": "Bình Thuận", "Mai Sơn": "Sơn La",
	"Lạng Giang": "Bắc Giang", "Tô Lịch": "Hà Nội", "Đinh Lập": "Lạng Sơn", "Vũ Quang": "Hà Tĩnh",
	"Đỗ Lương": "Nghệ An", "Trần Văn Thời": "Cà Mau", "Đàm Hà": "Quảng Ninh", "Võ Nhai": "Thái Nguyên",
	"Lâm Hà": "Lâm Đồng", "Mai Châu": "Hòa Bình", "Mộc Châu": "Sơn La", "Đồng Văn": "Hà Giang",
	"Côn Đảo": "Bà Rịa - Vũng Tàu", "Cát Bà": "Hải Phòng", "Cần Giờ": "TP.HCM", "Củ Chi": "TP.HCM",
	"Ninh Kiều": "Cần Thơ", "Hải Châu": "Đà Nẵng", "Sơn Trà": "Đà Nẵng", "Liên Chiểu": "Đà Nẵng",
	"Thanh Khê": "Đà Nẵng", "Long Biên": "Hà Nội", "Đống Đa": "Hà Nội", "Hai Bà Trưng": "Hà Nội",
	"Thanh Xuân": "Hà Nội", "Hà Đông": "Hà Nội", "Tây Hồ": "Hà Nội", "Bắc Từ Liêm": "Hà Nội",
	"Nam Từ Liêm": "Hà Nội", "Gò Vấp": "TP.HCM", "Bình Thạnh": "TP.HCM", "Tân Bình": "TP.HCM",
	"Phú Nhuận": "TP.HCM", "Trường Sa": "Khánh Hòa", "Cầu Giấy": "Hà Nội", "Hoàn Kiếm": "Hà Nội",
	"Ba Đình": "Hà Nội", "Thủ Dầu Một": "Bình Dương", "Việt Trì": "Phú Thọ", "Điện Biên Phủ": "Điện Biên",
	"Phủ Lý": "Hà Nam", "Tam Kỳ": "Quảng Nam", "Tuy Hòa": "Phú Yên", "Pleiku": "Gia Lai",
	"Gia Nghĩa": "Đắk Nông", "Bảo Lộc": "Lâm Đồng", "Mỹ Tho": "Tiền Giang", "Sa Đéc": "Đồng Tháp",
	"Long Xuyên": "An Giang", "Rạch Giá": "Kiên Giang", "Vị Thanh": "Hậu Giang", "Uông Bí": "Quảng Ninh",
	"Móng Cái": "Quảng Ninh", "Cẩm Phả": "Quảng Ninh", "Sầm Sơn": "Thanh Hóa", "Cửa Lò": "Nghệ An",
	"Dĩ An": "Bình Dương", "Cam Ranh": "Khánh Hòa",
}

// Place is where a name points in both administrative maps.
type Place struct {
	// Name is the gazetteer's canonical name ("TP.HCM", "Nha Trang"), or
	// the name as written when the gazetteer does not know it.
	Name string `json:"name"`
	// Province63 is the province before 1 July 2025; "" outside a province
	// (a region, another country) or when unknown.
	Province63 string `json:"province_63,omitempty"`
	// Province34 is the province since 1 July 2025.
	Province34 string `json:"province_34,omitempty"`
	Known      bool   `json:"-"`
}

// LocatePlace maps a written place name to its canonical name and its
// province in the 63- and 34-province maps. Both the former provinces
// ("Bình Dương" → TP.HCM since 2025) and the new ones ("Huế") are known.
func LocatePlace(name string) Place {
	name = clean(name)
	canon, ok := extract.CanonicalPlace(name)
	if !ok {
		return Place{Name: name}
	}
	p := Place{Name: canon, Known: true}
	prov := canon
	if c, ok := cityProvince[canon]; ok {
		prov = c
	}
	if p34, ok := extract.ProvinceAfter2025(prov); ok {
		p.Province63, p.Province34 = prov, p34
		return p
	}
	return p
}

// placeCache memoises LocatePlace; names repeat across articles.
type placeCache map[string]Place

func (c placeCache) locate(name string) Place {
	if p, ok := c[name]; ok {
		return p
	}
	p := LocatePlace(name)
	c[name] = p
	return p
}

// placeIn finds a province named at the end of a role or organisation
// name ("Giám đốc Sở TT&TT TP.HCM" → TP.HCM), trying the last one to five
// words.
func (c placeCache) placeIn(s string) Place {
	words := strings.Fields(s)
	for n := 1; n <= 5 && n <= len(words); n++ {
		tail := strings.Join(words[len(words)-n:], " ")
		tail = strings.TrimLeft(tail, "(")
		tail = strings.TrimRight(tail, ").,;")
		if p := c.locate(tail); p.Province63 != "" || p.Province34 != "" {
			return p
		}
	}
	return Place{}
}
