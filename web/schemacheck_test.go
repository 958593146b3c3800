package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// schemaChecker validates decoded JSON against the subset of JSON Schema
// the OpenAPI document uses: $ref, type (one or a list), properties,
// required, additionalProperties: false, items and enum. It is small on
// purpose: the document uses nothing else, and a test that fails when
// the document grows a keyword the checker ignores is below
// (TestOpenAPIUsesOnlyCheckedKeywords).
type schemaChecker struct {
	defs map[string]any // component name → schema
}

func newSchemaChecker(doc []byte) (*schemaChecker, error) {
	var d struct {
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, err
	}
	return &schemaChecker{defs: d.Components.Schemas}, nil
}

// decodeJSON reads JSON keeping numbers as json.Number, so integers and
// fractions can be told apart.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// check returns every way v breaks schema, each naming where.
func (c *schemaChecker) check(schema any, v any, at string) []string {
	s, ok := schema.(map[string]any)
	if !ok {
		return []string{at + ": schema is not an object"}
	}
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		def, ok := c.defs[name]
		if !ok {
			return []string{at + ": unknown $ref " + ref}
		}
		return c.check(def, v, at)
	}
	var errs []string
	if t, ok := s["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, x := range t {
				types = append(types, x.(string))
			}
		}
		if !slices.ContainsFunc(types, func(t string) bool { return isType(v, t) }) {
			return []string{fmt.Sprintf("%s: %s is not of type %v", at, describe(v), types)}
		}
	}
	if enum, ok := s["enum"].([]any); ok && len(enum) > 0 && !slices.Contains(enum, v) {
		errs = append(errs, fmt.Sprintf("%s: %v is not one of %v", at, v, enum))
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := obj[r.(string)]; !ok {
					errs = append(errs, fmt.Sprintf("%s: missing required %q", at, r))
				}
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ps, ok := props[k]; ok {
				errs = append(errs, c.check(ps, obj[k], at+"."+k)...)
			} else if s["additionalProperties"] == false {
				errs = append(errs, fmt.Sprintf("%s: property %q is not in the schema", at, k))
			}
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := s["items"]; ok {
			for i, x := range arr {
				errs = append(errs, c.check(items, x, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	}
	return errs
}

func isType(v any, t string) bool {
	switch t {
	case "null":
		return v == nil
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		return ok && !strings.ContainsAny(string(n), ".eE")
	}
	return false
}

func describe(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 60 {
		b = append(b[:60], "…"...)
	}
	return string(b)
}

// checkedKeywords are the schema keywords schemaChecker understands or
// that carry no constraint.
var checkedKeywords = []string{"$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "description", "format"}
