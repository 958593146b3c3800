package tts

import (
	"strings"
	"testing"
)

func TestParseVoiceMap(t *testing.T) {
	def := map[string]string{"north-female": "banmai", "south-male": "minhquang"}
	got, err := ParseVoiceMap(" north-male = leminh, south-male=", def)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["north-male"] != "leminh" || got["north-female"] != "banmai" || got["south-male"] != "" {
		t.Errorf("got %v", got)
	}
	if def["south-male"] != "minhquang" {
		t.Error("defaults were modified")
	}
	for _, bad := range []string{"robot=x", "north-female"} {
		if _, err := ParseVoiceMap(bad, def); err == nil {
			t.Errorf("ParseVoiceMap(%q) accepted", bad)
		}
	}
	err = VoiceNotFound("fpt", "central-male", def)
	if err.Error() != `fpt: no voice "central-male" (has north-female, south-male)` {
		t.Errorf("VoiceNotFound = %v", err)
	}
}

func TestVoiceSettings(t *testing.T) {
	got := VoiceSettings("speed=1", map[string]string{"south-male": "b", "north-female": "a"})
	if got != "speed=1;north-female=a;south-male=b" {
		t.Errorf("VoiceSettings = %q", got)
	}
	if ids := VoiceIDs(map[string]string{"b": "", "a": ""}); strings.Join(ids, ",") != "a,b" {
		t.Errorf("VoiceIDs = %v", ids)
	}
}
