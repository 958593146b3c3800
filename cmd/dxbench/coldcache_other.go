//go:build !linux || !(amd64 || arm64)

package main

import "os"

// dropCached does nothing where files cannot be evicted one by one; the
// load test then starts on whatever the page cache holds.
func dropCached(*os.File) error { return nil }
