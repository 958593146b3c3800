package article

// WidenSpan returns the span of days from first to last widened to take in
// days. Days are written YYYY-MM-DD, so they compare as strings; "" is no day
// and is passed over, and an empty span is first == last == "".
func WidenSpan(first, last string, days ...string) (string, string) {
	for _, d := range days {
		if d == "" {
			continue
		}
		if first == "" || d < first {
			first = d
		}
		if d > last {
			last = d
		}
	}
	return first, last
}
