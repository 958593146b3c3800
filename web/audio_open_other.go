//go:build !unix

package web

import "os"

// openAudio opens a stored audio file for reading.
func openAudio(name string) (*os.File, error) { return os.Open(name) }
