package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractExplain(t *testing.T) {
	text := "Kế hoạch chuyển đổi số\n\nCác chỉ tiêu chủ yếu giai đoạn 2026–2028 như sau:\nVề hạ tầng số: 98% thôn có sóng 4G; 75% hộ gia đình dùng cáp quang.\n"
	f := writeFile(t, filepath.Join(t.TempDir(), "plan.txt"), text)
	var out struct {
		Targets []struct {
			Value, Year string
		} `json:"targets"`
		Evidence []struct {
			Value string `json:"value"`
			Year  string `json:"year"`
			Cue   struct {
				Kind, Text string
				Start, End int
			} `json:"cue"`
			YearFrom struct {
				Kind, Text string
				Start, End int
			} `json:"year_from"`
			Scopes []struct{ Kind, Text string } `json:"scopes"`
		} `json:"evidence"`
		People []any `json:"people"`
	}
	stderr := mustRunJSON(t, nil, &out, "extract", "-explain", f)
	if out.People == nil || len(out.Targets) != 2 || len(out.Evidence) != 2 {
		t.Fatalf("targets %+v evidence %+v", out.Targets, out.Evidence)
	}
	for i, ev := range out.Evidence {
		if ev.Value != out.Targets[i].Value || ev.Year != "2028" || ev.Cue.Kind != "lead-in" || ev.Cue.Text != "chỉ tiêu" ||
			text[ev.Cue.Start:ev.Cue.End] != ev.Cue.Text || ev.YearFrom.Text != "2026–2028" || len(ev.Scopes) != 1 {
			t.Errorf("evidence %d: %+v", i, ev)
		}
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "98% ") || !strings.Contains(lines[0], `lead-in "chỉ tiêu"`) || !strings.Contains(lines[0], "2028 from lead-in") {
		t.Errorf("stderr:\n%s", stderr)
	}
	// Without -explain the output has no evidence and stderr stays quiet.
	code, stdout, stderr := run(t, nil, "extract", f)
	if code != 0 || strings.Contains(stdout, "evidence") || stderr != "" {
		t.Errorf("exit %d, stdout %s, stderr %q", code, stdout, stderr)
	}
}
