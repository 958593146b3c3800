package web

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// apiDoc is the parsed OpenAPI document.
type apiDoc struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]struct {
		Responses map[string]struct {
			Content map[string]struct {
				Schema any `json:"schema"`
			} `json:"content"`
		} `json:"responses"`
	} `json:"paths"`
}

func loadAPIDoc(t *testing.T) (apiDoc, *schemaChecker) {
	t.Helper()
	var d apiDoc
	if err := json.Unmarshal(openAPIDoc, &d); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	c, err := newSchemaChecker(openAPIDoc)
	if err != nil {
		t.Fatal(err)
	}
	return d, c
}

// routePattern matches the routes registered on the mux in the source.
var routePattern = regexp.MustCompile(`mux\.Handle(?:Func)?\("GET (/[^"]*)"`)

// TestOpenAPICoversEveryRoute reads the route registrations and checks the
// document describes each one.
func TestOpenAPICoversEveryRoute(t *testing.T) {
	d, _ := loadAPIDoc(t)
	if d.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q, want 3.1.0", d.OpenAPI)
	}
	files, _ := os.ReadDir(".")
	n := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Name(), ".go") || strings.HasSuffix(f.Name(), "_test.go") {
			continue
		}
		src, err := os.ReadFile(f.Name())
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range routePattern.FindAllStringSubmatch(string(src), -1) {
			p := strings.ReplaceAll(strings.TrimSuffix(m[1], "{$}"), "...}", "}")
			if p == "/static/" {
				continue
			}
			n++
			if _, ok := d.Paths[p]; !ok {
				t.Errorf("route GET %s (%s) is not in openapi.json", m[1], f.Name())
			}
		}
	}
	if n < 20 {
		t.Fatalf("found only %d routes; has the registration style changed?", n)
	}
}

// TestOpenAPIUsesOnlyCheckedKeywords keeps the document within what the
// schema checker understands.
func TestOpenAPIUsesOnlyCheckedKeywords(t *testing.T) {
	_, c := loadAPIDoc(t)
	var walk func(s any, at string)
	walk = func(s any, at string) {
		m, ok := s.(map[string]any)
		if !ok {
			return
		}
		for k, v := range m {
			if !slices.Contains(checkedKeywords, k) {
				t.Errorf("%s uses %q, which the schema checker ignores", at, k)
			}
			switch k {
			case "properties":
				for name, p := range v.(map[string]any) {
					walk(p, at+"."+name)
				}
			case "items":
				walk(v, at+"[]")
			}
		}
	}
	for name, s := range c.defs {
		walk(s, name)
	}
}

// TestAPIResponsesMatchOpenAPI requests every JSON endpoint and checks
// the real responses against the document.
func TestAPIResponsesMatchOpenAPI(t *testing.T) {
	d, c := loadAPIDoc(t)
	f := newAnalysisFixture(t)
	id := f.arts[0].ID
	cases := []struct {
		path, url string
		status    int
	}{
		{"/api/articles", "/api/articles?q=chuyen+doi+so", 200},
		{"/api/articles", "/api/articles?q=chuyen+doi+so&facets=people,organizations,decisions,sources", 200},
		{"/api/articles", "/api/articles?size=0", 400},
		{"/api/articles/{id}", "/api/articles/" + id, 200},
		{"/api/articles/{id}", "/api/articles/0000000000000000", 404},
		{"/api/entities", "/api/entities?type=person", 200},
		{"/api/entities", "/api/entities?type=organization", 200},
		{"/api/entities", "/api/entities?type=decision", 200},
		{"/api/entities", "/api/entities?type=target", 200},
		{"/api/entities", "/api/entities?type=location", 200},
		{"/api/entities", "/api/entities?type=nope", 400},
		{"/api/targets", "/api/targets?family=digital-economy-share", 200},
		{"/api/targets", "/api/targets?family=nope", 400},
		{"/api/roles", "/api/roles?q=Gi%C3%A1m+%C4%91%E1%BB%91c", 200},
		{"/api/roles", "/api/roles", 400},
		{"/api/decisions", "/api/decisions", 200},
		{"/api/decisions/{symbol}", "/api/decisions/749/Q%C4%90-TTg", 200},
		{"/api/decisions/{symbol}", "/api/decisions/1/XYZ", 404},
		{"/api/schemas/{name}", "/api/schemas/nope.json", 404},
		{"/healthz", "/healthz", 200},
	}
	for _, tc := range cases {
		rec := f.get(tc.url)
		if rec.Code != tc.status {
			t.Errorf("GET %s: status %d, want %d: %s", tc.url, rec.Code, tc.status, rec.Body)
			continue
		}
		op, ok := d.Paths[tc.path]["get"]
		if !ok {
			t.Errorf("%s not documented", tc.path)
			continue
		}
		resp, ok := op.Responses[strconv.Itoa(tc.status)]
		if !ok {
			t.Errorf("GET %s: status %d not documented", tc.path, tc.status)
			continue
		}
		media, ok := resp.Content["application/json"]
		if !ok {
			t.Errorf("GET %s: %d has no application/json schema", tc.path, tc.status)
			continue
		}
		v, err := decodeJSON(rec.Body.Bytes())
		if err != nil {
			t.Errorf("GET %s: %v", tc.url, err)
			continue
		}
		for _, e := range c.check(media.Schema, v, "response") {
			t.Errorf("GET %s: %s", tc.url, e)
		}
	}
}

