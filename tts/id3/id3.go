// Package id3 writes ID3v2 tags for MP3 files: text frames, a comment, a
// source URL, a cover picture and chapters (the ID3v2 Chapter Frame
// Addendum's CHAP and CTOC), which podcast apps show as a list to skip
// through. It writes ID3v2.3 (text in UTF-16, what most players and podcast
// apps read) or ID3v2.4 (text in UTF-8).
package id3

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"time"
)

// Tag is what gets written.
type Tag struct {
	// Version is 3 (ID3v2.3, the default) or 4 (ID3v2.4).
	Version  int
	Title    string // TIT2
	Artist   string // TPE1
	Album    string // TALB
	Genre    string // TCON
	Date     time.Time
	Language string // TLAN, ISO 639-2 ("vie")
	// Comment is a COMM frame in Language; URL a WOAS frame (the web page
	// the audio comes from).
	Comment string
	URL     string
	// Cover is a front-cover picture (APIC, type 3) of type CoverMIME.
	Cover     []byte
	CoverMIME string
	Chapters  []Chapter
}

// Chapter is one CHAP frame; a CTOC frame lists them in order.
type Chapter struct {
	ID         string // element ID, unique in the tag, ASCII
	Start, End time.Duration
	Title      string
	URL        string // optional WXXX sub-frame
}

// Bytes returns the encoded tag, to be written before the first audio
// frame.
func (t Tag) Bytes() ([]byte, error) {
	v := t.Version
	if v == 0 {
		v = 3
	}
	if v != 3 && v != 4 {
		return nil, fmt.Errorf("id3: version 2.%d; want 2.3 or 2.4", v)
	}
	w := writer{version: v}
	w.text("TIT2", t.Title)
	w.text("TPE1", t.Artist)
	w.text("TALB", t.Album)
	w.text("TCON", t.Genre)
	if !t.Date.IsZero() {
		if v == 4 {
			w.text("TDRC", t.Date.Format("2006-01-02"))
		} else {
			w.text("TYER", t.Date.Format("2006"))
			w.text("TDAT", t.Date.Format("0201"))
		}
	}
	w.text("TLAN", t.Language)
	if t.Comment != "" {
		lang := t.Language
		if len(lang) != 3 {
			lang = "und"
		}
		var b bytes.Buffer
		b.WriteByte(w.encoding())
		b.WriteString(lang)
		b.Write(w.encode("", true))
		b.Write(w.encode(t.Comment, false))
		w.frame("COMM", b.Bytes())
	}
	if t.URL != "" {
		w.frame("WOAS", latin1(t.URL))
	}
	if len(t.Cover) > 0 {
		if t.CoverMIME == "" {
			return nil, errors.New("id3: cover without a MIME type")
		}
		var b bytes.Buffer
		b.WriteByte(w.encoding())
		b.WriteString(t.CoverMIME)
		b.WriteByte(0)
		b.WriteByte(3) // front cover
		b.Write(w.encode("", true))
		b.Write(t.Cover)
		w.frame("APIC", b.Bytes())
	}
	if len(t.Chapters) > 0 {
		if err := w.chapters(t.Chapters); err != nil {
			return nil, err
		}
	}
	if w.err != nil {
		return nil, w.err
	}
	body := w.buf.Bytes()
	if len(body) >= 1<<28 {
		return nil, errors.New("id3: tag over 256 MB")
	}
	out := make([]byte, 10, 10+len(body))
	copy(out, "ID3")
	out[3], out[4], out[5] = byte(v), 0, 0
	putSyncsafe(out[6:], uint32(len(body)))
	return append(out, body...), nil
}

func (w *writer) chapters(chs []Chapter) error {
	ids := map[string]bool{}
	var toc bytes.Buffer
	toc.WriteString("toc")
	toc.WriteByte(0)
	toc.WriteByte(0x03) // top level, ordered
	if len(chs) > 255 {
		return errors.New("id3: more than 255 chapters")
	}
	toc.WriteByte(byte(len(chs)))
	for _, c := range chs {
		if c.ID == "" || c.ID == "toc" || ids[c.ID] || !isASCII(c.ID) {
			return fmt.Errorf("id3: chapter ID %q is empty, not ASCII, reserved or repeated", c.ID)
		}
		if c.End < c.Start {
			return fmt.Errorf("id3: chapter %s ends (%v) before it starts (%v)", c.ID, c.End, c.Start)
		}
		ids[c.ID] = true
		toc.WriteString(c.ID)
		toc.WriteByte(0)
	}
	w.frame("CTOC", toc.Bytes())
	for _, c := range chs {
		var b bytes.Buffer
		b.WriteString(c.ID)
		b.WriteByte(0)
		binary.Write(&b, binary.BigEndian, uint32(c.Start.Milliseconds()))
		binary.Write(&b, binary.BigEndian, uint32(c.End.Milliseconds()))
		binary.Write(&b, binary.BigEndian, uint32(0xffffffff)) // no byte offsets
		binary.Write(&b, binary.BigEndian, uint32(0xffffffff))
		sub := writer{version: w.version}
		sub.text("TIT2", c.Title)
		if c.URL != "" {
			var u bytes.Buffer
			u.WriteByte(sub.encoding())
			u.Write(sub.encode("", true))
			u.Write(latin1(c.URL))
			sub.frame("WXXX", u.Bytes())
		}
		b.Write(sub.buf.Bytes())
		w.frame("CHAP", b.Bytes())
	}
	return nil
}
