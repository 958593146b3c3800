package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"
)

// monthCount is how many things fell in one month ("2022-03").
type monthCount struct {
	Month string
	Count int
	Href  string
}

// monthly counts dates per month, every month from the first to the last
// present, so gaps show as gaps.
func monthly(dates []string, href func(month string) string) []monthCount {
	counts := map[string]int{}
	lo, hi := "", ""
	for _, d := range dates {
		if len(d) < 7 {
			continue
		}
		m := d[:7]
		counts[m]++
		if lo == "" || m < lo {
			lo = m
		}
		if m > hi {
			hi = m
		}
	}
	if lo == "" {
		return nil
	}
	var out []monthCount
	t, _ := time.Parse("2006-01", lo)
	end, _ := time.Parse("2006-01", hi)
	for ; !t.After(end); t = t.AddDate(0, 1, 0) {
		m := t.Format("2006-01")
		mc := monthCount{Month: m, Count: counts[m]}
		if href != nil && mc.Count > 0 {
			mc.Href = href(m)
		}
		out = append(out, mc)
	}
	return out
}

// columnChart draws one column per month with year labels.
func columnChart(title string, months []monthCount) template.HTML {
	if len(months) == 0 {
		return ""
	}
	const width, height, bottom, top = 640.0, 140.0, 18.0, 14.0
	maxC := 1
	for _, m := range months {
		maxC = max(maxC, m.Count)
	}
	colW := width / float64(len(months))
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart columns" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="col-title" preserveAspectRatio="xMinYMin meet">`, width, height)
	fmt.Fprintf(&sb, `<title id="col-title">%s</title>`, esc(title))
	fmt.Fprintf(&sb, `<text class="value" x="2" y="10">tối đa %d</text>`, maxC)
	for i, m := range months {
		x := colW * float64(i)
		if strings.HasSuffix(m.Month, "-01") || i == 0 {
			fmt.Fprintf(&sb, `<line class="tick" x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f"/><text class="year" x="%.1f" y="%.0f">%s</text>`,
				x, top, x, height-bottom+4, x+2, height-4, m.Month[:4])
		}
		if m.Count == 0 {
			continue
		}
		h := (height - bottom - top) * float64(m.Count) / float64(maxC)
		rect := fmt.Sprintf(`<rect class="col" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s: %d</title></rect>`,
			x+colW*0.1, height-bottom-h, math.Max(1, colW*0.8), h, m.Month, m.Count)
		if m.Href != "" {
			rect = fmt.Sprintf(`<a href="%s">%s</a>`, esc(m.Href), rect)
		}
		sb.WriteString(rect)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}
