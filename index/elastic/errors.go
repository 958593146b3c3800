package elastic

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// ResponseError is an error answer from Elasticsearch.
type ResponseError struct {
	Status int
	Type   string // e.g. index_not_found_exception; "" when the body has none
	Reason string
}

func (e *ResponseError) Error() string {
	if e.Type == "" {
		return fmt.Sprintf("status %d", e.Status)
	}
	return fmt.Sprintf("status %d: %s: %s", e.Status, e.Type, e.Reason)
}

// Unwrap makes 429 and 5xx answers ErrUnavailable.
func (e *ResponseError) Unwrap() error {
	if e.Status == http.StatusTooManyRequests || e.Status >= 500 {
		return ErrUnavailable
	}
	return nil
}

func isType(err error, typ string) bool {
	var re *ResponseError
	return errors.As(err, &re) && re.Type == typ
}

// responseError decodes an error body: {"error": {"type", "reason"}} or
// {"error": "text"}, or a get's {"found": false}.
func responseError(status int, body []byte) error {
	var e struct {
		Error json.RawMessage `json:"error"`
	}
	re := &ResponseError{Status: status}
	if json.Unmarshal(body, &e) == nil && len(e.Error) > 0 {
		var obj struct {
			Type   string `json:"type"`
			Reason string `json:"reason"`
		}
		var s string
		switch {
		case json.Unmarshal(e.Error, &obj) == nil:
			re.Type, re.Reason = obj.Type, obj.Reason
		case json.Unmarshal(e.Error, &s) == nil:
			re.Reason = s
		}
	}
	return re
}
