// Package house checks the shape of the code base: no function over
// maxFuncLines lines and a median non-test file of at most maxMedianLines,
// so that each file and function holds one idea a newcomer can read.
package house

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	maxFuncLines   = 100
	longFuncLines  = 80
	maxMedianLines = 120
)

// goFiles returns the module's non-test Go files, outside testdata.
func goFiles(t *testing.T) []string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found from %s: %v", root, err)
	}
	var files []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && p != root && (name == "testdata" || name == "bin" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Every function fits on a screen or two; one that needs more than
// longFuncLines says why in its doc comment.
func TestFunctionLength(t *testing.T) {
	fset := token.NewFileSet()
	for _, p := range goFiles(t) {
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			fn, ok := n.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				return true
			}
			lines := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1
			where := fset.Position(fn.Pos())
			switch {
			case lines > maxFuncLines:
				t.Errorf("%s:%d: %s is %d lines (at most %d)", where.Filename, where.Line, fn.Name.Name, lines, maxFuncLines)
			case lines > longFuncLines && (fn.Doc == nil || !strings.Contains(fn.Doc.Text(), "long:")):
				t.Logf("%s:%d: %s is %d lines, with no \"long:\" reason in its doc comment", where.Filename, where.Line, fn.Name.Name, lines)
			}
			return true
		})
	}
}

// Half the non-test files are at most maxMedianLines long.
func TestMedianFileLength(t *testing.T) {
	var sizes []int
	for _, p := range goFiles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, strings.Count(string(b), "\n"))
	}
	slices.Sort(sizes)
	median := sizes[len(sizes)/2]
	if len(sizes)%2 == 0 {
		median = (sizes[len(sizes)/2-1] + sizes[len(sizes)/2]) / 2
	}
	t.Logf("%d non-test files, median %d lines, longest %d", len(sizes), median, sizes[len(sizes)-1])
	if median > maxMedianLines {
		t.Errorf("median non-test file is %d lines (at most %d): split files that hold several ideas", median, maxMedianLines)
	}
}
