package bleve

import (
	"strings"
	"testing"
)

func TestSegmentMappings(t *testing.T) {
	maps := strings.Join([]string{
		"7f00a0000000-7f00a0400000 r--s 00000000 fd:00 1234   /data/index/store/000000000073.zap",
		"7f00b0000000-7f00b0001000 r--s 00000000 fd:00 1235   /my data/index/store/0000000000e7.zap",
		"7f00c0000000-7f00c0002000 r--s 00000000 fd:00 1236   /data/index/store/00000000002d.zap (deleted)",
		"7f00d0000000-7f00d0002000 r--s 00000000 fd:00 1237   /data/index/store/root.bolt",
		"7f00e0000000-7f00e0002000 rw-p 00000000 00:00 0 ",
		"c000000000-c004000000 rw-p 00000000 00:00 0",
		"zz-7f00f0001000 r--s 00000000 fd:00 1238   /data/bad.zap",
	}, "\n")
	got := segmentMappings(strings.NewReader(maps))
	want := []region{
		{0x7f00a0000000, 0x7f00a0400000, "/data/index/store/000000000073.zap"},
		{0x7f00b0000000, 0x7f00b0001000, "/my data/index/store/0000000000e7.zap"},
	}
	if len(got) != len(want) {
		t.Fatalf("segmentMappings = %+v; want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("region %d = %+v; want %+v", i, got[i], want[i])
		}
	}
}
