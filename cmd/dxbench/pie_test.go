package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// elfHeader is the 64-byte header of a little-endian x86-64 ELF file of
// type typ, with no program or section headers.
func elfHeader(typ uint16) []byte {
	h := make([]byte, 64)
	copy(h, "\x7fELF")
	h[4], h[5], h[6] = 2, 1, 1 // 64-bit, little-endian, version 1
	binary.LittleEndian.PutUint16(h[16:], typ)
	binary.LittleEndian.PutUint16(h[18:], 0x3e) // x86-64
	binary.LittleEndian.PutUint32(h[20:], 1)
	binary.LittleEndian.PutUint16(h[52:], 64) // header size
	binary.LittleEndian.PutUint16(h[54:], 56) // program header size
	binary.LittleEndian.PutUint16(h[58:], 64) // section header size
	return h
}

func TestPositionIndependent(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		data []byte
		want bool
		err  bool
	}{
		{"pie", elfHeader(3), true, false},   // ET_DYN
		{"exec", elfHeader(2), false, false}, // ET_EXEC
		{"script", []byte("#!/bin/sh\necho hello\n"), false, true},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, c.data, 0o755); err != nil {
			t.Fatal(err)
		}
		got, err := positionIndependent(p)
		if got != c.want || (err != nil) != c.err {
			t.Errorf("%s: positionIndependent = %v, %v; want %v, error %v", c.name, got, err, c.want, c.err)
		}
	}
}
