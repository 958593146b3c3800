package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

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

// readJSON decodes the file at path into v. A missing file is not found and
// no error; a file that does not decode is an error saying it is corrupt.
func readJSON(path string, v any) (found bool, err error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return true, fmt.Errorf("%s is corrupt: %w", path, err)
	}
	return true, nil
}
