package article

import (
	"fmt"
	"strings"
)

// Region is the dialect region of a voice; spoken-form normalisation follows it.
type Region string

// Regions.
const (
	North   Region = "north"
	Central Region = "central"
	South   Region = "south"
)

// Voice is one of the reading voices listeners choose from.
type Voice struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Region Region `json:"region"`
	Female bool   `json:"female"`
}

// Voices lists the four voices every backend must offer, in UI order.
var Voices = []Voice{
	{ID: "north-female", Label: "Nữ miền Bắc", Region: North, Female: true},
	{ID: "north-male", Label: "Nam miền Bắc", Region: North},
	{ID: "south-female", Label: "Nữ miền Nam", Region: South, Female: true},
	{ID: "south-male", Label: "Nam miền Nam", Region: South},
}

// OptionalVoices lists voices only some backends offer.
var OptionalVoices = []Voice{
	{ID: "central-female", Label: "Nữ miền Trung", Region: Central, Female: true},
	{ID: "central-male", Label: "Nam miền Trung", Region: Central},
}

// AllVoices returns the regional voices followed by the optional ones, in UI
// order, as a new slice.
func AllVoices() []Voice {
	return append(append([]Voice(nil), Voices...), OptionalVoices...)
}

// LookupVoice returns the voice with the given ID, or an error naming the
// known voices.
func LookupVoice(id string) (Voice, error) {
	for _, vs := range [...][]Voice{Voices, OptionalVoices} {
		for _, v := range vs {
			if v.ID == id {
				return v, nil
			}
		}
	}
	all := AllVoices()
	ids := make([]string, 0, len(all))
	for _, v := range all {
		ids = append(ids, v.ID)
	}
	return Voice{}, fmt.Errorf("unknown voice %q (known: %s)", id, strings.Join(ids, ", "))
}
