package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Charts are drawn on the server as inline SVG: readable without
// JavaScript, scaled to the screen through viewBox, each with a <title>
// and a table beside it as the text alternative.

// bar is one bar of a horizontal bar chart.
type bar struct {
	Label string
	Value float64
	Text  string // the value as shown
	Href  string
}

// barChart draws horizontal bars, one per row, labels on the left.
func barChart(title string, bars []bar) template.HTML {
	const width, labelW, rowH, top = 640.0, 250.0, 32.0, 8.0
	maxV := 0.0
	for _, b := range bars {
		maxV = math.Max(maxV, b.Value)
	}
	if maxV == 0 {
		maxV = 1
	}
	h := top*2 + rowH*float64(len(bars))
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart bars" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="chart-title-%d" preserveAspectRatio="xMinYMin meet">`, width, h, len(title))
	fmt.Fprintf(&sb, `<title id="chart-title-%d">%s</title>`, len(title), esc(title))
	barW := width - labelW - 110
	for i, b := range bars {
		y := top + rowH*float64(i)
		w := math.Max(2, barW*b.Value/maxV)
		open, closeTag := "", ""
		if b.Href != "" {
			open, closeTag = fmt.Sprintf(`<a href="%s">`, esc(b.Href)), "</a>"
		}
		fmt.Fprintf(&sb, `%s<g class="bar"><text x="%.0f" y="%.1f" text-anchor="end" class="label">%s</text><rect x="%.0f" y="%.1f" width="%.1f" height="%.0f"><title>%s: %s</title></rect><text x="%.1f" y="%.1f" class="value">%s</text></g>%s`,
			open, labelW-8, y+rowH*0.65, esc(truncate(b.Label, 24)), labelW, y+4, w, rowH-8, esc(b.Label), esc(b.Text), labelW+w+6, y+rowH*0.65, esc(b.Text), closeTag)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

func esc(s string) string { return template.HTMLEscapeString(s) }

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
