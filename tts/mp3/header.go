package mp3

// Tags and headers: ID3 tags are skipped whole; an MPEG audio frame header
// gives the frame's length and sample rate; an info frame (Xing, Info,
// VBRI) carries no audio.

func stripID3v2(b []byte) []byte {
	for len(b) >= 10 && string(b[:3]) == "ID3" {
		size := int(b[6]&0x7f)<<21 | int(b[7]&0x7f)<<14 | int(b[8]&0x7f)<<7 | int(b[9]&0x7f)
		total := 10 + size
		if b[5]&0x10 != 0 { // footer present
			total += 10
		}
		if total > len(b) {
			return b[len(b):]
		}
		b = b[total:]
	}
	return b
}

func stripID3v1(b []byte) []byte {
	if len(b) >= 128 && string(b[len(b)-128:len(b)-125]) == "TAG" {
		return b[:len(b)-128]
	}
	return b
}

type frameHeader struct {
	version    int // 1, 2 or 25 (MPEG-2.5)
	mono       bool
	sampleRate int
	length     int
}

var (
	bitratesV1L3 = [16]int{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1}
	bitratesV2L3 = [16]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}
	sampleRates  = map[int][3]int{1: {44100, 48000, 32000}, 2: {22050, 24000, 16000}, 25: {11025, 12000, 8000}}
)

// parseFrameHeader reads an MPEG layer III frame header.
func parseFrameHeader(b []byte) (frameHeader, bool) {
	if len(b) < 4 || b[0] != 0xff || b[1]&0xe0 != 0xe0 {
		return frameHeader{}, false
	}
	var h frameHeader
	switch (b[1] >> 3) & 3 {
	case 0:
		h.version = 25
	case 2:
		h.version = 2
	case 3:
		h.version = 1
	default:
		return frameHeader{}, false
	}
	if (b[1]>>1)&3 != 1 { // layer III only
		return frameHeader{}, false
	}
	bi := int(b[2] >> 4)
	si := int(b[2]>>2) & 3
	if si == 3 || bi == 0 || bi == 15 {
		return frameHeader{}, false
	}
	pad := int(b[2]>>1) & 1
	h.sampleRate = sampleRates[h.version][si]
	h.mono = b[3]>>6 == 3
	if h.version == 1 {
		h.length = 144*bitratesV1L3[bi]*1000/h.sampleRate + pad
	} else {
		h.length = 72*bitratesV2L3[bi]*1000/h.sampleRate + pad
	}
	return h, h.length > 4
}

// isInfoFrame reports whether the frame at the start of b carries a LAME
// Xing/Info or a Fraunhofer VBRI header rather than audio.
func isInfoFrame(b []byte, h frameHeader) bool {
	side := 32
	switch {
	case h.version == 1 && h.mono:
		side = 17
	case h.version != 1 && !h.mono:
		side = 17
	case h.version != 1 && h.mono:
		side = 9
	}
	frame := b[:min(h.length, len(b))]
	// With a CRC after the header the tag may sit 2 bytes later; LAME
	// writes it at the unshifted offset even then.
	for _, off := range []int{4 + side, 6 + side} {
		if off+4 <= len(frame) {
			if tag := string(frame[off : off+4]); tag == "Xing" || tag == "Info" {
				return true
			}
		}
	}
	return len(frame) >= 40 && string(frame[36:40]) == "VBRI"
}
