package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"dxnews/article"
)

// lane is one row of a timeline: a span with dated points on it.
type lane struct {
	Label       string
	First, Last string // YYYY-MM-DD
	Points      []point
}

type point struct {
	Date   string
	Href   string
	Title  string
	Hollow bool // a mention that does not date the span (a former role)
}

// timeline draws lanes on one time axis with year ticks.
func timeline(title string, lanes []lane) template.HTML {
	const width, left, right, laneH, top = 640.0, 8.0, 8.0, 44.0, 22.0
	lo, hi := "", ""
	for _, l := range lanes {
		lo, hi = article.WidenSpan(lo, hi, append([]string{l.First, l.Last}, pointDates(l.Points)...)...)
	}
	t0, ok0 := parseDay(lo)
	t1, ok1 := parseDay(hi)
	if !ok0 || !ok1 {
		return ""
	}
	t0 = time.Date(t0.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	t1 = time.Date(t1.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	span := t1.Sub(t0).Hours()
	x := func(d string) float64 {
		t, ok := parseDay(d)
		if !ok {
			return left
		}
		return left + (width-left-right)*t.Sub(t0).Hours()/span
	}
	h := top + laneH*float64(len(lanes)) + 6
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart timeline" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="tl-title" preserveAspectRatio="xMinYMin meet">`, width, h)
	fmt.Fprintf(&sb, `<title id="tl-title">%s</title>`, esc(title))
	for y := t0.Year(); y <= t1.Year(); y++ {
		d := fmt.Sprintf("%d-01-01", y)
		fmt.Fprintf(&sb, `<line class="tick" x1="%.1f" y1="14" x2="%.1f" y2="%.0f"/>`, x(d), x(d), h)
		if y < t1.Year() {
			fmt.Fprintf(&sb, `<text class="year" x="%.1f" y="11">%d</text>`, x(d)+2, y)
		}
	}
	for i, l := range lanes {
		y := top + laneH*float64(i)
		fmt.Fprintf(&sb, `<text class="label" x="%.0f" y="%.1f">%s</text>`, left, y+12, esc(truncate(l.Label, 80)))
		if l.First != "" {
			x0, x1 := x(l.First), x(l.Last)
			fmt.Fprintf(&sb, `<rect class="span" x="%.1f" y="%.1f" width="%.1f" height="10" rx="3"><title>%s: %s – %s</title></rect>`,
				x0, y+20, math.Max(6, x1-x0), esc(l.Label), l.First, l.Last)
		}
		for _, p := range l.Points {
			cls := "dot"
			if p.Hollow {
				cls = "dot former"
			}
			c := fmt.Sprintf(`<circle class="%s" cx="%.1f" cy="%.1f" r="6"><title>%s</title></circle>`, cls, x(p.Date), y+25, esc(p.Title))
			if p.Href != "" {
				c = `<a href="` + esc(p.Href) + `">` + c + `</a>`
			}
			sb.WriteString(c)
		}
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

func pointDates(ps []point) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Date
	}
	return out
}

func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}
