package bleve

import (
	"os"
	"syscall"
)

// adviseSegments advises every segment mapped by this process as read at
// random. It is best effort: a segment it cannot advise is still read,
// only with the kernel's read-ahead.
func adviseSegments() {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	for _, m := range segmentMappings(f) {
		// A region unmapped since maps was read gives ENOMEM, and one
		// mapped in its place is only given a hint.
		syscall.Syscall(syscall.SYS_MADVISE, m.start, m.end-m.start, syscall.MADV_RANDOM)
	}
}
