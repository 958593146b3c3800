package tts

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"dxnews/article"
)

// ParseVoiceMap reads "north-female=banmai,south-male=minhquang" and
// returns defaults with those entries applied; an empty value
// ("south-male=") removes the voice. Keys must be dxnews voice IDs.
func ParseVoiceMap(s string, defaults map[string]string) (map[string]string, error) {
	out := maps.Clone(defaults)
	if out == nil {
		out = map[string]string{}
	}
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		id, name, ok := strings.Cut(item, "=")
		if !ok {
			return nil, fmt.Errorf("voice map entry %q is not voice=name", item)
		}
		id, name = strings.TrimSpace(id), strings.TrimSpace(name)
		if _, err := article.LookupVoice(id); err != nil {
			return nil, fmt.Errorf("voice map: %w", err)
		}
		if name == "" {
			delete(out, id)
			continue
		}
		out[id] = name
	}
	return out, nil
}

// VoiceNotFound is the error a backend returns for a voice it lacks.
func VoiceNotFound(backend, voice string, have map[string]string) error {
	return fmt.Errorf("%s: no voice %q (has %s)", backend, voice, strings.Join(VoiceIDs(have), ", "))
}

// VoiceIDs returns the dxnews voice IDs of a voice map, sorted.
func VoiceIDs(voices map[string]string) []string { return slices.Sorted(maps.Keys(voices)) }

// VoiceSettings returns head followed by ";id=voice" for every entry of a
// voice map in ID order: the voice part of a backend's Settings.
func VoiceSettings(head string, voices map[string]string) string {
	var b strings.Builder
	b.WriteString(head)
	for _, id := range VoiceIDs(voices) {
		fmt.Fprintf(&b, ";%s=%s", id, voices[id])
	}
	return b.String()
}
