package main

import (
	"encoding/json"
	"os"
)

// writeJSON writes v as indented JSON to path atomically: to a temporary
// file beside it, synced to disk, then renamed over path, so that a reader,
// a crash or a full disk leaves the old file or the new one, never part of
// one.
func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
