package id3

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// writer appends the frames of one tag in its version's encoding and keeps
// the first error.
type writer struct {
	version int
	buf     bytes.Buffer
	err     error
}

// encoding is the text encoding byte: UTF-16 with BOM in 2.3, UTF-8 in 2.4.
func (w *writer) encoding() byte {
	if w.version == 4 {
		return 3
	}
	return 1
}

// encode returns s in the tag's text encoding, terminated when term is set.
func (w *writer) encode(s string, term bool) []byte {
	if w.version == 4 {
		b := []byte(s)
		if term {
			b = append(b, 0)
		}
		return b
	}
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2+2*len(u)+2)
	b = append(b, 0xff, 0xfe) // little-endian BOM
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	if term {
		b = append(b, 0, 0)
	}
	return b
}

func (w *writer) text(id, s string) {
	if s == "" {
		return
	}
	w.frame(id, append([]byte{w.encoding()}, w.encode(s, false)...))
}

func (w *writer) frame(id string, body []byte) {
	var h [10]byte
	copy(h[:], id)
	if w.version == 4 {
		if len(body) >= 1<<28 {
			w.err = fmt.Errorf("id3: frame %s too large", id)
			return
		}
		putSyncsafe(h[4:], uint32(len(body)))
	} else {
		binary.BigEndian.PutUint32(h[4:], uint32(len(body)))
	}
	w.buf.Write(h[:])
	w.buf.Write(body)
}

func putSyncsafe(b []byte, n uint32) {
	b[0] = byte(n >> 21 & 0x7f)
	b[1] = byte(n >> 14 & 0x7f)
	b[2] = byte(n >> 7 & 0x7f)
	b[3] = byte(n & 0x7f)
}

// latin1 returns a URL for a URL field, which holds ISO-8859-1: bytes
// outside ASCII are percent-encoded.
func latin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x80 && c != 0 {
			out = append(out, c)
		} else {
			out = fmt.Appendf(out, "%%%02X", c)
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 || s[i] >= 0x80 {
			return false
		}
	}
	return true
}
