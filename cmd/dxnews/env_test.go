package main

import (
	"os"
	"strings"
	"testing"

	"dxnews/internal/envvar"
)

// readmeVars reads the configuration table of README.md: the flag and the
// default of each variable it names.
func readmeVars(t *testing.T) map[string][2]string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## Configuration\n")
	if !ok {
		t.Fatal("README.md has no Configuration section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	out := map[string][2]string{}
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) != 6 || !strings.HasPrefix(strings.TrimSpace(cells[2]), "`DXNEWS_") {
			continue
		}
		unquote := func(s string) string { return strings.Trim(strings.TrimSpace(s), "`") }
		name, def := unquote(cells[2]), unquote(cells[3])
		if def == "—" {
			def = ""
		}
		if _, dup := out[name]; dup {
			t.Errorf("README.md lists %s twice", name)
		}
		out[name] = [2]string{unquote(cells[1]), def}
	}
	return out
}

// The README's table and the declarations name the same variables, with
// the same defaults and flags.
func TestReadmeConfigurationMatchesTheRegistry(t *testing.T) {
	readme := readmeVars(t)
	for _, v := range envvar.All() {
		got, ok := readme[v.Name]
		if !ok {
			t.Errorf("%s is declared (default %q) but missing from the README's configuration table", v.Name, v.ShownDefault())
			continue
		}
		if got[1] != v.ShownDefault() {
			t.Errorf("%s: README default %q, declared %q", v.Name, got[1], v.ShownDefault())
		}
		if got[0] != v.Flag {
			t.Errorf("%s: README flag %q, declared %q", v.Name, got[0], v.Flag)
		}
	}
	for name := range readme {
		if _, ok := envvar.Lookup(name); !ok {
			t.Errorf("README.md lists %s, which nothing declares or reads", name)
		}
	}
	if len(readme) < 30 {
		t.Errorf("read %d variables from README.md: the table was not found whole", len(readme))
	}
}

// help env lists every variable; an undeclared DXNEWS_* variable is warned
// about and a declared one is not.
func TestHelpEnvAndUnknownVariables(t *testing.T) {
	out, _ := mustRun(t, nil, "help", "env")
	for _, v := range envvar.All() {
		if !strings.Contains(out, "\n"+v.Name+"\n    "+v.Meaning+"\n") {
			t.Errorf("help env lacks %s", v.Name)
		}
	}
	_, stderr := mustRun(t, map[string]string{"DXNEWS_DATAA": "x", "DXNEWS_ESPEAK_SPEED": "200"}, "normalize", "-")
	if len(missing(stderr, "unknown environment variable", "DXNEWS_DATAA")) > 0 || strings.Contains(stderr, "DXNEWS_ESPEAK_SPEED") {
		t.Errorf("stderr %q: want one warning, about DXNEWS_DATAA", stderr)
	}
	if code, _, _ := run(t, nil, "help", "nonsense"); code != 2 {
		t.Errorf("help nonsense exited %d, want 2", code)
	}
}

// A variable's default reaches the flag it stands behind.
func TestEnvFlagDefaults(t *testing.T) {
	for _, args := range [][]string{{"serve", "-h"}, {"run", "-h"}} {
		_, _, stderr := run(t, map[string]string{"DXNEWS_ADDR": "127.0.0.1:9999"}, args...)
		if len(missing(stderr, `(default "127.0.0.1:9999")`, "env DXNEWS_ADDR")) > 0 {
			t.Errorf("%v: -addr does not default to DXNEWS_ADDR:\n%s", args, stderr)
		}
	}
}
