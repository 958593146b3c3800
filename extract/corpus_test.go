package extract

import (
	"path/filepath"
	"strings"
	"testing"

	"dxnews/corpus"
)

func TestEvalCorpusMeetsFloors(t *testing.T) {
	c := corpus.DirOrSkip(t, "gold")
	r, err := Eval(filepath.Join(c, "articles"), filepath.Join(c, "gold"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	floors := map[string]float64{"people": 0.95, "roles": 0.85, "decisions": 0.95, "targets": 0.85}
	for typ, floor := range floors {
		if f := r.Scores[typ].F1(); f < floor {
			t.Errorf("%s F1 = %.3f, below %.2f", typ, f, floor)
		}
	}
}
