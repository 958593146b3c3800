package house

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// createdByChecklists are the files CONTRIBUTING.md's checklists tell a
// newcomer to create: an example site, entity type and index backend.
var createdByChecklists = []string{
	"crawler/testdata/sites/baomoi.golden.json",
	"crawler/testdata/sites/baomoi.html",
	"extract/events.go",
	"index/typesense/config.go",
	"index/typesense/typesense_test.go",
}

// Every file CONTRIBUTING.md names by its path exists, apart from those its
// checklists create, so that a newcomer following it never looks for a
// file that moved.
func TestContributingNamesFilesThatExist(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "CONTRIBUTING.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, f := range createdByChecklists {
		if !strings.Contains(text, "`"+f+"`") {
			t.Errorf("%s is listed as created by a checklist, but CONTRIBUTING.md does not name it", f)
		}
	}
	paths := regexp.MustCompile("`([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+\\.[a-z]+)`").FindAllStringSubmatch(text, -1)
	if len(paths) < 20 {
		t.Fatalf("found %d file paths in CONTRIBUTING.md; the pattern no longer reads it", len(paths))
	}
	for _, m := range paths {
		p := m[1]
		if slices.Contains(createdByChecklists, p) {
			continue
		}
		if _, err := os.Stat(filepath.Join(root, p)); err != nil {
			t.Errorf("CONTRIBUTING.md names %s, which does not exist", p)
		}
	}
}
