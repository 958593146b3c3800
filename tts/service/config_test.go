package service

import (
	"testing"

	"dxnews/internal/envvar"
)

func TestConfigChecks(t *testing.T) {
	key := envvar.Var{Name: "DXNEWS_DEMO_KEY"}
	intSpeed, floatSpeed := 0, 0.0
	tests := []struct {
		name   string
		checks []error
		want   string
	}{
		{"all pass", []error{Required("key", key, "k"), Speed(&intSpeed, 0, -3, 3)}, ""},
		{"missing key", []error{Required("API key", key, ""), Speed(&floatSpeed, 1, 0.7, 1.3)}, "demo: no API key (DXNEWS_DEMO_KEY)"},
		{"first failure wins", []error{nil, Speed(new(int), 4, -3, 3), Required("key", key, "")}, "demo: speed 4 outside -3…3"},
		{"float out of range", []error{Speed(new(float64), 1.5, 0.25, 1.2)}, "demo: speed 1.5 outside 0.25…1.2"},
	}
	for _, tt := range tests {
		err := Check("demo", tt.checks...)
		if (err == nil && tt.want != "") || (err != nil && err.Error() != tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	if intSpeed != 0 || floatSpeed != 1 {
		t.Errorf("zero speeds took %d and %g, want the defaults 0 and 1", intSpeed, floatSpeed)
	}
	if s := 1.1; Speed(&s, 1, 0.7, 1.3) != nil || s != 1.1 {
		t.Errorf("a speed in range was changed to %g", s)
	}
}
