package service

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Call is one HTTP exchange with a speech service.
type Call struct {
	Method string
	URL    string
	// Header is added to the request; keys need not be canonical.
	Header http.Header
	// Body is the request body; nil sends none, the same request on the
	// wire as an empty one.
	Body []byte
	// Limit is the largest body read; a longer one is an error.
	Limit int64
	// Check judges the response before its body is read [CheckStatus].
	Check func(*http.Response) error
}

// Do sends c with the backend's client and returns the response body and
// header. The whole exchange, body included, is bounded by the backend's
// Timeout (when set) whatever the client. Failures are classified (see [Classify]): a
// connection cut before or during the answer is retryable, an answer not
// complete within the Timeout is not.
func (s *Service) Do(ctx context.Context, c Call) ([]byte, http.Header, error) {
	actx, cancel := ctx, context.CancelFunc(func() {})
	if s.timeout > 0 {
		actx, cancel = context.WithTimeout(ctx, s.timeout)
	}
	defer cancel()
	data, header, err := s.exchange(actx, c)
	if err != nil {
		return nil, nil, Classify(ctx, err, s.timeout)
	}
	return data, header, nil
}

func (s *Service) exchange(ctx context.Context, c Call) ([]byte, http.Header, error) {
	hr, err := http.NewRequestWithContext(ctx, c.Method, c.URL, bytes.NewReader(c.Body))
	if err != nil {
		return nil, nil, err
	}
	for k, vs := range c.Header {
		for _, v := range vs {
			hr.Header.Add(k, v)
		}
	}
	resp, err := s.client.Do(hr)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	check := c.Check
	if check == nil {
		check = CheckStatus
	}
	if err := check(resp); err != nil {
		return nil, nil, err
	}
	data, err := ReadBody(resp.Body, c.Limit)
	if err != nil {
		return nil, nil, fmt.Errorf("reading answer: %w", err)
	}
	return data, resp.Header, nil
}

// DoJSON sends c (see [Service.Do]) and decodes the JSON answer into v
// (see [DecodeJSON]). It returns the answer too, for error messages.
func (s *Service) DoJSON(ctx context.Context, c Call, v any) ([]byte, error) {
	body, _, err := s.Do(ctx, c)
	if err != nil {
		return nil, err
	}
	return body, DecodeJSON(body, v)
}

// DecodeJSON decodes a service's JSON answer into v; the error quotes the
// start of the answer.
func DecodeJSON(body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("reading answer %q: %w", Snippet(body), err)
	}
	return nil
}

// CheckMP3 fails unless data starts like MP3 audio (an ID3 tag or a frame
// sync). Services that answer errors as JSON or text with status 200 are
// caught here; the error quotes the Content-Type and the start of data.
func CheckMP3(data []byte, header http.Header) error {
	if len(data) >= 4 && (string(data[:3]) == "ID3" || (data[0] == 0xff && data[1]&0xe0 == 0xe0)) {
		return nil
	}
	return fmt.Errorf("answer is not MP3 audio (%s): %q", header.Get("Content-Type"), Snippet(data))
}

// Snippet returns at most the first 200 bytes of b, for error messages.
func Snippet(b []byte) string {
	if len(b) > 200 {
		b = b[:200]
	}
	return string(b)
}
