package normalize

// units maps measurement units and currencies written after a number
// ("15 km", "15km", "100m2", "50 USD") to their spoken form. Entries that
// are also ordinary syllables ("ha", "m", "g") only apply after a number.
var units = map[string]string{
	"km": "ki lô mét", "m": "mét", "cm": "xen ti mét", "mm": "mi li mét",
	"m2": "mét vuông", "m²": "mét vuông", "km2": "ki lô mét vuông", "km²": "ki lô mét vuông",
	"m3": "mét khối", "m³": "mét khối", "ha": "héc ta", "ha.": "héc ta",
	"kg": "ki lô gam", "g": "gam", "mg": "mi li gam", "l": "lít", "ml": "mi li lít",
	"km/h": "ki lô mét trên giờ", "m/s": "mét trên giây",
	"W": "oát", "kW": "ki lô oát", "kWh": "ki lô oát giờ", "MW": "mê ga oát", "MWh": "mê ga oát giờ",
	"GW": "gi ga oát", "GWh": "gi ga oát giờ", "V": "vôn", "kV": "ki lô vôn",
	"Hz": "héc", "MHz": "mê ga héc", "GHz": "gi ga héc",
	"KB": "ki lô bai", "MB": "mê ga bai", "GB": "gi ga bai", "TB": "tê ra bai",
	"kbps": "ki lô bít trên giây", "Mbps": "mê ga bít trên giây", "Gbps": "gi ga bít trên giây",
	"°C": "độ xê", "°": "độ", "%": "phần trăm",
	"USD": "đô la Mỹ", "$": "đô la", "EUR": "ơ rô", "€": "ơ rô",
	"VND": "đồng", "VNĐ": "đồng", "đ": "đồng",
	"k": "nghìn", "K": "nghìn", "tr": "triệu", "tr.đ": "triệu đồng", "trđ": "triệu đồng",
	"AM": "sáng", "PM": "chiều", "SA": "sáng", "CH": "chiều",
}

// perWords after a slash are read with "mỗi" ("đồng/tháng" → "đồng mỗi
// tháng").
var perWords = map[string]bool{
	"ngày": true, "tháng": true, "năm": true, "giờ": true, "tuần": true, "quý": true,
	"người": true, "hộ": true, "lượt": true, "tấn": true, "kg": true, "lít": true,
	"con": true, "ha": true, "m2": true, "km2": true, "km": true, "suất": true,
	"ca": true, "khách": true, "học": true, "thuê": true, "xã": true, "tỉnh": true,
}
