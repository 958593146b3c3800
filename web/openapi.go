package web

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"strings"
)

// openAPIDoc is the OpenAPI 3.1 document of every endpoint; its component
// schemas are also served one by one as JSON Schemas.
//
//go:embed openapi/openapi.json
var openAPIDoc []byte

// recordSchemas maps the names served under /api/schemas/ to the
// component each describes.
var recordSchemas = map[string]string{
	"article.json": "Article",
	"entity.json":  "Entity",
	"export.json":  "Article",
}

func (s *server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Write(openAPIDoc)
}

// recordSchema returns a standalone JSON Schema (2020-12) for one
// component of the OpenAPI document, its references turned into $defs.
func recordSchema(component string) ([]byte, error) {
	var doc struct {
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		return nil, err
	}
	defs := map[string]json.RawMessage{}
	for name, raw := range doc.Components.Schemas {
		defs[name] = json.RawMessage(strings.ReplaceAll(string(raw), "#/components/schemas/", "#/$defs/"))
	}
	return json.MarshalIndent(map[string]any{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"$id":     "/api/schemas/" + strings.ToLower(component) + ".json",
		"$ref":    "#/$defs/" + component,
		"$defs":   defs,
	}, "", " ")
}

func (s *server) handleSchema(w http.ResponseWriter, r *http.Request) {
	comp, ok := recordSchemas[r.PathValue("name")]
	if !ok {
		s.fail(w, r, http.StatusNotFound, "no schema "+r.PathValue("name")+" (article.json, entity.json, export.json)", nil)
		return
	}
	b, err := recordSchema(comp)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "cannot build schema", err)
		return
	}
	w.Header().Set("Content-Type", "application/schema+json")
	w.Write(b)
}
