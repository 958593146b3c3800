package main

import (
	"encoding/json"

	"dxnews/internal/atomicfile"
)

// writeJSON writes v as indented JSON to path atomically and durably
// (atomicfile.Write), so that a reader, a crash or a full disk leaves the
// old file or the new one, never part of one.
func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, b, 0o644)
}
