// Package envvar is the one list of the DXNEWS_* environment variables
// dxnews reads. Each variable is declared once, next to the code that
// reads it (a backend beside its Config, the command beside its flags),
// with its default, meaning and the commands that read it; the parsers read
// through the declaration, and the unknown-variable warning, `dxnews help
// env` and the README's configuration table are checked against it.
package envvar

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Prefix starts every variable's name.
const Prefix = "DXNEWS_"

// Commands that read many variables, for [Var.Commands].
const (
	// Speech are the commands that read articles aloud.
	Speech = "speak, crawl -speak, demo, run"
	// Data are the commands that open a data folder.
	Data = "crawl, demo, run, serve, search, export, status, reindex"
	// Index are the commands that open the search index.
	Index = "crawl, demo, run, serve, search, status, reindex"
)

// Var declares one environment variable.
type Var struct {
	// Name is the variable, starting with [Prefix].
	Name string
	// Default is the value [Var.Get] returns when the variable is unset or
	// empty; "" when there is none.
	Default string
	// DefaultDoc describes the default when it is not one value (a voice
	// map, "the built-in sources"); it replaces Default in the docs.
	DefaultDoc string
	// Meaning says what the variable sets, in one line.
	Meaning string
	// Commands lists the commands that read it, comma-separated.
	Commands string
	// Flag is the flag that wins over it, e.g. "-data DIR"; "" when none.
	Flag string
}

// Get returns the variable's value from getenv, or its Default when unset
// or empty.
func (v Var) Get(getenv func(string) string) string {
	if s := getenv(v.Name); s != "" {
		return s
	}
	return v.Default
}

// ShownDefault is the default as the docs show it: DefaultDoc, else
// Default, else "".
func (v Var) ShownDefault() string {
	if v.DefaultDoc != "" {
		return v.DefaultDoc
	}
	return v.Default
}

var (
	mu       sync.Mutex
	declared = map[string]Var{}
)

// Declare adds v to the registry and returns it, for a package-level
// variable. It panics on a name without [Prefix], without a meaning, or
// declared twice: each is a programming error found at start.
func Declare(v Var) Var {
	mu.Lock()
	defer mu.Unlock()
	switch {
	case !strings.HasPrefix(v.Name, Prefix) || v.Name != strings.ToUpper(v.Name):
		panic(fmt.Sprintf("envvar: %q is not an upper-case name starting with %s", v.Name, Prefix))
	case v.Meaning == "" || v.Commands == "":
		panic(fmt.Sprintf("envvar: %s is declared without a meaning or commands", v.Name))
	}
	if _, dup := declared[v.Name]; dup {
		panic(fmt.Sprintf("envvar: %s is declared twice", v.Name))
	}
	declared[v.Name] = v
	return v
}

// All returns every declared variable, sorted by name.
func All() []Var {
	mu.Lock()
	defer mu.Unlock()
	out := make([]Var, 0, len(declared))
	for _, v := range declared {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b Var) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Lookup returns the declared variable called name.
func Lookup(name string) (Var, bool) {
	mu.Lock()
	defer mu.Unlock()
	v, ok := declared[name]
	return v, ok
}

// Unknown returns the names in environ ("NAME=value" entries) that start
// with [Prefix] and are not declared: most likely typos.
func Unknown(environ []string) []string {
	var out []string
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		if _, ok := Lookup(k); !ok && strings.HasPrefix(k, Prefix) {
			out = append(out, k)
		}
	}
	return out
}
