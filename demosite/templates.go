package demosite

import (
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"time"
)

// templates holds the parsed HTML templates, one set per page kind.
type templates struct {
	pages map[string]*template.Template
}

var weekdays = [...]string{"Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;")
)

var funcs = template.FuncMap{
	// vneDate: "Thứ năm, 4/11/2021, 17:12 (GMT+7)".
	"vneDate": func(t time.Time) string {
		t = t.In(ict)
		return fmt.Sprintf("%s, %d/%d/%d, %02d:%02d (GMT+7)", weekdays[t.Weekday()], t.Day(), int(t.Month()), t.Year(), t.Hour(), t.Minute())
	},
	// dtDate: "Thứ ba, 06/05/2025 - 06:02".
	"dtDate": func(t time.Time) string {
		t = t.In(ict)
		return weekdays[t.Weekday()] + ", " + t.Format("02/01/2006 - 15:04")
	},
	"dtDatetime": func(t time.Time) string { return t.In(ict).Format("2006-01-02 15:04") },
	"shortDate":  func(t time.Time) string { return t.In(ict).Format("02/01/2006 15:04") },
	"iso":        func(t time.Time) string { return t.In(ict).Format(time.RFC3339) },
	"slug":       slugify,
	"subhead":    func(p string) bool { return strings.HasPrefix(p, "## ") },
	"unhead":     func(p string) string { return strings.TrimPrefix(p, "## ") },
	// text and contentAttr escape only what HTML requires, so quotes and
	// "+" stay literal as on real news sites.
	"text":        func(v string) template.HTML { return template.HTML(textEscaper.Replace(v)) },
	"contentAttr": func(v string) template.HTMLAttr { return template.HTMLAttr(`content="` + attrEscaper.Replace(v) + `"`) },
	// figureAfter reports whether the article image goes after paragraph i.
	"figureAfter": func(i int) bool { return i == 1 },
}

// parseTemplates parses site/templates: layout.html is shared, every other
// file is one page kind.
func parseTemplates(fsys fs.FS) (*templates, error) {
	names, err := fs.Glob(fsys, "site/templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("demosite: listing templates: %w", err)
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, name := range names {
		base := strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".html")
		if base == "layout" {
			continue
		}
		tpl, err := template.New(base).Funcs(funcs).ParseFS(fsys, "site/templates/layout.html", name)
		if err != nil {
			return nil, fmt.Errorf("demosite: parsing template %s: %w", base, err)
		}
		t.pages[base] = tpl
	}
	return t, nil
}
