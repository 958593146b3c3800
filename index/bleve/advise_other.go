//go:build !linux

package bleve

// adviseSegments does nothing where there is no /proc/self/maps to find
// the segments in.
func adviseSegments() {}
