package web

import (
	"html/template"
	"net/url"
	"strings"
	"time"

	"dxnews/article"
	"dxnews/index"
)

var templateFuncs = template.FuncMap{
	"date":         formatDate,
	"paragraphs":   paragraphs,
	"entityURL":    entityURL,
	"typeLabel":    typeLabel,
	"highlight":    highlight,
	"decisionName": index.DecisionName,
	"targetName":   index.TargetName,
	"voiceLabels":  voiceLabels,
	"list":         func(a []article.Article, q string) articleList { return articleList{a, q} },
	"decisionURL":  decisionURL,
	"inc":          func(i int) int { return i + 1 },
	"trimCSV":      func(s string) string { _, q, _ := strings.Cut(s, "?"); return q },
	"familyLabel":  familyLabel,
	"entityIDURL":  func(typ, id string) string { return "/entities/" + typ + "/" + url.PathEscape(id) },
}

// formatDate shows a time as Vietnamese readers write it, in Vietnam time.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(vietnam).Format("02/01/2006 15:04")
}

// paragraphs splits a body on blank lines.
func paragraphs(body string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// entityURL is the page of one entity; the name is escaped as one path
// segment, so decision symbols keep their slashes.
func entityURL(typ, name string) string {
	return "/entities/" + typ + "/" + url.PathEscape(name)
}

// voiceLabels lists the labels of the voices an article can be heard in.
func voiceLabels(a article.Article) []string {
	var out []string
	for _, v := range allVoices {
		if _, ok := findAudio(a, v.ID); ok {
			out = append(out, v.Label)
		}
	}
	return out
}
