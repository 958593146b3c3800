package extract

import (
	"dxnews/article"
	"strings"
)

// sameTarget finds an earlier target with the same value and year whose
// metric shares at least half its words (a headline repeating the body).
func sameTarget(list []article.Target, value, year, metric string) int {
	var mk []string
	for i, t := range list {
		if t.Value != value || t.Year != year {
			continue
		}
		if mk == nil {
			mk = strings.Fields(phraseKey(metric))
		}
		tk := strings.Fields(phraseKey(t.Metric))
		if 2*sharedSyllables(mk, tk) >= min(len(mk), len(tk)) && len(mk) > 0 {
			return i
		}
	}
	return -1
}

var anaphoricMetric = map[string]bool{"tỷ lệ này": true, "con số này": true, "chỉ tiêu này": true, "mức này": true,
	"tỷ lệ trên": true, "con số trên": true}

// enrich completes a target with what a repeated mention adds: the body
// often says "ít nhất 95% … toàn trình" where the headline said "95% …".
func enrich(t *article.Target, qual, metric string) {
	if t.Qualifier == "" {
		t.Qualifier = qual
	}
	if len(metric) > len(t.Metric) && strings.Contains(phraseKey(metric), phraseKey(t.Metric)) {
		t.Metric = metric
	}
}
