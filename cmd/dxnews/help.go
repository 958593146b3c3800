package main

import (
	"fmt"
	"io"

	"dxnews/internal/envvar"
)

// help answers dxnews help [env|COMMAND] and returns the exit code.
func help(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		printUsage(stderr)
		return 0
	case args[0] == "env":
		printEnv(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			fmt.Fprintf(stderr, "Usage: dxnews %s %s\n\n%s.\n\nRun 'dxnews %s -h' for its flags.\n", c.name, c.usage, upperFirst(c.summary), c.name)
			return 0
		}
	}
	fmt.Fprintf(stderr, "dxnews help: no command or topic %q (topics: env; commands: dxnews -h)\n", args[0])
	return 2
}

// printEnv lists every DXNEWS_* variable with its meaning, default, the flag
// that wins over it and the commands that read it.
func printEnv(w io.Writer) {
	fmt.Fprintln(w, "dxnews reads these environment variables; flags win over them, and unknown DXNEWS_* variables are reported as warnings.")
	for _, v := range envvar.All() {
		fmt.Fprintf(w, "\n%s\n    %s\n", v.Name, v.Meaning)
		def := v.ShownDefault()
		if def == "" {
			def = "none"
		}
		fmt.Fprintf(w, "    default: %s\n", def)
		if v.Flag != "" {
			fmt.Fprintf(w, "    flag:    %s\n", v.Flag)
		}
		fmt.Fprintf(w, "    read by: %s\n", v.Commands)
	}
}