// TestSchemaCheckerCatchesDrift shows the check fails when a response
// drifts from its document: a field missing, renamed, or of another type.
func TestSchemaCheckerCatchesDrift(t *testing.T) {
	_, c := loadAPIDoc(t)
	f := newAnalysisFixture(t)
	body := f.get("/api/entities?type=person").Body.Bytes()
	ref := map[string]any{"$ref": "#/components/schemas/EntityList"}
	good, _ := decodeJSON(body)
	if errs := c.check(ref, good, "r"); len(errs) > 0 {
		t.Fatalf("the real response should pass: %v", errs)
	}
	for name, mutate := range map[string]func(e map[string]any){
		"missing id":       func(e map[string]any) { delete(e, "id") },
		"renamed aliases":  func(e map[string]any) { e["alias"] = e["aliases"]; delete(e, "aliases") },
		"count as string":  func(e map[string]any) { e["count"] = "3" },
		"roles as strings": func(e map[string]any) { e["roles"] = []any{"Giám đốc"} },
		"unknown type":     func(e map[string]any) { e["type"] = "thing" },
	} {
		v, _ := decodeJSON(body)
		mutate(v.(map[string]any)["entities"].([]any)[0].(map[string]any))
		if errs := c.check(ref, v, "r"); len(errs) == 0 {
			t.Errorf("%s: drift not caught", name)
		}
	}
}

// TestRecordSchemas serves the article, entity and export schemas and
// checks an export line against the export schema.
func TestRecordSchemas(t *testing.T) {
	f := newAnalysisFixture(t)
	for _, name := range []string{"article.json", "entity.json", "export.json"} {
		rec := f.get("/api/schemas/" + name)
		var s map[string]any
		if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &s) != nil || s["$schema"] == nil || s["$defs"] == nil {
			t.Errorf("%s: %d %.100s", name, rec.Code, rec.Body)
		}
		if strings.Contains(rec.Body.String(), "#/components/") {
			t.Errorf("%s still points into the OpenAPI document", name)
		}
	}
	_, c := loadAPIDoc(t)
	rec := f.get("/api/export?limit=10")
	lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
	if len(lines) != len(f.arts) {
		t.Fatalf("%d export lines, want %d", len(lines), len(f.arts))
	}
	for i, line := range lines {
		v, err := decodeJSON([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range c.check(map[string]any{"$ref": "#/components/schemas/Article"}, v, "line") {
			t.Errorf("export line %d: %s", i+1, e)
		}
		ids, _ := v.(map[string]any)["entity_ids"].(map[string]any)
		if ids == nil || len(ids["people"].([]any)) != len(v.(map[string]any)["entities"].(map[string]any)["people"].([]any)) {
			t.Errorf("export line %d: entity_ids missing or not parallel to entities", i+1)
		}
	}
}
