package envvar

import (
	"slices"
	"strings"
	"testing"
)

func TestDeclareGetUnknown(t *testing.T) {
	a := Declare(Var{Name: "DXNEWS_TEST_A", Default: "x", Meaning: "a", Commands: "run"})
	Declare(Var{Name: "DXNEWS_TEST_B", DefaultDoc: "the built-in list", Meaning: "b", Commands: "run"})
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	if got := a.Get(getenv); got != "x" {
		t.Errorf("unset: got %q, want the default", got)
	}
	env["DXNEWS_TEST_A"] = "y"
	if got := a.Get(getenv); got != "y" {
		t.Errorf("set: got %q", got)
	}
	if b, ok := Lookup("DXNEWS_TEST_B"); !ok || b.ShownDefault() != "the built-in list" || b.Get(getenv) != "" {
		t.Errorf("Lookup B: %+v %v", b, ok)
	}
	got := Unknown([]string{"DXNEWS_TEST_A=1", "DXNEWS_TEST_C=2", "HOME=/root", "DXNEWS_TEST_B"})
	if !slices.Equal(got, []string{"DXNEWS_TEST_C"}) {
		t.Errorf("Unknown = %q", got)
	}
	names := []string{}
	for _, v := range All() {
		names = append(names, v.Name)
	}
	if !slices.IsSorted(names) || !slices.Contains(names, "DXNEWS_TEST_A") {
		t.Errorf("All = %q", names)
	}
}

func TestDeclareRejects(t *testing.T) {
	Declare(Var{Name: "DXNEWS_TEST_DUP", Meaning: "m", Commands: "run"})
	for _, v := range []Var{
		{Name: "DXNEWS_TEST_DUP", Meaning: "m", Commands: "run"},
		{Name: "OTHER_NAME", Meaning: "m", Commands: "run"},
		{Name: "DXNEWS_lower", Meaning: "m", Commands: "run"},
		{Name: "DXNEWS_TEST_NOMEANING", Commands: "run"},
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), "envvar:") {
					t.Errorf("Declare(%q) did not panic: %v", v.Name, r)
				}
			}()
			Declare(v)
		}()
	}
}
